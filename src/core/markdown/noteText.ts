// A note as read for indexing: its text, or its UTF-8 bytes. Bytes let the thread that reads hand the
// decoding to a parse worker along with the parsing (decoding is much of the cost of reading a note's text).
export type NoteText = string | Uint8Array;

// `ignoreBOM`: a byte order mark stays in the text, as in Node's and Obsidian's reads of a note.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

export function decodeNote(text: NoteText): string {
  return typeof text === "string" ? text : decoder.decode(text);
}

/** The size batches are measured in: characters, or bytes before decoding. */
export function noteSize(text: NoteText): number {
  return typeof text === "string" ? text.length : text.byteLength;
}

/** The buffer that can be handed over to a worker instead of copied: only bytes that own all of it. */
export function ownBuffer(text: NoteText): ArrayBuffer | null {
  if (typeof text === "string" || text.byteOffset !== 0 || !(text.buffer instanceof ArrayBuffer)) return null;
  return text.byteLength === text.buffer.byteLength ? text.buffer : null;
}
