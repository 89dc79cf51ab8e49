// Strings cut out of a note (`slice`, `split`, `trim`) are views that keep the whole note's text alive
// in V8. Whatever the index keeps goes through `ownString` so it holds only its own characters.

/** A copy of `s` that shares no memory with the string it was cut from. */
export function ownString(s: string): string {
  // V8 flattens the concatenation into a new string; slicing that keeps only `s`'s characters.
  return (` ${s}`).slice(1);
}

/**
 * `ownString`, shared: track and group names and line prefixes repeat across notes, one copy serves
 * them all. Whoever parses notes one after another keeps one (`NoteWorkspace`).
 */
export class StringPool {
  private pool = new Map<string, string>();
  constructor(private readonly limit = 50_000) {}

  /** `s`'s own copy, the same string each time `s` is asked for. */
  get(s: string): string {
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    if (this.pool.size >= this.limit) this.pool = new Map(); // names outlive the pool safely; it only saves copies
    const own = ownString(s);
    this.pool.set(own, own);
    return own;
  }
}

/**
 * `s` made flat: V8 keeps a concatenation as a rope, and a rope used as a Map key is copied again on
 * every lookup. Reading a string as a number flattens it in place, once (elsewhere this costs nothing).
 */
export function flatString(s: string): string {
  Number(s);
  return s;
}
