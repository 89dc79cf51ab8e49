// Just enough inline Markdown to name tracks and groups: emphasis markers are dropped.

const PAIRED = ["**", "__", "~~", "=="];
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** `**会议与期刊**` → `会议与期刊`, `Sub *part*` → `Sub part`: drops bold, italic, strike and
 *  highlight markers; an `_` inside a word (snake_case) stays. */
export function stripEmphasis(text: string): string {
  let t = text;
  for (const mark of PAIRED) if (t.includes(mark)) t = t.split(mark).join("");
  if (t.includes("*") || t.includes("_")) {
    let out = "";
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ch === "*") continue;
      if (ch === "_" && !(isWordChar(t[i - 1]) && isWordChar(t[i + 1]))) continue;
      out += ch;
    }
    t = out;
  }
  return t.trim();
}

/** The label of a line (`s[at, end)`) that is only bold text (`**第2章\u3000CUDA编程模型**`), else null. */
export function boldOnly(s: string, at: number, end: number): string | null {
  const mark = s.startsWith("**", at) ? "**" : s.startsWith("__", at) ? "__" : null;
  if (!mark || at + 2 > end) return null;
  const t = s.slice(at, end).trimEnd();
  if (t.length <= 4 || !t.endsWith(mark)) return null;
  const inner = t.slice(2, -2);
  if (inner.includes(mark)) return null;
  const label = stripEmphasis(inner);
  return label.length > 0 ? label : null;
}
