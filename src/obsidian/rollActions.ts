// Roll-forward in Obsidian: plan with per-track modes, preview, write per note through the one write
// path, journal what was written, and undo only the lines that still hold what the roll wrote.
import { Notice } from "obsidian";
import { changesByNote, journalOf, planTracks, rememberedMode, rememberMode, summarizeChanges, undoEdits, type JournalKind, type RollPlan } from "../core/planner";
import { nameRecord } from "../core/base";
import type { IsoDate, RollMode } from "../core/base";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { RollPreviewModal, summaryText } from "./modals";
import { JOURNAL_LIMIT, type StoredJournalEntry } from "./settingsStore";
import { groupByTrack, type TrackKey, noteLabel, splitTrackKey } from "../core/items";

/** One plan over the given tracks (notes' headings), each with its own mode (a track the person set stays as set). */
export function planWithModes(host: BrainQueueHost, day: IsoDate, modes: Record<TrackKey, RollMode>): RollPlan {
  // Only these tracks' items are made, and each track is planned from its own (a vault can hold a million).
  const byTrack = groupByTrack(host.index().itemsOfTracks(new Set(Object.keys(modes))));
  return planTracks(byTrack, day, modes, host.data.settings);
}

/** Tracks with overdue items (or just `track`), in the sidebar's order, with the modes remembered for their names. */
export function initialModes(host: BrainQueueHost, day: IsoDate, track?: TrackKey): Record<TrackKey, RollMode> {
  // The sidebar's model: the same groups, already made (asking with another order would remake them).
  const tracks = track ? [track] : host.model(day).overdue.map((group) => group.key);
  const modes = nameRecord<RollMode>();
  for (const key of tracks) modes[key] = rememberedMode(host.data.settings, key) ?? "auto";
  return modes;
}

export async function openRollPreview(host: BrainQueueHost, track?: TrackKey): Promise<void> {
  // A half-read vault would plan a partial roll, or say there is nothing to roll.
  if (!host.isIndexReady()) {
    new Notice(t("roll.waitForIndex"));
    await host.whenIndexReady();
  }
  const day = host.today();
  const shared = host.index().sharedTrackNames();
  new RollPreviewModal(host.app, {
    label: (key) => {
      const { path, name } = splitTrackKey(key);
      const note = noteLabel(path, name, shared);
      return note === null ? name : `${name} · ${note}`;
    },
    initialModes: initialModes(host, day, track),
    plan: (modes) => planWithModes(host, day, modes),
    write: (plan) => writeRoll(host, plan),
    onModeChange: (key, mode) => {
      rememberMode(host.data.settings, key, mode);
      void host.saveSettings();
    },
  }).open();
}

/** What a write was, for its journal entry: the track planned, the item postponed. */
export interface Written { kind: JournalKind; label?: string }
const DONE = { roll: "roll.done", plan: "plan.done", postpone: "postpone.done" } as const;

/**
 * Writes each note whole or not at all and journals what was written for the undo. Returns a message
 * when some notes changed meanwhile, else null.
 */
export async function writeRoll(host: BrainQueueHost, plan: RollPlan, what: Written = { kind: "roll" }): Promise<string | null> {
  const written: RollPlan["changes"] = [];
  const texts = new Map<string, string>();
  let refused = 0;
  for (const [path, changes] of changesByNote(plan.changes)) {
    const result = await host.applyEdits(path, changes.map((c) => c.edit), true);
    if (result.ok) {
      for (const change of changes) written.push(change);
      if (result.text !== undefined) texts.set(path, result.text);
    } else refused++;
  }
  if (written.length > 0) {
    const label = what.label === undefined ? {} : { label: what.label };
    host.data.rollJournal.push({ ...journalOf({ ...plan, changes: written }, new Date().toISOString(), (path) => texts.get(path)), kind: what.kind, ...label });
    host.data.rollJournal.splice(0, Math.max(0, host.data.rollJournal.length - JOURNAL_LIMIT));
    await host.saveSettings();
    // A roll's notice repeats the preview's summary: the same counts (empty slots shifted are later items).
    new Notice(what.kind === "roll" ? t("roll.done", { summary: summaryText(summarizeChanges(written)) }) : t(DONE[what.kind], { count: written.length }));
  }
  return refused > 0 ? t("roll.replanned", { count: refused }) : null;
}

const undoing = new WeakMap<BrainQueueHost, Promise<void>>();

/**
 * Reverts the last write journalled (a roll, a plan or a postpone; with `only`, the last of that kind)
 * where its lines still read what it wrote; lines edited since are kept. Each note is undone as a
 * whole or, when its lines no longer stand as the write left them (twins moved apart), not at all. The
 * notice says what was undone. A second undo asked for while one runs is the same undo.
 */
export function undoLastRoll(host: BrainQueueHost, only?: JournalKind): Promise<void> {
  const running = undoing.get(host);
  if (running) return running;
  const done = undoEntry(host, only).finally(() => undoing.delete(host));
  undoing.set(host, done);
  return done;
}

/** "the roll-forward to 2021-04-14", "the plan of CUDA编程", "postponing 三数之和". */
function undoneWhat(entry: StoredJournalEntry): string {
  if (entry.kind === "plan") return t("undo.plan", { track: entry.label ?? "" });
  if (entry.kind === "postpone") return t("undo.postpone", { item: entry.label ?? "" });
  return t("undo.roll", { date: entry.date });
}

async function undoEntry(host: BrainQueueHost, only: JournalKind | undefined): Promise<void> {
  const journal = host.data.rollJournal;
  const entry = only === undefined ? journal[journal.length - 1] : [...journal].reverse().find((e) => (e.kind ?? "roll") === only);
  if (!entry) {
    new Notice(t(only === "plan" ? "undo.noPlan" : "roll.noJournal"));
    return;
  }
  let restored = 0;
  let kept = 0;
  let refused = 0;
  let reason = "";
  for (const [path, edits] of changesByNote(undoEdits(entry))) {
    const result = await host.applyEdits(path, edits, true, true);
    if (result.ok) {
      restored += edits.length - result.kept;
      kept += result.kept;
    } else {
      refused++;
      reason ||= result.message;
    }
  }
  const at = journal.indexOf(entry);
  if (at >= 0) journal.splice(at, 1);
  await host.saveSettings();
  new Notice(`${t("undo.done", { what: undoneWhat(entry) })} ${t(kept > 0 ? "roll.undoneKept" : "roll.undone", { count: restored, kept })}`);
  if (refused > 0) new Notice(t("roll.undoRefused", { count: refused, reason }), 10000);
}
