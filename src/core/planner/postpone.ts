// Postponing one item: to a day, optionally sliding the rest of its track along (roll's shift from
// this item on), as the changes a roll makes so the same write path and undo apply.
import { addDays, daysBetween, fromDayNumber, nameRecord, toDayNumber, type BrainQueueSettings, type IsoDate, type Item } from "../base";
import { FixedRules } from "./fixed";
import { changeFor, isOpen, paddingHabit, type RollPlan } from "./roll";
import { StudyDays } from "./studyDays";

/** The day a "postpone" choice means for `item` on `today`; the next study day skips `skip` too. */
export function postponeDay(choice: "tomorrow" | "week" | "studyDay", item: Item, today: IsoDate, weekdays: readonly number[],
  skip: readonly IsoDate[] = []): IsoDate {
  const tomorrow = addDays(today, 1);
  if (choice === "tomorrow") return tomorrow;
  if (choice === "week") return addDays(item.date < tomorrow ? today : item.date, 7);
  // The first study day after today (tomorrow when none is left before 9999-12-31).
  const next = StudyDays.of(weekdays, skip).from(toDayNumber(tomorrow));
  return next === null ? tomorrow : fromDayNumber(next);
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
  const rules = new FixedRules(settings);
  for (const other of [item, ...later]) {
    if (other !== item) {
      const reason = rules.reason(other);
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
