// Roll-forward: plan new dates for missed items, as verified line edits that touch only the date
// (and the alignment padding right after it). One pure planner for the command and the CLI.
import { rewriteDateExpr } from "../markdown";
import { addDays, daysBetween } from "../base";
import { FixedRules, isEmptySlot } from "./fixed";
import { splitLines } from "../markdown";
import { nameRecord, ownEntry, type BrainQueueSettings } from "../base";
import type { IsoDate, Item, LineEdit, RollMode } from "../base";
import { type TrackKey, splitTrackKey, trackKeyOf } from "../items";
import { spreadDates, spreadPerDay } from "./spread";
import { StudyDays } from "./studyDays";

/** How a track was rolled: `auto` resolved. */
export type PlannedMode = Exclude<RollMode, "auto">;
/** `overdue`: the item was overdue; otherwise a later item that a shift slides along. */
export interface RollChange { path: string; line: number; from: string; to: string; text: string; track: string; overdue: boolean; edit: LineEdit }
export interface RollPlan {
  date: IsoDate;
  /** Per track (note and heading, see tracks.ts) with overdue items: the mode it was planned in. */
  modes: Record<TrackKey, PlannedMode>;
  changes: RollChange[];
  skipped: { path: string; line: number; reason: string; text: string }[];
}
/** What wrote a journal entry: a roll, a plan of a track, or a postpone of one item. */
export type JournalKind = "roll" | "plan" | "postpone";
/**
 * `prev`, `next`: the lines around a rolled line that reads like other lines of its note (twins), as
 * written. `kind` and `label` (the track planned, the item postponed) say what an undo undoes; entries
 * written before they existed have neither and were rolls.
 */
export interface RollJournalEntry {
  at: string;
  date: IsoDate;
  kind?: JournalKind;
  label?: string;
  edits: { path: string; line: number; before: string; after: string; prev?: string; next?: string }[];
}

const byDocumentOrder = (a: Item, b: Item): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);
const lastDay = (item: Item): IsoDate => item.end ?? item.date;
/** Finished or cancelled (`[-]`): such items keep their dates. */
export const isOpen = (item: Item): boolean => !item.done && item.status !== "-";
/** Dates are written with four-digit years: a roll that would pass the last one leaves the item as it is. */
const LAST_DAY: IsoDate = "9999-12-31";
const PAST_THE_END = `out of range: the new date would pass ${LAST_DAY}`;
/** `10000-01-01` sorts before `9999-12-31` as text: a five-digit year is longer. */
const pastTheEnd = (day: IsoDate): boolean => day.length > LAST_DAY.length || day > LAST_DAY;

/**
 * A day-by-day schedule: its unfinished items, in document order, never go back in time and are
 * spaced a median of at most 2 days apart.
 */
