// Stage 4, the vault index: one record per note kept current one note at a time, the per-note and
// per-day queries, the whole-vault views kept across edits, and the start-up loops that fill it.
// Columns stay behind its API. May import: base, markdown, items, storage.
export { type BatchResult, indexInBatches, runInSlices, STEPPED_FROM } from "./batch";
export { type NoteStat, type OverdueGroup, type ItemTest, type OverdueGroups, type RowTest, VaultIndex } from "./vaultIndex";
