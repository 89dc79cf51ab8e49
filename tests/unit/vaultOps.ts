// Random vault histories for the index's property tests: updates, removals and renames, applied both to a
// live VaultIndex and to a plain map of the notes, from which a fresh index is the expected answer.
import fc from "fast-check";
import { VaultIndex } from "../../src/core/vaultIndex";

export type VaultOp =
  | { kind: "update"; path: string; text: string }
  | { kind: "remove"; path: string }
  | { kind: "rename"; path: string; to: string };

export function vaultOp(noteText: fc.Arbitrary<string>, paths: string[]): fc.Arbitrary<VaultOp> {
  return fc.oneof(
    fc.record({ kind: fc.constant("update" as const), path: fc.constantFrom(...paths), text: noteText }),
    fc.record({ kind: fc.constant("remove" as const), path: fc.constantFrom(...paths) }),
    fc.record({ kind: fc.constant("rename" as const), path: fc.constantFrom(...paths), to: fc.constantFrom(...paths) }),
  );
}

/** Applies `op` to the live index and to `files`; a rename onto an existing note or of a missing one is skipped. */
export function applyOp(live: VaultIndex, files: Map<string, string>, op: VaultOp): void {
  if (op.kind === "update") {
    live.update(op.path, op.text);
    files.set(op.path, op.text);
  } else if (op.kind === "remove") {
    live.remove(op.path);
    files.delete(op.path);
  } else if (files.has(op.path) && !files.has(op.to)) {
    live.rename(op.path, op.to);
    const text = files.get(op.path)!;
    files.delete(op.path);
    files.set(op.to, text);
  }
}

export function freshIndex(files: Map<string, string>): VaultIndex {
  const fresh = new VaultIndex();
  for (const [path, text] of files) fresh.update(path, text);
  return fresh;
}
