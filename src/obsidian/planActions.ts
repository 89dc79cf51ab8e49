// Planning and postponing in Obsidian: read the note as shown, plan in the core, preview, write
// through the one write path and journal it, so "Undo last roll-forward" reverts it.
import { Notice, type Editor } from "obsidian";
import { addDays, nameRecord, type IsoDate, type Item } from "../core/base";
import { checklistLines, parseNote, type PlanLine } from "../core/items";
import { fixedDays, fixedRulesOf, isSchedule, notOverdueKey, planTrack, postponeDay, postponePlan } from "../core/planner";
import { currentText } from "./applyEdits";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { PlanModal, PostponeChoiceModal, PostponeDateModal } from "./planModal";
import type { PostponeChoice } from "./todayMenu";
import { writeRoll } from "./rollActions";

/** Days that hold an open fixed item (an exam, a deadline) anywhere in the vault. */
function vaultFixedDays(host: BrainQueueHost): IsoDate[] {
  const settings = host.data.settings;
  const rules = fixedRulesOf(host.index(), settings);
  return fixedDays(host.index().openItemsWithText(notOverdueKey(settings), (text) => rules.isFixedText(text)), settings);
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
    skip: settings.skipDates.filter((day) => day >= host.today()),
    rememberStudyDays: (weekdays, typed) => {
      // The dates to skip as last written, less the past ones (a spread and the next study day use them).
      const skip = [...new Set(typed.filter((day) => day >= host.today()))].sort();
      if (weekdays.length === 0 || (weekdays.join() === settings.studyWeekdays.join() && skip.join() === settings.skipDates.join())) return;
      settings.studyWeekdays = weekdays;
      settings.skipDates = skip;
      void host.saveSettings();
    },
    plan: (options) => planTrack(trackLines, lines, options, settings),
    write: (plan) => writeRoll(host, { date: plan.start, modes: nameRecord(), changes: plan.changes, skipped: [] }, { kind: "plan", label: track }),
  }).open();
}

/** What "Postpone" offers for an item: nothing for a finished or fixed one; shifting the rest for a schedule. */
export function postponeChoices(host: BrainQueueHost, item: Item, track: readonly Item[] = trackItems(host, item)): PostponeChoice[] {
  if (item.done || item.status === "-" || fixedRulesOf(host.index(), host.data.settings).reason(item) !== null) return [];
  const choices: PostponeChoice[] = ["tomorrow", "week", "studyDay", "pick"];
  if (isSchedule([...track])) choices.push("shiftRest");
  return choices;
}

/** The items of `item`'s track in its note, as the index has them. */
const trackItems = (host: BrainQueueHost, item: Item): Item[] => host.index().itemsOf(item.path).filter((other) => other.track === item.track);

/**
 * The item on the cursor's line and the items of its track, read from what the editor shows now (the
 * index follows saves), so the edits expect the lines as they stand; null on any other line.
 */
export function postponeTarget(host: BrainQueueHost, editor: Editor, path: string): { item: Item; track: Item[] } | null {
  const line = editor.getCursor().line + 1;
  const items = parseNote(path, editor.getValue(), { trackHeadingLevel: host.data.settings.trackHeadingLevel }).items;
  const item = items.find((other) => other.line === line);
  return item ? { item, track: items.filter((other) => other.track === item.track) } : null;
}

/** "Postpone the item under the cursor…": its choices in a picker, each carried out as from the sidebar. */
export function postponeAtCursor(host: BrainQueueHost, editor: Editor, path: string): void {
  const target = postponeTarget(host, editor, path);
  const choices = target ? postponeChoices(host, target.item, target.track) : [];
  if (!target || choices.length === 0) {
    new Notice(t("postpone.noItem"));
    return;
  }
  const today = host.today();
  const { studyWeekdays, skipDates } = host.data.settings;
  const dayOf = (choice: PostponeChoice): IsoDate | null =>
    choice === "pick" ? null : choice === "shiftRest" ? addDays(today, 1) : postponeDay(choice, target.item, today, studyWeekdays, skipDates);
  new PostponeChoiceModal(host.app, target.item.text, choices, dayOf, (choice) => void postponeItem(host, target.item, choice, target.track)).open();
}

/** Carries out a postpone choice: a day now, or after a date is picked. */
export async function postponeItem(host: BrainQueueHost, item: Item, choice: PostponeChoice, track: readonly Item[] = trackItems(host, item)): Promise<void> {
  const today = host.today();
  if (choice === "pick") {
    new PostponeDateModal(host.app, addDays(today, 1), item, (day) => void postpone(host, item, day, false, track)).open();
    return;
  }
  const { studyWeekdays, skipDates } = host.data.settings;
  const to = choice === "shiftRest" ? addDays(today, 1) : postponeDay(choice, item, today, studyWeekdays, skipDates);
  await postpone(host, item, to, choice === "shiftRest", track);
}

/** Moves one item to `to` (and, with `shiftRest`, the rest of its track by as many days). */
export async function postpone(host: BrainQueueHost, item: Item, to: IsoDate, shiftRest: boolean, track: readonly Item[] = trackItems(host, item)): Promise<void> {
  const plan = postponePlan(item, track, to, shiftRest, host.data.settings);
  if (plan.changes.length === 0) {
    new Notice(t("postpone.nothing"));
    return;
  }
  // An empty slot has no text to name it by: its day does.
  const label = item.text === "" ? t("postpone.slotLabel", { date: item.date }) : item.text;
  const message = await writeRoll(host, plan, { kind: "postpone", label });
  if (message) new Notice(message);
}
