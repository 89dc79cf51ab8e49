// Classifies one source line as an unfinished deadline, for the editor extension and the reading view.
import { findDateExpr } from "../core/markdown";
import { daysLeft, urgencyOf, type DeadlineRules, type Urgency } from "../core/items";
import type { BrainQueueSettings } from "../core/base";
import { t } from "./i18n";

export interface DeadlineContext {
  now: () => Date;
  settings: () => BrainQueueSettings;
  /** The settings' deadline words and venues, compiled (kept while the settings stay). */
  rules: () => DeadlineRules;
  /** True when the venue list in the vault strikes this venue through. */
  isDropped: (venue: string, year: number | null) => boolean;
}

export interface LineDeadline {
  daysLeft: number;
  urgency: Urgency;
  dropped: boolean;
}

const CHECKLIST = /^[ \t\u3000]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(.)\][ \t\u3000]?(.*)$/u;

export function deadlineOfLine(line: string, context: DeadlineContext, now: Date = context.now()): LineDeadline | null {
  const match = CHECKLIST.exec(line);
  if (!match || match[1] === "x" || match[1] === "X") return null;
  const content = match[2];
  const found = findDateExpr(content);
  if (!found || "error" in found) return null;
  const text = (content.slice(0, found.from) + " " + content.slice(found.to)).trim();
  const settings = context.settings();
  const recognized = context.rules().recognize(text);
  if (!recognized) return null;
  const days = daysLeft(found.end ?? found.date, now, settings.anywhereOnEarth);
  const dropped = recognized.venue !== null && context.isDropped(recognized.venue, recognized.year);
  return { daysLeft: days, urgency: urgencyOf(days), dropped };
}

/** `D-12`, `today`, `D+3`: the badge text; on the day itself the word every surface says (daysLeftText). */
export function badgeText(days: number): string {
  if (days === 0) return t("view.dueToday");
  return days > 0 ? `D-${days}` : `D+${-days}`;
}

export function deadlineClasses(deadline: LineDeadline): string {
  return `bq-deadline bq-urgency-${deadline.urgency}${deadline.dropped ? " bq-dropped" : ""}`;
}

/** Milliseconds from `now` to the next local midnight (at least one second, so a timer never spins). */
export function msUntilMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return Math.max(1000, next.getTime() - now.getTime());
}
