// The CLI commands over a folder: index every note, then print or apply.
import { localDay } from "../core/base";
import { collectDeadlines, recentlyMissed, venuesOf } from "../core/items";
import { planRoll } from "../core/planner";
import { buildToday, vaultStats } from "../core/planner";
import type { LineEdit } from "../core/base";
import { VaultIndex } from "../core/index";
import type { CliArgs } from "./args";
import { formatDeadlines, formatPlan, formatRoll, formatScan, formatStats, formatToday } from "./format";
import { deadlineJson, planJson, rollJson, scanJson, statsJson, todayJson } from "./json";
import { checklistTracks, planOfTrack } from "./plan";
import { terminalSafeJson } from "./width";
import { assertFolder, listNotes, loadHistory, loadSettings, readNote, writeEdits, type WriteResult } from "./vault";
import { type TrackKey, chooseTrack, inScope, isArchived, splitTrackKey } from "../core/items";
import { UsageError, printable, quotedPath } from "./args";

export interface RunOutcome {
  /** What to print on stdout. */
  out: string;
  /** Notes roll --write should have written and did not. */
  notWritten: { path: string; reason: string }[];
}

/** Runs one command. Usage problems throw UsageError. */
export function run(args: CliArgs, clock: () => Date = () => new Date()): RunOutcome {
  const written = { notes: null as WriteResult[] | null };
  const out = output(args, clock, written);
  const notWritten = (written.notes ?? []).flatMap((w) => (w.ok ? [] : [{ path: w.path, reason: w.reason }]));
  return { out, notWritten };
}

function output(args: CliArgs, clock: () => Date, result: { notes: WriteResult[] | null }): string {
  assertFolder(args.vault);
  const settings = loadSettings(args.settings);
  const index = new VaultIndex({ trackHeadingLevel: settings.trackHeadingLevel, venues: venuesOf(settings) });
  // plan reads the notes' undated lines too, which the index does not keep.
  const texts = new Map<string, string>();
  for (const path of listNotes(args.vault)) {
    if (!inScope(path, settings)) continue;
    const note = readNote(args.vault, path);
    if (!note) continue;
    index.update(path, note.text, { mtime: note.mtime, size: note.size });
    if (args.command === "plan" && !isArchived(note.text)) texts.set(path, note.text);
  }
  const wallClock = clock();
  const day = args.date ?? localDay(wallClock);
  // With --date the clock is that day at local noon, so days-left counts are reproducible.
  const now = args.date ? localNoon(day) : wallClock;

  switch (args.command) {
    case "scan":
      return args.json ? json(scanJson(index.items(), index.problems())) : formatScan(index.items(), index.problems());
    case "today": {
      const model = buildToday(index, day, now, settings);
      return args.json ? json(todayJson(model)) : formatToday(model);
    }
    case "deadlines": {
      const all = collectDeadlines(index.items(), index.venueMarks(), now, settings);
      const upcoming = all.filter((d) => d.daysLeft >= 0);
      const recent = all.filter(recentlyMissed);
      const deadlines = [...upcoming, ...recent];
      return args.json ? json({ date: day, deadlines: deadlines.map(deadlineJson) }) : formatDeadlines(day, deadlines);
    }
    case "stats": {
      // Without --history: ✅ dates, else the rule for items done before history began.
      const stats = vaultStats(index, day, args.history === null ? undefined : loadHistory(args.history));
      return args.json ? json(statsJson(stats)) : formatStats(stats);
    }
    case "roll": {
      const track = args.track === null ? undefined : trackOf(index.tracks(), args.track, args.note);
      const items = track === undefined ? index.items() : index.itemsOfTracks(new Set([track]));
      const plan = planRoll(items, day, { mode: args.mode, track, settings, perDay: args.perDay ?? undefined });
      const written = args.write ? writePlan(args.vault, plan.changes.map((c) => c.edit)) : null;
      result.notes = written;
      return args.json ? json(rollJson(plan, written ?? undefined)) : formatRoll(plan, written);
    }
    case "plan": {
      const key = trackOf([...index.tracks(), ...checklistTracks(texts, settings)], args.track ?? "", args.note);
      const plan = planOfTrack(key, texts, index, args, settings);
      const written = args.write ? writePlan(args.vault, plan.changes.map((c) => c.edit)) : null;
      result.notes = written;
      const { path, name } = splitTrackKey(key);
      return args.json ? json(planJson(plan, written ?? undefined)) : formatPlan(plan, name, path, written);
    }
  }
}

/** The one track `--track` (and `--note`) names; a usage error when it names none or several. */
function trackOf(tracks: readonly { name: string; path: string }[], name: string, note: string | null): TrackKey {
  const choice = chooseTrack(tracks, name, note === null ? null : note.replace(/\\/gu, "/").replace(/^(?:\.\/)+/u, ""));
  if ("key" in choice) return choice.key;
  if ("several" in choice) {
    throw new UsageError(`track ${printable(name)} is in ${choice.several.length} notes (${choice.several.map(quotedPath).join(", ")}): pick one with --note`);
  }
  const where = note === null ? "" : ` in ${quotedPath(note)}`;
  const closest = choice.unknown.length > 0 ? `; closest: ${choice.unknown.map(printable).join(", ")}` : "";
  throw new UsageError(`no track ${printable(name)}${where}${closest}`);
}

function writePlan(vault: string, edits: LineEdit[]): WriteResult[] {
  const byPath = new Map<string, LineEdit[]>();
  for (const edit of edits) {
    const list = byPath.get(edit.path);
    if (list) list.push(edit);
    else byPath.set(edit.path, [edit]);
  }
  return [...byPath].map(([path, list]) => writeEdits(vault, path, list));
}

function localNoon(day: string): Date {
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))); // years < 100 too
  return date;
}

const json = (value: object): string => terminalSafeJson(JSON.stringify(value, null, 2));
