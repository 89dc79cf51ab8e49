// Working arrays of a note's scan (line mask, tasks, list parents), carved out of shared slabs. A typed
// array of its own is an ArrayBuffer outside the JS heap; thousands of short-lived ones (a few per note
// of a cold start) made V8 collect far more often than their bytes warrant. A slab lives while any array
// cut from it does; scans are short-lived, so only a few slabs are ever held.
const SLAB_BYTES = 1 << 20;
let slab = new ArrayBuffer(0);
let used = 0;

/** `bytes` fresh (zeroed) bytes at an 8-aligned offset of some buffer. */
function region(bytes: number): { buffer: ArrayBuffer; at: number } {
  const size = (bytes + 7) & ~7;
  if (size > SLAB_BYTES / 8) return { buffer: new ArrayBuffer(size), at: 0 };
  if (used + size > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  used += size;
  return { buffer: slab, at: used - size };
}

/** A zeroed Int32Array of `length` numbers. */
export function slabInts(length: number): Int32Array {
  const { buffer, at } = region(length * 4);
  return new Int32Array(buffer, at, length);
}

/** A zeroed Uint8Array of `length` bytes. */
export function slabBytes(length: number): Uint8Array {
  const { buffer, at } = region(length);
  return new Uint8Array(buffer, at, length);
}

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
