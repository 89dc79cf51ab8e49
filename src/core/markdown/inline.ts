// Just enough inline Markdown to name tracks and groups: emphasis markers and inline HTML are dropped.
import { TASKS_DATE_EMOJI, TASKS_PRIORITY_EMOJI } from "./tasksFormat";

const PAIRED = ["**", "__", "~~", "=="];
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** An HTML open or close tag or a comment, as CommonMark reads inline HTML (no `<` or `>` inside). */
const INLINE_HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>]*)?\/?>|<!--[^>]*?-->/g;

/** `<a name='ToDolist'></a>ToDo list` → `ToDo list`: a table of contents' anchors and colouring spans
 *  are not part of a name. Text in angle brackets that is no tag (`a <b c`) stays. */
export function stripInlineHtml(text: string): string {
  return text.includes("<") ? text.replace(INLINE_HTML, "") : text;
}

/** `**会议与期刊**` → `会议与期刊`, `Sub *part*` → `Sub part`: drops bold, italic, strike and
 *  highlight markers and inline HTML; an `_` inside a word (snake_case) stays. */
export function stripEmphasis(text: string): string {
  let t = stripInlineHtml(text);
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

// Tasks' fields (https://publish.obsidian.md/tasks/): dates, priority, recurrence, ids and dependencies, the
// action on completion, and the same fields written Dataview's way. Each match takes the blanks before it.
// The emoji are Tasks' own (tasksFormat.ts). A date here may be unpadded: what is shown drops it either way.
const DATE_FIELD = String.raw`[${TASKS_DATE_EMOJI}]\uFE0F?[ \t]*\d{4}-\d{1,2}-\d{1,2}`;
const PRIORITY = String.raw`[${TASKS_PRIORITY_EMOJI}]\uFE0F?`;
const IDS = String.raw`(?:🆔|⛔)\uFE0F?[ \t]*[A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*`;
const ON_COMPLETION = String.raw`🏁\uFE0F?[ \t]*[A-Za-z]*`;
/** Recurrence text runs up to the next field. */
const RECURRENCE = String.raw`🔁\uFE0F?(?:(?![${TASKS_DATE_EMOJI}${TASKS_PRIORITY_EMOJI}🆔⛔🏁])[^])*`;
const DATAVIEW_FIELD = String.raw`[[(][ \t]*(?:due|scheduled|start|created|completion|cancelled|priority|repeat|id|dependsOn|onCompletion)[ \t]*::[^\][()]*[\])]`;
const BLOCK_ID = String.raw`[ \t]\^[A-Za-z0-9-]+[ \t]*$`;
const TASKS_FIELDS = new RegExp(`[ \\t]*(?:${[DATE_FIELD, PRIORITY, IDS, ON_COMPLETION, RECURRENCE, DATAVIEW_FIELD].join("|")})|${BLOCK_ID}|<br[ \\t]*\\/?>`, "giu");
/** Whether `text` has a character that may start one of them (most item texts have none and are returned
 *  as they are): a loop, as this runs for every item the sidebar filters by its text. */
function mayHaveFields(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 94 || c === 60 || (c >= 0x2300 && c <= 0x27bf) || c === 0xd83c || c === 0xd83d) return true; // ^ <
    if (c === 58 && text.charCodeAt(i + 1) === 58) return true; // ::
  }
  return false;
}

/** Separators people put between a date and its text (`2025-03-05：registration`, `2025-03-07 - measurement`). */
const LEADING_SEPARATOR = /^(?:[：:/]|-[ \t])[ \t\u3000]*/;
const mayStartWithSeparator = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return c === 0xff1a || c === 58 || c === 47 || c === 45;
};

/**
 * An item's text as a Tasks user sees its description: Tasks' fields and block ids dropped (tags stay), a
 * `<br>` dropped, and a separator left at the start by the date's removal trimmed.
 */
export function displayText(text: string): string {
  let t = mayHaveFields(text) ? text.replace(TASKS_FIELDS, "").trim() : text;
  const separator = mayStartWithSeparator(t) ? LEADING_SEPARATOR.exec(t) : null;
  if (separator) t = t.slice(separator[0].length).trim();
  return t;
}
