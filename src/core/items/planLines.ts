// Every checklist line of a note, dated or not, with its track and chapter: what a plan gives dates
// to. The index keeps only dated lines; a plan also dates the undated ones, so it reads the note.
import { dayOfKey, type DateForm, type IsoDate } from "../base";
import { dateKeys, displayText, findDateKeys, scanNote } from "../markdown";
import { textAround } from "./noteItems";
import { continuation, noteName, withoutComments } from "./parse";

export interface PlanLine {
  path: string;
  /** 1-based. */
  line: number;
  /** The whole line without its terminator, as the write path checks it. */
  source: string;
  status: string;
  /** Neither done (`x`, `X`) nor cancelled (`-`). */
  open: boolean;
  /** The words without the date, as the sidebar shows them. */
  text: string;
  track: string;
  /** The track heading's line, 0 above any heading: tells apart two tracks of one name in a note. */
  trackLine: number;
  /** The chapter (deeper heading or bold-only line) and its line, 0 for none. */
  group: string | null;
  groupLine: number;
  /** An undated line nested under another checklist line: it goes with its parent and gets no date. */
  subtask: boolean;
  /** Offset in `source` just after the checkbox's `]`. */
  contentFrom: number;
  date: IsoDate | null;
  end: IsoDate | null;
  /** Offsets of the date expression in `source` (both 0 when undated). */
  dateFrom: number;
  dateTo: number;
  form: DateForm | null;
}

const isClosed = (status: string): boolean => status === "x" || status === "X" || status === "-";

/** The note's checklist lines in order; a line with an impossible date is left out (it cannot be rewritten). */
export function checklistLines(path: string, text: string, trackLevel: number): PlanLine[] {
  const scanned = scanNote(text);
  const { tasks, headings, itemParent } = scanned;
  const taskItems = new Set<number>();
  for (let t = 0; t < tasks.length; t++) taskItems.add(tasks.item(t));
  const underTask = (item: number): boolean => {
    for (let p = itemParent[item]; p >= 0; p = itemParent[p]) if (taskItems.has(p)) return true;
    return false;
  };
  const fallback = noteName(path);
  let track = fallback;
  let trackLine = 0;
  let group: string | null = null;
  let groupLine = 0;
  let nextHeading = 0;
  const lines: PlanLine[] = [];
  const keys = dateKeys();
  for (let t = 0; t < tasks.length; t++) {
    const line = tasks.line(t);
    for (; nextHeading < headings.length && headings[nextHeading].line <= line; nextHeading++) {
      const h = headings[nextHeading];
      if (h.level <= trackLevel) {
        track = h.text || fallback;
        trackLine = h.line;
        group = null;
        groupLine = 0;
      } else {
        group = h.text || null;
        groupLine = h.line;
      }
    }
    const from = tasks.from(t);
    const source = scanned.text.slice(from, tasks.to(t));
    const contentFrom = tasks.contentFrom(t);
    const content = source.slice(contentFrom);
    const found = findDateKeys(withoutComments(content), keys);
    if (found !== null && "error" in found) continue;
    const status = String.fromCodePoint(tasks.status(t));
    const dateFrom = found ? contentFrom + found.from : 0;
    const dateTo = found ? contentFrom + found.to : 0;
    let shown = displayText(found ? textAround(content, found.from, found.to) : content.trim());
    if (shown === "" && tasks.paraTo(t) > tasks.to(t)) shown = displayText(continuation(scanned.text.slice(tasks.to(t), tasks.paraTo(t))));
    lines.push({
      path, line: line + 1, source, status, open: !isClosed(status), text: shown, track, trackLine, group, groupLine,
      subtask: found === null && underTask(tasks.item(t)), contentFrom,
      date: found ? dayOfKey(found.date) : null, end: found && found.end !== 0 ? dayOfKey(found.end) : null,
      dateFrom, dateTo, form: found ? found.form : null,
    });
  }
  return lines;
}

/** The track of 1-based `line`: its nearest heading of `trackLevel` or shallower, else the note's name. */
export function trackAtLine(path: string, text: string, line: number, trackLevel: number): string {
  let name = noteName(path);
  for (const heading of scanNote(text).headings) {
    if (heading.line > line) break;
    if (heading.level <= trackLevel) name = heading.text || noteName(path);
  }
  return name;
}
