// A 32-bit checksum over 32-bit words (MurmurHash3's block step). Each step is a bijection of the state
// for a given word, and each word's mix a bijection of the word, so any one changed word always changes
// the sum; more changes slip through with a chance of 1 in 2^32. Words, not bytes: the index cache is
// verified at every start-up, and a word at a time is several times faster than a byte at a time.

export const CHECKSUM_SEED = 0x42510000 | 0;

/** The sum after `word`. */
export function mixWord(sum: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  const h = sum ^ k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

/** The sum after `words[from, to)`. */
export function mixWords(sum: number, words: Int32Array, from = 0, to = words.length): number {
  let h = sum;
  for (let i = from; i < to; i++) {
    let k = Math.imul(words[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  return h;
}

/** The sum after `bytes` read as little-endian words, the last one filled up with zero bytes. */
export function mixBytes(sum: number, bytes: Uint8Array): number {
  const whole = bytes.length >> 2;
  let h = sum;
  if (bytes.byteOffset % 4 === 0) h = mixWords(h, new Int32Array(bytes.buffer, bytes.byteOffset, whole));
  else for (let i = 0; i < whole * 4; i += 4) h = mixWord(h, bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
  if (whole * 4 === bytes.length) return h;
  let last = 0;
  for (let i = whole * 4, shift = 0; i < bytes.length; i++, shift += 8) last |= bytes[i] << shift;
  return mixWord(h, last);
}

/** Bytes `n` takes once filled up to whole words. */
export const wordAligned = (n: number): number => (n + 3) & ~3;
