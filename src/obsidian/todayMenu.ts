// The menu of a row in the Today view, shown by right-click and, on touch screens, by a long-press:
// an item (open it, tick or untick it, roll its track), a subtask, a track (open its heading, roll it) or a
// deadline (open it). Found from the row's data attributes and the model the view drew.
import { Menu } from "obsidian";
import type { TodayModel } from "../core/planner";
import type { Item, Subtask } from "../core/base";
import { t } from "./i18n";
import { type TrackKey, splitTrackKey, trackKey, trackKeyOf } from "../core/items";

/** Where "Postpone" can send an item; `shiftRest` slides the rest of a schedule along. */
export type PostponeChoice = "tomorrow" | "week" | "studyDay" | "pick" | "shiftRest";
const POSTPONE_ICONS: Record<PostponeChoice, string> = {
  tomorrow: "calendar-plus", week: "calendar-range", studyDay: "calendar-check", pick: "calendar-search", shiftRest: "calendar-clock",
};

export interface RowActions {
  open(target: { path: string; line: number }): void;
  toggle(item: Item): void;
  toggleSubtask(item: Item, subtask: Subtask): void;
  /** Rolls one track (a heading in a note: see tracks.ts). */
  rollTrack(track: TrackKey): void;
  /** The postpone choices an item has (none for a finished or fixed one). */
  postponeChoices(item: Item): PostponeChoice[];
  postpone(item: Item, choice: PostponeChoice): void;
  /** Plans the track `name` of the note at `path`. */
  planTrack(path: string, name: string): void;
  /** Where the track's heading is, when it has one. */
  trackHeading(track: TrackKey): { path: string; line: number } | null;
}

/** The menu for the row under `target` and that row, or null where nothing has a menu (header, sections). */
export function rowMenu(target: HTMLElement, model: TodayModel, actions: RowActions): { menu: Menu; row: HTMLElement } | null {
  const row = target.closest<HTMLElement>(".bq-item, .bq-deadline-row, .bq-tree-head");
  if (!row) return null;
  const menu = new Menu();
  const at = { path: row.dataset.path ?? "", line: Number(row.dataset.line) };
  if (row.hasClass("bq-deadline-row")) {
    addOpen(menu, () => actions.open(at));
    return { menu, row };
  }
  if (row.hasClass("bq-item")) {
    const owner = ownerOf(model, at);
    if (!owner) return null;
    const subtask = owner.line === at.line ? null : owner.subtasks.find((sub) => sub.line === at.line) ?? null;
    addOpen(menu, () => actions.open(at));
    const done = subtask ? subtask.done : owner.done;
    menu.addItem((entry) => entry
      .setTitle(t(done ? "menu.markNotDone" : "menu.markDone"))
      .setIcon(done ? "square" : "check-square")
      .onClick(() => (subtask ? actions.toggleSubtask(owner, subtask) : actions.toggle(owner))));
    if (!subtask) {
      const choices = actions.postponeChoices(owner);
      if (choices.length > 0) menu.addSeparator();
      for (const choice of choices) {
        menu.addItem((entry) => entry.setTitle(t(`postpone.${choice}`)).setIcon(POSTPONE_ICONS[choice]).onClick(() => actions.postpone(owner, choice)));
      }
    }
    if (!subtask && hasOverdue(model, trackKeyOf(owner))) addRoll(menu, () => actions.rollTrack(trackKeyOf(owner)), true);
    return { menu, row };
  }
  const name = row.parentElement?.dataset.track;
  const path = row.parentElement?.dataset.path;
  if (name === undefined || path === undefined) return null;
  const track = trackKey(path, name);
  const heading = actions.trackHeading(track);
  if (heading) addOpen(menu, () => actions.open(heading));
  if (hasOverdue(model, track)) addRoll(menu, () => actions.rollTrack(track), heading !== null);
  menu.addItem((entry) => entry.setTitle(t("cmd.planTrack")).setIcon("calendar-days").onClick(() => actions.planTrack(path, name)));
  return { menu, row };
}

/** The item drawn at `at` (or owning the subtask there): the day's fixed items, the active tracks', the
 *  overdue ones, and only then the waiting tracks' (their entries are made when first read). */
function ownerOf(model: TodayModel, at: { path: string; line: number }): Item | undefined {
  const isAt = (item: Item): boolean => item.path === at.path && (item.line === at.line || item.subtasks.some((sub) => sub.line === at.line));
  return model.fixedToday.find(isAt)
    ?? model.active.flatMap((track) => track.items).find(isAt)
    // Only the groups of the row's note: a large vault has tens of thousands, whose items are made when read.
    ?? model.overdue.filter((group) => group.path === at.path).flatMap((group) => group.items).find(isAt)
    ?? model.tracks.flatMap((track) => track.items).find(isAt);
}

function hasOverdue(model: TodayModel, track: TrackKey): boolean {
  const { path, name } = splitTrackKey(track);
  return model.overdue.some((group) => group.path === path && group.track === name && group.count > 0);
}

function addOpen(menu: Menu, run: () => void): void {
  menu.addItem((entry) => entry.setTitle(t("menu.open")).setIcon("file-text").onClick(run));
}

function addRoll(menu: Menu, run: () => void, separated: boolean): void {
  if (separated) menu.addSeparator();
  menu.addItem((entry) => entry.setTitle(t("view.rollTrack")).setIcon("calendar-clock").onClick(run));
}
