// Roll-forward in Obsidian: plan with per-track modes, preview, write per note through the one write
// path, journal what was written, and undo only the lines that still hold what the roll wrote.
import { Notice } from "obsidian";
import { applyLineEdits } from "../core/edits";
import { journalOf, planRoll, undoEdits, type RollPlan } from "../core/roll";
import { groupByTrack } from "../core/today";
import type { IsoDate, LineEdit, RollMode } from "../core/types";
import { currentText } from "./applyEdits";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { RollPreviewModal } from "./modals";
import { JOURNAL_LIMIT } from "./settingsStore";

/** One plan over the given tracks, each with its own mode (a track the person set stays as set). */
export function planWithModes(host: BrainQueueHost, day: IsoDate, modes: Record<string, RollMode>): RollPlan {
  // Only these tracks' items are made, and each track is planned from its own (a vault can hold a million).
  const byTrack = groupByTrack(host.index().itemsOfTracks(new Set(Object.keys(modes))));
  const settings = host.data.settings;
  const plan: RollPlan = { date: day, modes: {}, changes: [], skipped: [] };
  for (const [track, mode] of Object.entries(modes)) {
    const part = planRoll(byTrack.get(track) ?? [], day, { mode, track, settings });
    Object.assign(plan.modes, part.modes);
    plan.changes.push(...part.changes);
    plan.skipped.push(...part.skipped);
  }
  return plan;
}

/** Tracks with overdue items (or just `track`), with their remembered modes. */
export function initialModes(host: BrainQueueHost, day: IsoDate, track?: string): Record<string, RollMode> {
  const tracks = track ? [track] : [...host.index().overdueGroups(day, 0).keys()];
  const remembered = host.data.settings.trackModes;
  return Object.fromEntries(tracks.map((name) => [name, remembered[name] ?? "auto"]));
}

export function openRollPreview(host: BrainQueueHost, track?: string): void {
  const day = host.today();
  new RollPreviewModal(host.app, {
    initialModes: initialModes(host, day, track),
    plan: (modes) => planWithModes(host, day, modes),
    write: (plan) => writeRoll(host, plan),
    onModeChange: (name, mode) => {
      if (mode === "auto") delete host.data.settings.trackModes[name];
      else host.data.settings.trackModes[name] = mode;
      void host.saveSettings();
    },
  }).open();
}

function byPath<T extends { path: string }>(entries: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) groups.set(entry.path, [...(groups.get(entry.path) ?? []), entry]);
  return groups;
}

/** Writes each note whole or not at all. Returns a message when some notes changed meanwhile, else null. */
export async function writeRoll(host: BrainQueueHost, plan: RollPlan): Promise<string | null> {
  const written: RollPlan["changes"] = [];
  let refused = 0;
  for (const [path, changes] of byPath(plan.changes)) {
    const result = await host.applyEdits(path, changes.map((c) => c.edit), true);
    if (result.ok) written.push(...changes);
    else refused++;
  }
  if (written.length > 0) {
    host.data.rollJournal.push(journalOf({ ...plan, changes: written }, new Date().toISOString()));
    host.data.rollJournal.splice(0, Math.max(0, host.data.rollJournal.length - JOURNAL_LIMIT));
    await host.saveSettings();
    new Notice(t("roll.done", { count: written.length }));
  }
  return refused > 0 ? t("roll.replanned", { count: refused }) : null;
}

/** Reverts the last roll where its lines still read what it wrote; lines edited since are kept. */
export async function undoLastRoll(host: BrainQueueHost): Promise<void> {
  const entry = host.data.rollJournal[host.data.rollJournal.length - 1];
  if (!entry) {
    new Notice(t("roll.noJournal"));
    return;
  }
  let restored = 0;
  let kept = 0;
  for (const [path, edits] of byPath(undoEdits(entry))) {
    const text = await currentText(host.app, path);
    const applicable: LineEdit[] = text === null ? [] : edits.filter((edit) => applyLineEdits(text, [edit]).ok);
    kept += edits.length - applicable.length;
    if (applicable.length === 0) continue;
    const result = await host.applyEdits(path, applicable, true);
    if (result.ok) restored += applicable.length;
    else kept += applicable.length;
  }
  host.data.rollJournal.pop();
  await host.saveSettings();
  new Notice(t("roll.undone", { count: restored, kept }));
}