export function isSchedule(trackItems: Item[]): boolean {
  const dates = trackItems.filter(isOpen).sort(byDocumentOrder).map((i) => i.date);
  if (dates.length < 2) return false;
  const gaps: number[] = [];
  for (let k = 1; k < dates.length; k++) {
    const gap = daysBetween(dates[k - 1], dates[k]);
    if (gap < 0) return false;
    gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
  return median <= 2;
}

/** Display columns of a short text: CJK, full-width and emoji take two. */
export function columns(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xfe0f || (c >= 0x300 && c < 0x370)) continue;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
      || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || c >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** Whether a track writes months and days zero-padded; null where its dates never show it. */
export interface PaddingHabit { month: boolean | null; day: boolean | null }

// Year, separator, month, separator, day of each date inside a date expression.
const DATE_FIELDS = /(\d{4})([/.\-年])(\d{1,2})([/.\-月])(\d{1,2})/gu;
/** true: padded (`04`), false: not (`4`), null: a two-digit value ≥ 10 that does not tell. */
const paddingOf = (field: string): boolean | null => (field.length === 1 ? false : field[0] === "0" ? true : null);

/** The majority habit of a track's written dates, so `2021/4/13` in a `2021/4/01` track becomes `2021/5/01`. */
export function paddingHabit(items: readonly Pick<Item, "source" | "dateFrom" | "dateTo">[]): PaddingHabit {
  const votes = { month: 0, day: 0 };
  for (const item of items) {
    for (const m of item.source.slice(item.dateFrom, item.dateTo).matchAll(DATE_FIELDS)) {
      for (const [field, text] of [["month", m[3]], ["day", m[5]]] as const) {
        const padded = paddingOf(text);
        if (padded !== null) votes[field] += padded ? 1 : -1;
      }
    }
  }
  const decide = (n: number): boolean | null => (n > 0 ? true : n < 0 ? false : null);
  return { month: decide(votes.month), day: decide(votes.day) };
}

/** `raw` with fields that do not show their padding spelled the way the track pads them. */
export function spelledLikeTrack(raw: string, habit: PaddingHabit): string {
  const sample = (text: string, padded: boolean | null): string =>
    paddingOf(text) !== null || padded === null ? text : padded ? "01" : "1";
  return raw.replace(DATE_FIELDS, (_all, year: string, sep1: string, month: string, sep2: string, day: string) =>
    `${year}${sep1}${sample(month, habit.month)}${sep2}${sample(day, habit.day)}`);
}

/**
 * The line with its date expression rewritten. When the date is followed by a run of two or more
 * spaces that aligns the text, the run absorbs the change in width (never below one space).
 */
export function rewriteLine(
  source: string, from: number, to: number, date: IsoDate, end: IsoDate | null,
  habit: PaddingHabit = { month: null, day: null },
): { line: string; before: string; after: string } {
  const before = source.slice(from, to);
  const after = rewriteDateExpr(spelledLikeTrack(before, habit), date, end);
  let rest = source.slice(to);
  const run = /^ +/u.exec(rest)?.[0].length ?? 0;
  const next = rest[run];
  if (run >= 2 && next !== undefined && next !== "\t") {
    const wanted = Math.max(1, run - (columns(after) - columns(before)));
    rest = " ".repeat(wanted) + rest.slice(run);
  }
  return { line: source.slice(0, from) + after + rest, before, after };
}

export function changeFor(item: Item, date: IsoDate, end: IsoDate | null, habit: PaddingHabit, overdue: boolean): RollChange | null {
  const { line, before, after } = rewriteLine(item.source, item.dateFrom, item.dateTo, date, end, habit);
  if (line === item.source) return null;
  return {
    path: item.path, line: item.line, from: before, to: after, text: item.text, track: item.track, overdue,
    edit: { path: item.path, line: item.line, expected: item.source, replacement: line },
  };
}

function modeFor(track: TrackKey, items: Item[], mode: RollMode, settings: BrainQueueSettings): PlannedMode {
  const chosen = mode === "auto" ? rememberedMode(settings, track) : mode;
  if (chosen === "today" || chosen === "shift" || chosen === "spread") return chosen;
  return isSchedule(items) ? "shift" : "today";
}

/** The mode the person chose for a track (a heading in a note), else the one older data kept for its heading name in any note. */
export function rememberedMode(settings: BrainQueueSettings, track: TrackKey): RollMode | undefined {
  return ownEntry(settings.trackModes, track) ?? ownEntry(settings.trackModes, splitTrackKey(track).name);
}

/** Remembers `mode` for one track; "auto" is kept as a choice only where older data names the heading. */
export function rememberMode(settings: BrainQueueSettings, track: TrackKey, mode: RollMode): void {
  const modes = settings.trackModes;
  if (mode === "auto" && ownEntry(modes, splitTrackKey(track).name) === undefined) delete modes[track];
  else modes[track] = mode;
}

/**
 * Plans the roll to `day`, each track (a heading in a note: the same heading in another note is
 * another track) on its own. today: every overdue movable item moves to `day` (ranges keep their
 * length). shift: per track, every unfinished movable item dated on or after the earliest overdue
 * one moves by the same number of days, so the first missed item lands on `day`. auto: shift for
 * schedules, today for the rest, unless the settings remember a mode for the track (`rememberedMode`). spread: the
 * overdue items are laid on the study days (the settings' weekdays less their dates to skip) from `day`
 * on, at most `perDay` a day (default: the track's usual number per planned day, capped by the
 * settings' `spreadCap`), keeping their order; a schedule's later items shift past them.
 * `track` limits the plan to one track. An empty slot is never overdue: a past one stays, except that a
 * shift slides the slots from the earliest overdue item on with the rest of the schedule.
 */
export function planRoll(items: Item[], day: IsoDate,
  options: { mode: RollMode; track?: TrackKey; settings: BrainQueueSettings; perDay?: number; rules?: FixedRules }): RollPlan {
  const { settings } = options;
  const rules = options.rules ?? new FixedRules(settings);
  const tracks = new Map<TrackKey, Item[]>();
  for (const item of [...items].sort(byDocumentOrder)) {
    const key = trackKeyOf(item);
    if (options.track !== undefined && key !== options.track) continue;
    const list = tracks.get(key);
    if (list) list.push(item);
    else tracks.set(key, [item]);
  }
  const plan: RollPlan = { date: day, modes: nameRecord(), changes: [], skipped: [] };
  for (const [track, trackItems] of tracks) {
    const fixed = new Map<Item, string>();
    for (const item of trackItems) {
      const reason = isOpen(item) ? rules.reason(item) : null;
      if (reason !== null) fixed.set(item, reason);
    }
    const isPast = (item: Item): boolean => isOpen(item) && lastDay(item) < day;
    // A past empty slot was a free day, not a missed task: it is never rolled as overdue.
    const isOverdue = (item: Item): boolean => isPast(item) && !isEmptySlot(item);
    const overdue = trackItems.filter((item) => isOverdue(item) && !fixed.has(item));
    const mode = overdue.length === 0 ? null : modeFor(track, trackItems, options.mode, settings);
    const habit = paddingHabit(trackItems);
    if (mode !== null) plan.modes[track] = mode;

    const earliest = overdue.reduce<IsoDate | null>((min, item) => (min === null || item.date < min ? item.date : min), null);
    const spread = mode === "spread" ? spreadPlan(trackItems, overdue, fixed, isPast, day, options.perDay ?? spreadPerDay(trackItems, settings.spreadCap), settings) : null;
    // A shift slides everything from the earliest missed task on, free days included (they keep the
    // cadence); a spread moves only the items from the day on past its backlog.
    const wouldMove = (item: Item): boolean =>
      isOpen(item) && (isOverdue(item) || (mode === "shift" && earliest !== null && item.date >= earliest)
        || (spread !== null && spread.laterShift > 0 && !isPast(item)));
    for (const item of trackItems) {
      if (!wouldMove(item)) continue;
      const reason = fixed.get(item);
      if (reason !== undefined) {
        plan.skipped.push({ path: item.path, line: item.line, reason, text: item.text });
        continue;
      }
      if (mode === null || earliest === null) continue;
      const spreadTo = spread?.dates.get(item);
      if (spread !== null && spreadTo === undefined && isOverdue(item)) {
        // The study days ran out before the last writable day.
        plan.skipped.push({ path: item.path, line: item.line, reason: PAST_THE_END, text: item.text });
        continue;
      }
      const shift = spread !== null ? (spreadTo === undefined ? spread.laterShift : daysBetween(item.date, spreadTo))
        : mode === "shift" ? daysBetween(earliest, day) : daysBetween(item.date, day);
      const date = addDays(item.date, shift);
      const end = item.end === null ? null : addDays(item.end, shift);
      if (pastTheEnd(date) || (end !== null && pastTheEnd(end))) {
        plan.skipped.push({ path: item.path, line: item.line, reason: PAST_THE_END, text: item.text });
        continue;
      }
      const change = changeFor(item, date, end, habit, isOverdue(item));
      if (change) plan.changes.push(change);
    }
  }
  return plan;
}

/** Spread mode's new days for a track's overdue items, and how far its later items move. */
function spreadPlan(trackItems: Item[], overdue: Item[], fixed: Map<Item, string>, isPast: (item: Item) => boolean,
  day: IsoDate, perDay: number, settings: BrainQueueSettings): { dates: Map<Item, IsoDate>; laterShift: number } {
  const later = trackItems.filter((item) => isOpen(item) && !isPast(item) && !fixed.has(item));
  const studyDays = StudyDays.of(settings.studyWeekdays, settings.skipDates);
  const laid = spreadDates(overdue, later, day, perDay, isSchedule(trackItems), studyDays);
  const dates = new Map<Item, IsoDate>();
  laid.dates.forEach((date, k) => dates.set(overdue[k], date));
  return { dates, laterShift: laid.laterShift };
}

/** One plan over the given tracks, each with its own mode, from each track's items. */
export function planTracks(byTrack: Map<string, Item[]>, day: IsoDate, modes: Record<string, RollMode>, settings: BrainQueueSettings): RollPlan {
  const plan: RollPlan = { date: day, modes: nameRecord(), changes: [], skipped: [] };
  const rules = new FixedRules(settings);
  for (const [track, mode] of Object.entries(modes)) {
    const part = planRoll(byTrack.get(track) ?? [], day, { mode, track, settings, rules });
    Object.assign(plan.modes, part.modes);
    // One by one: spreading tens of thousands of arguments can overflow the stack.
    for (const change of part.changes) plan.changes.push(change);
    for (const skip of part.skipped) plan.skipped.push(skip);
  }
  return plan;
}

export interface RollSummary { lines: number; notes: number; overdue: number; later: number }

/** What a set of changes amounts to: "33 lines in 3 notes: 11 overdue moved, 22 later items shifted". */
export function summarizeChanges(changes: readonly RollChange[]): RollSummary {
  const notes = new Set<string>();
  let overdue = 0;
  for (const change of changes) {
    notes.add(change.path);
    if (change.overdue) overdue++;
  }
  return { lines: changes.length, notes: notes.size, overdue, later: changes.length - overdue };
}

/** Entries by note, in one pass (a roll of every overdue item in a vault can hold tens of thousands). */
export function changesByNote<T extends { path: string }>(entries: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.path);
    if (group) group.push(entry);
    else groups.set(entry.path, [entry]);
  }
  return groups;
}

