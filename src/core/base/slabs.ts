// Typed arrays carved out of shared slabs. A typed array of its own is an ArrayBuffer outside the JS
// heap; thousands of them (a few per note of a cold start) made V8 collect far more often than their
// bytes warrant. A slab lives while any array cut from it does.

/** A bump allocator over slabs of `slabBytes`; an array larger than `largest` bytes gets a buffer of its own. */
export class Slabs {
  private slab = new ArrayBuffer(0);
  private used = 0;
  constructor(private readonly slabBytes: number, private readonly largest: number) {}

  /** A zeroed Int32Array of `length` numbers. */
  ints(length: number): Int32Array {
    const { buffer, at } = this.region(length * 4);
    return new Int32Array(buffer, at, length);
  }

  /** A zeroed Uint8Array of `length` bytes. */
  bytes(length: number): Uint8Array {
    const { buffer, at } = this.region(length);
    return new Uint8Array(buffer, at, length);
  }

  /** `bytes` fresh (zeroed) bytes at an 8-aligned offset of some buffer. */
  private region(bytes: number): { buffer: ArrayBuffer; at: number } {
    const size = (bytes + 7) & ~7;
    if (size > this.largest) return { buffer: new ArrayBuffer(size), at: 0 };
    if (this.used + size > this.slab.byteLength) {
      this.slab = new ArrayBuffer(this.slabBytes);
      this.used = 0;
    }
    this.used += size;
    return { buffer: this.slab, at: this.used - size };
  }
}

// A scan's working arrays (line mask, tasks, list parents): short-lived, so only a few slabs are ever held.
const scratch = new Slabs(1 << 20, 1 << 17);

export const slabInts = (length: number): Int32Array => scratch.ints(length);
export const slabBytes = (length: number): Uint8Array => scratch.bytes(length);

/** `array` copied into one twice as long. */
export function grownInts(array: Int32Array): Int32Array {
  const bigger = slabInts(array.length * 2);
  bigger.set(array);
  return bigger;
}

export function grownBytes(array: Uint8Array): Uint8Array {
  const bigger = slabBytes(array.length * 2);
  bigger.set(array);
  return bigger;
}
