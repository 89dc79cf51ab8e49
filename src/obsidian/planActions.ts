// Planning and postponing in Obsidian: read the note as shown, plan in the core, preview, write
// through the one write path and journal it, so "Undo last roll-forward" reverts it.
import { Notice } from "obsidian";
import { addDays, nameRecord, type IsoDate, type Item } from "../core/base";
import { checklistLines, type PlanLine } from "../core/items";
import { fixedDays, fixedReason, isFixedText, isSchedule, notOverdueKey, planTrack, postponeDay, postponePlan } from "../core/planner";
import { currentText } from "./applyEdits";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { PlanModal, PostponeDateModal } from "./planModal";
import type { PostponeChoice } from "./todayMenu";
import { writeRoll } from "./rollActions";

/** Days that hold an open fixed item (an exam, a deadline) anywhere in the vault. */
function vaultFixedDays(host: BrainQueueHost): IsoDate[] {
  const settings = host.data.settings;
  return fixedDays(host.index().openItemsWithText(notOverdueKey(settings), (text) => isFixedText(text, settings)), settings);
}

/**
 * Opens the plan of `track` in the note at `path`: its checklist lines, or only those on the lines
 * `within` (a selection, 1-based and inclusive).
 */
export async function openPlan(host: BrainQueueHost, path: string, track: string, within?: { from: number; to: number }): Promise<void> {
  const text = await currentText(host.app, path);
  if (text === null) return;
  const settings = host.data.settings;
  const lines = checklistLines(path, text, settings.trackHeadingLevel);
  const chosen = (line: PlanLine): boolean => (within ? line.line >= within.from && line.line <= within.to : line.track === track);
  const trackLines = lines.filter(chosen);
  new PlanModal(host.app, {
    track,
    start: addDays(host.today(), 1),
    fixedDays: vaultFixedDays(host),
    weekdays: settings.studyWeekdays,
    rememberWeekdays: (weekdays) => {
      if (weekdays.length === 0 || weekdays.join() === settings.studyWeekdays.join()) return;
      settings.studyWeekdays = weekdays;
      void host.saveSettings();
    },
    plan: (options) => planTrack(trackLines, lines, options, settings),
    write: (plan) => writeRoll(host, { date: plan.start, modes: nameRecord(), changes: plan.changes, skipped: [] }, "plan.done"),
  }).open();
}

/** What "Postpone" offers for an item: nothing for a finished or fixed one; shifting the rest for a schedule. */
export function postponeChoices(host: BrainQueueHost, item: Item): PostponeChoice[] {
  if (item.done || item.status === "-" || fixedReason(item, host.data.settings) !== null) return [];
  const choices: PostponeChoice[] = ["tomorrow", "week", "studyDay", "pick"];
  if (isSchedule(trackItems(host, item))) choices.push("shiftRest");
  return choices;
}

const trackItems = (host: BrainQueueHost, item: Item): Item[] => host.index().itemsOf(item.path).filter((other) => other.track === item.track);

/** Carries out a postpone choice: a day now, or after a date is picked. */
export async function postponeItem(host: BrainQueueHost, item: Item, choice: PostponeChoice): Promise<void> {
  const today = host.today();
  if (choice === "pick") {
    new PostponeDateModal(host.app, addDays(today, 1), (day) => void postpone(host, item, day, false)).open();
    return;
  }
  const to = choice === "shiftRest" ? addDays(today, 1) : postponeDay(choice, item, today, host.data.settings.studyWeekdays);
  await postpone(host, item, to, choice === "shiftRest");
}

/** Moves one item to `to` (and, with `shiftRest`, the rest of its track by as many days). */
export async function postpone(host: BrainQueueHost, item: Item, to: IsoDate, shiftRest: boolean): Promise<void> {
  const plan = postponePlan(item, trackItems(host, item), to, shiftRest, host.data.settings);
  if (plan.changes.length === 0) {
    new Notice(t("postpone.nothing"));
    return;
  }
  const message = await writeRoll(host, plan, "postpone.done");
  if (message) new Notice(message);
}
