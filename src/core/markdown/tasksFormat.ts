// Tasks' format (https://publish.obsidian.md/tasks/): its field emoji, whether a line is written in that
// format, and the done date a line records. One home for the rule: ticking (planner/doneDate), planning
// (planner/planText), the pace (planner/stats) and the text shown (inline) read it here.
import { isValidYmd } from "../base";

/** Date fields: due (📅, and 📆 🗓 as Tasks also reads it), scheduled (⏳ ⌛), start, done, created, cancelled. */
export const TASKS_DATE_EMOJI = "📅📆🗓⏳⌛🛫✅➕❌";
/** Priorities, highest to lowest. */
export const TASKS_PRIORITY_EMOJI = "⏫🔼🔽🔺⏬";
/** Recurrence, id, depends on, on completion. */
export const TASKS_OTHER_EMOJI = "🔁🆔⛔🏁";

const TASKS_FIELD = new RegExp(`[${TASKS_DATE_EMOJI}${TASKS_PRIORITY_EMOJI}${TASKS_OTHER_EMOJI}]`, "u");

/** Whether a line (or its text) carries one of Tasks' field emoji: a date, a priority, a recurrence … */
export function isTasksFormat(text: string): boolean {
  return TASKS_FIELD.test(text);
}

/** Tasks' done date as it writes it (`✅ 2026-03-04`, the emoji maybe with U+FE0F), with the blanks before it. */
const DONE_DATE = /[ \t]*✅\uFE0F?[ \t]*(\d{4})-(\d{2})-(\d{2})/u;

/** Where a line's done date is written (`from`–`to`, the blanks before it included) and its day as yyyymmdd (0 when it names no real day). */
export interface DoneDate { from: number; to: number; key: number }

/** The first `✅` of the line followed by a date, or null. */
export function tasksDoneDate(line: string): DoneDate | null {
  if (!line.includes("✅")) return null;
  const match = DONE_DATE.exec(line);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return { from: match.index, to: match.index + match[0].length, key: isValidYmd(y, m, d) ? y * 10_000 + m * 100 + d : 0 };
}
