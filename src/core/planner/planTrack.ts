// A track's plan from its checklist lines: the dates (plan.ts) written in its habit (planText.ts).
import type { BrainQueueSettings, IsoDate } from "../base";
import type { PlanLine } from "../items";
import { assignDates, plannable, type Assignment, type PlanOptions } from "./plan";
import { dateHabit, planChanges, type PlanChange } from "./planText";

export interface TrackPlan { start: IsoDate; end: IsoDate | null; assignments: Assignment[]; changes: PlanChange[] }

/**
 * The plan of one track: `trackLines` are its checklist lines in document order, `noteLines` every
 * checklist line of its note (for the note's date habit when the track has no dated line).
 */
export function planTrack(trackLines: readonly PlanLine[], noteLines: readonly PlanLine[], options: PlanOptions,
  settings: BrainQueueSettings): { ok: true; plan: TrackPlan } | { ok: false; error: string } {
  const result = assignDates(plannable(trackLines, settings), options);
  if (!result.ok) return result;
  const changes = planChanges(result.assignments, dateHabit(trackLines, noteLines), trackLines, settings.trackHeadingLevel);
  return { ok: true, plan: { start: options.start, end: result.end, assignments: result.assignments, changes } };
}
