// Completion history: the day each item was ticked, kept so that devices never fight over one file.
// Each device appends events to a file of its own; a reader merges every device's events. The merge is
// a per-item maximum over a total order, so any order of arrival, and any event read twice, gives the
// same history; an untick removes the completion a tick before it recorded.
import { isValidYmd, type IsoDate } from "../base";
import { cancelledAt, closedAt, textAt, type NoteItems } from "../items";
import type { CompletionLookup } from "./vaultStats";

/** An item across edits: its note, its text as shown (without Tasks' marks) and which of the note's items
 *  with that text it is (0-based, in line order): its date and line may change, twins stay apart. */
export interface ItemIdentity {
  path: string;
  text: string;
  occurrence: number;
}

export interface CompletionEvent extends ItemIdentity {
  /** The device that recorded it and its running number there: together they name the event. */
  device: string;
  seq: number;
  /** When it was recorded (ms since 1970), the order across devices. */
  at: number;
  /** The day the item was completed, or null when it was unticked. */
  day: IsoDate | null;
}

const identityKey = (path: string, text: string, occurrence: number): string => `${path}\u0000${occurrence}\u0000${text}`;

/** Whether `a` happened after `b`: later first; at the same instant an untick wins; then device and number break ties. */
function later(a: CompletionEvent, b: CompletionEvent): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if ((a.day === null) !== (b.day === null)) return a.day === null;
  if (a.device !== b.device) return a.device > b.device;
  return a.seq > b.seq;
}

/** Every device's events merged: each item's latest event decides whether, and on which day, it was completed. */
export class CompletionHistory implements CompletionLookup {
  private latest = new Map<string, CompletionEvent>();
  private seen = new Set<string>();
  private notes = new Map<string, number>();
  private changes = 0;

  /** Bumped whenever a completion changes (the stats remember answers per version). */
  get version(): number {
    return this.changes;
  }

  /** Adds events in any order; an event already seen (same device and number) is ignored. */
  add(events: Iterable<CompletionEvent>): void {
    for (const event of events) {
      const id = `${event.device}\u0000${event.seq}`;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      const key = identityKey(event.path, event.text, event.occurrence);
      const current = this.latest.get(key);
      if (current && !later(event, current)) continue;
      if (!current) this.notes.set(event.path, (this.notes.get(event.path) ?? 0) + 1);
      this.latest.set(key, event);
      if (current?.day !== event.day) this.changes++;
    }
  }

  hasNote(path: string): boolean {
    return this.notes.has(path);
  }

  dayOf(path: string, text: string, occurrence: number): IsoDate | null {
    return this.latest.get(identityKey(path, text, occurrence))?.day ?? null;
  }

  /** The completed items and their days, by path, then text, then occurrence (for tests and the views). */
  completions(): (ItemIdentity & { day: IsoDate })[] {
    const out: (ItemIdentity & { day: IsoDate })[] = [];
    for (const e of this.latest.values()) if (e.day !== null) out.push({ path: e.path, text: e.text, occurrence: e.occurrence, day: e.day });
    return out.sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : a.text !== b.text ? (a.text < b.text ? -1 : 1) : a.occurrence - b.occurrence));
  }

  /** How many distinct events were merged. */
  get eventCount(): number {
    return this.seen.size;
  }
}

// One event per line of a device's file: `{"seq":3,"at":…,"path":…,"text":…,"n":0,"day":"2026-11-30"}`.
// The device is the file's, not repeated on every line.

/** The device of a history file's name (`history-<device>.jsonl`), or null for any other file. */
export function historyDevice(fileName: string): string | null {
  const match = /^history-([A-Za-z0-9_-]{1,64})\.jsonl$/.exec(fileName);
  return match ? match[1] : null;
}

export function eventLine(event: CompletionEvent): string {
  return `${JSON.stringify({ seq: event.seq, at: event.at, path: event.path, text: event.text, n: event.occurrence, day: event.day })}\n`;
}

/**
 * A device's file read back. Lines that do not parse are skipped: a sync can deliver a file whose last
 * line is still being written, and the rest of the history must survive that.
 */
export function parseEvents(device: string, text: string): CompletionEvent[] {
  const out: CompletionEvent[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const event = eventFrom(device, value);
    if (event) out.push(event);
  }
  return out;
}

function eventFrom(device: string, value: unknown): CompletionEvent | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const { seq, at, path, text, n, day } = v;
  if (!Number.isSafeInteger(seq) || typeof at !== "number" || !Number.isFinite(at) || typeof path !== "string" || typeof text !== "string") return null;
  if (!Number.isSafeInteger(n) || (n as number) < 0) return null;
  if (day !== null && !(typeof day === "string" && isIsoDay(day))) return null;
  return { device, seq: seq as number, at, path, text, occurrence: n as number, day };
}

function isIsoDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match !== null && isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** An item whose status went from open to done (`done`) or back, between two versions of its note. */
export interface CompletionChange extends ItemIdentity {
  done: boolean;
}

/** Each item's identity in a note and whether it is done, in line order. */
function doneStates(items: NoteItems, path: string): Map<string, CompletionChange> {
  const out = new Map<string, CompletionChange>();
  const seen = new Map<string, number>();
  for (let k = 0; k < items.count; k++) {
    const text = textAt(items, k);
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    out.set(identityKey(path, text, occurrence), { path, text, occurrence, done: closedAt(items, k) && !cancelledAt(items, k) });
  }
  return out;
}

/**
 * The items of a note that were ticked or unticked between `before` and `after` (the same note as the
 * index saw it). An item new in `after` is no change, done or not: nobody was seen ticking it.
 */
export function completionChanges(path: string, before: NoteItems, after: NoteItems): CompletionChange[] {
  if (before === after) return [];
  const was = doneStates(before, path);
  const changes: CompletionChange[] = [];
  for (const [key, now] of doneStates(after, path)) {
    const then = was.get(key);
    if (then && then.done !== now.done) changes.push(now);
  }
  return changes;
}
