// Tasks' done date (`✅ YYYY-MM-DD`), written when an item is ticked and taken off when it is unticked, as
// the Tasks plugin does. Whether ticking writes it is a setting: by default only on lines already in
// Tasks' format, so a note in its own shapes (`- [ ] 2021/3/27  第一周 …`) never gets marks unasked.
import type { BrainQueueSettings, IsoDate, Item, LineEdit } from "../base";
import { isTasksFormat, tasksDoneDate } from "../markdown";
import { toggleEdit } from "./edits";

/** What stays after the words: a block id (Tasks keeps it last) and trailing whitespace. */
const LINE_TAIL = /(?:[ \t]+\^[A-Za-z0-9-]+)?[ \t]*$/u;

/** Whether ticking this line writes a done date, by the setting. */
export function writesDoneDate(source: string, setting: BrainQueueSettings["doneDates"]): boolean {
  return setting === "always" || (setting === "tasks" && isTasksFormat(source));
}

/** The line with ` ✅ day` after its words, before a block id and trailing whitespace. */
export function withDoneDate(line: string, day: IsoDate): string {
  const at = LINE_TAIL.exec(line)?.index ?? line.length;
  return `${line.slice(0, at)} ✅ ${day}${line.slice(at)}`;
}

/**
 * The line without its done date. Only Tasks' `✅` mark: ticking writes no Dataview `[completion::]`, so
 * unticking takes none off (the pace reads both: see stats.ts).
 */
export function withoutDoneDate(line: string): string {
  const done = tasksDoneDate(line);
  return done === null ? line : line.slice(0, done.from) + line.slice(done.to);
}

/**
 * Ticks or unticks an item (toggleEdit) and, as the setting says, writes `✅ day` on ticking (when the line
 * has none) and takes the done date off on unticking. With the setting "never" only the box changes.
 */
export function tickEdit(item: Item, settings: Pick<BrainQueueSettings, "doneDates">, day: IsoDate, done?: boolean): LineEdit {
  const edit = toggleEdit(item, done);
  const line = edit.replacement;
  if (line === null || line === edit.expected || settings.doneDates === "never") return edit;
  const ticking = done ?? !item.done;
  const written = tasksDoneDate(line) !== null;
  if (ticking) return writesDoneDate(line, settings.doneDates) && !written ? { ...edit, replacement: withDoneDate(line, day) } : edit;
  return written ? { ...edit, replacement: withoutDoneDate(line) } : edit;
}
