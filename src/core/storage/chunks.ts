// The cache encoder's buffers, grown a chunk at a time: nothing written is ever copied to grow them, so
// no step of a stepped encode copies tens of megabytes, and there is one allocation per chunk, not per note.

/** Numbers per column chunk. */
const CHUNK = 64 * 1024;
/** Bytes per chunk of UTF-8. */
const BYTE_CHUNK = 1024 * 1024;

/** A typed array grown in chunks (a 50,000-note vault's numbers take tens of megabytes). */
export class ChunkedColumn<T extends Int32Array | Float64Array> {
  private readonly full: T[] = [];
  private chunk: T;
  private used = 0;
  constructor(private readonly make: (n: number) => T) {
    this.chunk = make(CHUNK);
  }
  get length(): number {
    return this.full.length * CHUNK + this.used;
  }
  push(value: number): void {
    if (this.used === CHUNK) this.next();
    this.chunk[this.used++] = value;
  }
  pushAll(values: Int32Array): void {
    if (this.used + values.length <= CHUNK) {
      this.chunk.set(values, this.used);
      this.used += values.length;
      return;
    }
    for (let from = 0; from < values.length;) {
      if (this.used === CHUNK) this.next();
      const n = Math.min(values.length - from, CHUNK - this.used);
      this.chunk.set(values.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
    }
  }
  /** What was written, in order. */
  parts(): T[] {
    return [...this.full, this.chunk.subarray(0, this.used) as T];
  }
  /** The values at `[from, to)`, in the pieces they lie in (for an Int32 column: see `mixWords`). */
  *range(from: number, to: number): Generator<T, void, void> {
    for (let at = from; at < to;) {
      const index = Math.floor(at / CHUNK);
      const chunk = index < this.full.length ? this.full[index] : this.chunk;
      const end = Math.min(to, (index + 1) * CHUNK);
      yield chunk.subarray(at - index * CHUNK, end - index * CHUNK) as T;
      at = end;
    }
  }
  private next(): void {
    this.full.push(this.chunk);
    this.chunk = this.make(CHUNK);
    this.used = 0;
  }
}

/**
 * UTF-8 written into shared chunks: one allocation per megabyte or so, not one per note. Each text
 * starts on a 4-byte boundary (zero bytes fill the gap), so it can be read and checksummed as words.
 */
export class Utf8Chunks {
  /** What was written, in order. */
  readonly parts: Uint8Array[] = [];
  private chunk = new Uint8Array(0);
  private from = 0;
  private used = 0;
  /** Bytes written so far, filling included. */
  byteLength = 0;
  constructor(private readonly encoder: TextEncoder) {}

  /** Writes `text` as UTF-8; returns the bytes written (a view, without the filling). */
  encode(text: string): Uint8Array {
    const room = text.length * 3 + 3; // UTF-8 takes at most three bytes per UTF-16 unit
    if (this.used + room > this.chunk.length) {
      this.endPart();
      this.chunk = new Uint8Array(Math.max(BYTE_CHUNK, room));
      this.from = this.used = 0;
    }
    const at = this.used;
    const { written } = this.encoder.encodeInto(text, this.chunk.subarray(at));
    this.used = (at + written + 3) & ~3; // a fresh chunk's bytes are zero
    this.byteLength += this.used - at;
    return this.chunk.subarray(at, at + written);
  }

  /** Adds bytes encoded already. */
  add(bytes: Uint8Array): void {
    this.endPart();
    this.parts.push(bytes);
    if (bytes.length % 4 !== 0) this.parts.push(new Uint8Array(4 - (bytes.length % 4)));
    this.byteLength += (bytes.length + 3) & ~3;
  }

  /** Ends the bytes written into the current chunk so far as one part; call before reading `parts`. */
  endPart(): void {
    if (this.used > this.from) this.parts.push(this.chunk.subarray(this.from, this.used));
    this.from = this.used;
  }
}