/**
 * What a roll wrote, so it can be undone line by line later. `written` gives a note's text as
 * written: a rolled line that reads like another line of its note (twins, as a roll to today makes
 * them) keeps the lines around it, so the undo can tell the twins apart by their subtasks or neighbours.
 */
export function journalOf(plan: RollPlan, at: string, written: (path: string) => string | undefined = () => undefined): RollJournalEntry {
  const notes = new Map<string, { lines: string[]; counts: Map<string, number> } | null>();
  const noteOf = (path: string): { lines: string[]; counts: Map<string, number> } | null => {
    if (!notes.has(path)) {
      const text = written(path);
      const lines = text === undefined ? null : splitLines(text);
      const counts = new Map<string, number>();
      for (const line of lines ?? []) counts.set(line, (counts.get(line) ?? 0) + 1);
      notes.set(path, lines && { lines, counts });
    }
    return notes.get(path) ?? null;
  };
  return {
    at,
    date: plan.date,
    edits: plan.changes.map((c) => {
      const after = c.edit.replacement ?? "";
      const entry = { path: c.path, line: c.line, before: c.edit.expected, after };
      const note = noteOf(c.path);
      if (note === null || (note.counts.get(after) ?? 0) < 2 || note.lines[c.line - 1] !== after) return entry;
      const prev = c.line > 1 ? { prev: note.lines[c.line - 2] } : {};
      const next = c.line < note.lines.length ? { next: note.lines[c.line] } : {};
      return { ...entry, ...prev, ...next };
    }),
  };
}

/**
 * Edits that put back each line the roll changed, only where it still reads what the roll wrote
 * (and, for twins, where the lines around it still read what they did).
 */
export function undoEdits(entry: RollJournalEntry): LineEdit[] {
  return entry.edits.map((e) => {
    const edit: LineEdit = { path: e.path, line: e.line, expected: e.after, replacement: e.before };
    const context: { line: number; expected: string }[] = [];
    if (typeof e.prev === "string") context.push({ line: e.line - 1, expected: e.prev });
    if (typeof e.next === "string") context.push({ line: e.line + 1, expected: e.next });
    return context.length > 0 ? { ...edit, context } : edit;
  });
}
