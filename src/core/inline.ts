// Just enough inline Markdown to name tracks and groups: emphasis markers are dropped.

const PAIRED = ["**", "__", "~~", "=="];

/** `**会议与期刊**` → `会议与期刊`; removes bold/strike/highlight markers and outer `*`/`_`. */
export function stripEmphasis(text: string): string {
  let t = text;
  for (const mark of PAIRED) if (t.includes(mark)) t = t.split(mark).join("");
  t = t.trim();
  while (t.length >= 2 && (t[0] === "*" || t[0] === "_") && t[t.length - 1] === t[0]) t = t.slice(1, -1).trim();
  return t;
}

/** The label of a line that is only bold text (`**第2章\u3000CUDA编程模型**`) from `at`, else null. */
export function boldOnly(line: string, at: number): string | null {
  const mark = line.startsWith("**", at) ? "**" : line.startsWith("__", at) ? "__" : null;
  if (!mark) return null;
  const t = line.slice(at).trimEnd();
  if (t.length <= 4 || !t.endsWith(mark)) return null;
  const inner = t.slice(2, -2);
  if (inner.includes(mark)) return null;
  const label = stripEmphasis(inner);
  return label.length > 0 ? label : null;
}
