// Terminal column widths, so tables line up with CJK text and full-width punctuation.

/** East Asian wide and full-width characters take two columns; combining marks and controls none. */
function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0x303e) || (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd) || code === 0x3000
  ) return 2;
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts text to at most `width` columns, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** Control characters from note text must not reach the terminal. */
export function clean(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += char === "\t" ? " " : isControl(code) ? "\uFFFD" : char;
  }
  return out;
}

/** C0/C1 control characters, the Unicode line/paragraph separators and the bidirectional controls
 *  (U+202E would show a name backwards). */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || isBidiControl(code);
}

function isBidiControl(code: number): boolean {
  return code === 0x61c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A path (or any name) on one printable line that still tells it apart: controls escaped as `\n`, `\u{202E}`. */
export function shownPath(path: string): string {
  let out = "";
  for (const char of path) {
    const code = char.codePointAt(0)!;
    out += !isControl(code) ? char : ESCAPES[char] ?? `\\u{${code.toString(16).toUpperCase().padStart(4, "0")}}`;
  }
  return out;
}

/** JSON text with the characters a terminal would act on written as `\uXXXX` (the same JSON value). */
export function terminalSafeJson(json: string): string {
  let out = "";
  for (const char of json) {
    const code = char.codePointAt(0)!;
    out += code > 0x7e && isControl(code) ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}
