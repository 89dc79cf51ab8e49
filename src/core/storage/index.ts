// Stage 3, records ↔ bytes and threads: the index cache's codec (checksums, chunked buffers, lazy
// restore) and the batches of notes parse workers answer with records. May import: base,
// markdown, items.
export { CACHE_SLICE_MS, encodeIndexCache, encodeIndexCacheInSteps } from "./indexCache";
export { decodeIndexCache } from "./indexCacheRead";
export { ParseAnswerer, type ParseReply, type ParseRequest } from "./parseBatch";
export { type ParsedRecords, type ParseEndpoint, ParsePool, parseWorkerCount } from "./parsePool";
