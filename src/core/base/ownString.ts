// Strings cut out of a note (`slice`, `split`, `trim`) are views that keep the whole note's text alive
// in V8. Whatever the index keeps goes through `ownString` so it holds only its own characters.

/** A copy of `s` that shares no memory with the string it was cut from. */
export function ownString(s: string): string {
  // V8 flattens the concatenation into a new string; slicing that keeps only `s`'s characters.
  return (` ${s}`).slice(1);
}

const POOL_LIMIT = 50_000;
let pool = new Map<string, string>();

/** `ownString`, shared: track and group names repeat across notes, one copy serves them all. */
export function pooledString(s: string): string {
  const known = pool.get(s);
  if (known !== undefined) return known;
  if (pool.size >= POOL_LIMIT) pool = new Map(); // names outlive the pool safely; it only saves copies
  const own = ownString(s);
  pool.set(own, own);
  return own;
}

/**
 * `s` made flat: V8 keeps a concatenation as a rope, and a rope used as a Map key is copied again on
 * every lookup. Reading a string as a number flattens it in place, once (elsewhere this costs nothing).
 */
export function flatString(s: string): string {
  Number(s);
  return s;
}
