// Typed arrays carved out of shared slabs. A typed array of its own is an ArrayBuffer outside the JS
// heap; thousands of them (a few per note of a cold start) made V8 collect far more often than their
// bytes warrant. A slab lives while any array cut from it does. A region is never handed out twice, so
// work that pauses (a note parsed in steps) and work done meanwhile can carve from the same slabs.

/**
 * A bump allocator over slabs of `slabBytes`; an array larger than `largest` bytes gets a buffer of its
 * own. Whoever parses notes one after another owns one (`NoteWorkspace`); `new Slabs(0, 0)` gives every
 * array a buffer of its own, for work done once.
 */
export class Slabs {
  private slab = new ArrayBuffer(0);
  private used = 0;
  constructor(private readonly slabBytes: number, private readonly largest: number) {}

  /** Lets go of the current slab (it lives on while arrays cut from it do); the next array starts a new one. */
  release(): void {
    this.slab = new ArrayBuffer(0);
    this.used = 0;
  }

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

  /** `array` copied into one twice as long. */
  grownInts(array: Int32Array): Int32Array {
    const bigger = this.ints(array.length * 2);
    bigger.set(array);
    return bigger;
  }

  grownBytes(array: Uint8Array): Uint8Array {
    const bigger = this.bytes(array.length * 2);
    bigger.set(array);
    return bigger;
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
