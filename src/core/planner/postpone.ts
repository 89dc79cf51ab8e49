// Postponing one item: to a day, optionally sliding the rest of its track along (roll's shift from
// this item on), as the changes a roll makes so the same write path and undo apply.
import { addDays, daysBetween, nameRecord, weekdayIndex, type BrainQueueSettings, type IsoDate, type Item } from "../base";
import { fixedReason } from "./fixed";
import { changeFor, isOpen, paddingHabit, type RollPlan } from "./roll";

/** The day a "postpone" choice means for `item` on `today`. */
export function postponeDay(choice: "tomorrow" | "week" | "studyDay", item: Item, today: IsoDate, weekdays: readonly number[]): IsoDate {
  const tomorrow = addDays(today, 1);
  if (choice === "tomorrow") return tomorrow;
  if (choice === "week") return addDays(item.date < tomorrow ? today : item.date, 7);
  // The first chosen weekday after today (tomorrow when none is chosen).
  for (let d = tomorrow, k = 0; k < 7; d = addDays(d, 1), k++) if (weekdays.includes(weekdayIndex(d) + 1)) return d;
  return tomorrow;
}

/**
 * Moves `item` to `to` (a range keeps its length); with `shiftRest`, every later unfinished movable
 * item of its track (after it in the note, dated on or after it) moves by as many days.
 */
export function postponePlan(item: Item, trackItems: readonly Item[], to: IsoDate, shiftRest: boolean, settings: BrainQueueSettings): RollPlan {
  const shift = daysBetween(item.date, to);
  const plan: RollPlan = { date: to, modes: nameRecord(), changes: [], skipped: [] };
  const habit = paddingHabit(trackItems);
  // `item` may be another copy of one of `trackItems` (the sidebar's): it is known by its place.
  const later = shiftRest
    ? trackItems.filter((other) => other.path === item.path && other.line > item.line && isOpen(other) && other.date >= item.date)
    : [];
  for (const other of [item, ...later]) {
    if (other !== item) {
      const reason = fixedReason(other, settings);
      if (reason !== null) {
        plan.skipped.push({ path: other.path, line: other.line, reason, text: other.text });
        continue;
      }
    }
    const end = other.end === null ? null : addDays(other.end, shift);
    const change = changeFor(other, addDays(other.date, shift), end, habit, other === item);
    if (change) plan.changes.push(change);
  }
  return plan;
}
