// Fixed items: dated lines whose day is a fact, not a plan (deadlines, exams, 开课/结课). They never
// move in a roll, never count as overdue, and show at the top of Today on their day whatever their track.
import { hasKeyword, recognizeDeadline, venuesOf } from "./deadlines";
import type { BrainQueueSettings } from "./settings";
import type { Item } from "./types";

/** Whether the text alone makes an item fixed: a deadline word or a fixed-date keyword. */
export function isFixedText(text: string, settings: BrainQueueSettings): boolean {
  return hasKeyword(text, settings.deadlineWords) || hasKeyword(text, settings.fixedKeywords);
}

/** Why an item keeps its date no matter what, or null when it may move. */
export function fixedReason(item: Pick<Item, "text">, settings: BrainQueueSettings): string | null {
  if (recognizeDeadline(item.text, settings.deadlineWords, venuesOf(settings))) return "fixed date: deadline";
  // One test for all the keywords first: most items have none, and a roll can hold tens of thousands.
  if (!hasKeyword(item.text, settings.fixedKeywords)) return null;
  const keyword = settings.fixedKeywords.find((word) => hasKeyword(item.text, [word]));
  return keyword === undefined ? null : `fixed date: “${keyword.trim()}”`;
}

/** The key under which the index remembers, per note, the open items that cannot be overdue. */
export function notOverdueKey(settings: BrainQueueSettings): string {
  return `not-overdue:1:${JSON.stringify([settings.deadlineWords, settings.fixedKeywords])}`;
}

/** An open item that cannot be missed: a fixed one (its day has passed, nothing to catch up on) or an empty slot. */
export function cannotBeOverdue(text: string, settings: BrainQueueSettings): boolean {
  return text === "" || isFixedText(text, settings);
}
