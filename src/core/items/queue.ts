// The active queue: how many tracks run at once and which ones, read from a block in a note.
//
// Syntax (either language; one block per vault is used, the first found by path):
//
//   当前 BPU （Brain Processing Unit）最大进程数为：5，按优先级排序      Active tracks (limit 3):
//                                                                      - Track one
//   - LeetCode                                                         - Track two
//   - CUDA C编程权威指南                                                Queue:
//                                                                      - Track three
//   Brain Queue
//   - 深度学习全栈
//
// - The limit line: any line containing `最大进程数` followed by `为`, `:` or `：` and a number, or
//   `Active tracks (limit N)` (any case, optional heading marks, bold and trailing colon).
// - Then a list (`-`, `*`, `+` or `1.` items; blank lines between items are fine): the tracks in
//   priority order. The first N are active.
// - Then, optionally, a `Brain Queue` or `Queue` line (any case, optional heading marks, bold,
//   colon) followed by a list of waiting tracks, in the order they should come next (may be empty).
// - Entries name tracks loosely (see `matchTrack`), the block's own note's headings first: an entry
//   means that note's track, or, when the note has no heading of that name, the track in every note.
import { betterMatch, compareNames, normalizeName, type NameMatch } from "./fuzzy";
import { codeLineMask, splitLines } from "../markdown";
import type { Problem } from "../base";
import { type TrackKey, trackKey } from "./tracks";

export interface QueueEntry { text: string; line: number }
export interface QueueBlock {
  path: string;
  limit: number;
  limitLine: number;
  active: QueueEntry[];
  waiting: QueueEntry[];
  waitingLine: number | null;
  /** The block's lines, from `limitLine` to `endLine`, for edits. */
  source: string[];
  endLine: number;
}
export interface TrackInfo { name: string; path: string; line: number }
/** One list entry and what it resolved to (null: a problem was reported for it). */
export interface ResolvedEntry { entry: QueueEntry; list: "active" | "waiting"; track: string | null }
export interface QueueState {
  limit: number;
  from: "note" | "settings";
  block: QueueBlock | null;
  /** Track names (what the entries and the queue commands speak of). */
  active: string[];
  queued: string[];
  /** Per active name, the tracks in notes it can mean (see tracks.ts): the block's own note's heading, else
   *  that heading in every note; the Today model runs one of them (planner/today.ts). */
  activeTracks: TrackInfo[][];
  /** The same for the names the queue lists beyond the active ones (the rest of the priority list, then the
   *  waiting list); the vault's other tracks are queued too, unlisted (a large vault has a hundred thousand). */
  queuedTracks: TrackInfo[][];
  /** Each listed track's place (active, then queued; a name's tracks share it), so a view orders only the tracks it shows. */
  places: Map<TrackKey, number>;
  used: number;
  overCapacity: boolean;
  problems: Problem[];
  entries: ResolvedEntry[];
}

// Bounded gaps keep every pattern linear on hostile lines (a 1 MB line of spaces or repeats).
const CJK_LIMIT = /最大进程数[^0-9０-９\n]{0,40}?[为:：][\s*_]{0,8}([0-9０-９]{1,6})/u;
const EN_LIMIT = /^[\s#>*_]{0,12}active\s{1,4}tracks\s{0,4}\(\s{0,4}limit\s{0,4}[:=]?\s{0,4}(\d{1,6})\s{0,4}\)[\s*_:：]*$/iu;
const WAITING = /^[\s#>*_]{0,16}(?:brain\s{0,4})?queue[\s*_:：]*$/iu;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)(\[.\][ \t]+)?(.*)$/u;

// Blockquote and callout marks in front of a line (each `>` with up to three spaces before it and one after).
const QUOTE = /^(?:[ ]{0,3}>[ \t]?)*/u;
export const quoteOf = (line: string): string => QUOTE.exec(line)?.[0] ?? "";
const depthOf = (quote: string): number => quote.split(">").length - 1;

function limitOf(line: string): number | null {
  const match = CJK_LIMIT.exec(line) ?? EN_LIMIT.exec(line);
  if (!match) return null;
  const value = Number(match[1].normalize("NFKC"));
  return Number.isSafeInteger(value) ? value : null;
}

const isBlank = (line: string): boolean => /^[\s\u3000]*$/u.test(line);

/**
 * Reads list entries from `start` (0-based), skipping blank lines, among lines with `depth` quote marks
 * (a callout's list ends where its `>` do); returns the index after the list.
 */
function readList(lines: string[], start: number, into: QueueEntry[], depth: number): number {
  let i = start;
  let end = start;
  while (i < lines.length) {
    const quote = quoteOf(lines[i]);
    const content = lines[i].slice(quote.length);
    if (depthOf(quote) !== depth) break; // a line outside the quote ends a callout, and its list
    if (isBlank(content)) { i++; continue; }
    const item = LIST_ITEM.exec(content);
    if (!item) break;
    const text = item[5].trim();
    if (text.length > 0) into.push({ text, line: i + 1 });
    i++;
    end = i;
  }
  return end;
}

/**
 * Finds the first queue block of a note (one with a list wins), outside code, HTML, comments and
 * frontmatter. `codeLines` gives the note's code-line mask: the record builder hands over its scan's.
 */
export function findQueueBlock(path: string, text: string, codeLines = (): Uint8Array => codeLineMask(text)): QueueBlock | null {
  if (!text.includes("最大进程数") && !/active\s{1,4}tracks/iu.test(text)) return null;
  const lines = splitLines(text);
  const code = codeLines();
  let fallback: QueueBlock | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (code[i] === 1 || !lines[i].includes("最大进程数") && !/active\s{1,4}tracks/iu.test(lines[i])) continue;
    const limit = limitOf(lines[i]);
    if (limit === null) continue;
    const active: QueueEntry[] = [];
    const waiting: QueueEntry[] = [];
    const quote = quoteOf(lines[i]);
    const depth = depthOf(quote);
    const sameQuote = (line: string): boolean => depthOf(quoteOf(line)) === depth;
    let end = readList(lines, i + 1, active, depth);
    let waitingLine: number | null = null;
    let next = end;
    while (next < lines.length && sameQuote(lines[next]) && isBlank(lines[next].slice(quoteOf(lines[next]).length))) next++;
    if (next < lines.length && sameQuote(lines[next]) && WAITING.test(lines[next])) {
      waitingLine = next + 1;
      end = Math.max(next + 1, readList(lines, next + 1, waiting, depth));
    }
    const block = { path, limit, limitLine: i + 1, active, waiting, waitingLine, source: lines.slice(i, end), endLine: end };
    // A limit line without a list (a mention in prose) yields to a real block further down.
    if (active.length > 0) return block;
    fallback ??= block;
  }
  return fallback;
}

/** Resolves a loosely written entry to one of `tracks`: equal > contained > same characters; closest wins. */
export function matchTrack(entry: string, tracks: string[]): { track: string } | { problem: string } {
  const wanted = normalizeName(entry);
  if (wanted.length === 0) return { problem: `Queue entry “${entry}” names no track` };
  let best: { track: string; match: NameMatch }[] = [];
  for (const track of new Set(tracks)) {
    const match = compareNames(wanted, normalizeName(track));
    if (!match) continue;
    const order = best.length === 0 ? -1 : betterMatch(match, best[0].match);
    if (order < 0) best = [{ track, match }];
    else if (order === 0) best.push({ track, match });
  }
  if (best.length === 0) return { problem: `Queue entry “${entry}” matches no track` };
  if (best.length > 1) {
    const names = best.slice(0, 3).map((b) => `“${b.track}”`).join(", ");
    return { problem: `Queue entry “${entry}” matches several tracks equally well: ${names}` };
  }
  return { track: best[0].track };
}

function byDocumentOrder(a: TrackInfo, b: TrackInfo): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
}

/**
 * Active: the first `limit` resolved priority entries. Queued: the remaining priority entries,
 * then the waiting list in its order, then every other track in document order.
 */
export function resolveQueue(
  block: QueueBlock | null,
  tracks: TrackInfo[],
  fallback: { limit: number; priority: string[] },
): QueueState {
  const sorted = [...tracks].sort(byDocumentOrder);
  const notesOf = new Map<string, TrackInfo[]>();
  for (const info of sorted) {
    const list = notesOf.get(info.name);
    if (!list) notesOf.set(info.name, [info]);
    else if (list[list.length - 1].path !== info.path) list.push(info);
  }
  const names = [...notesOf.keys()];
  const ownNames = block ? names.filter((name) => notesOf.get(name)!.some((info) => info.path === block.path)) : [];
  const problems: Problem[] = [];
  const entries: ResolvedEntry[] = [];
  const taken = new Set<string>();
  const resolve = (entry: QueueEntry, list: "active" | "waiting"): void => {
    const own = ownNames.length > 0 ? matchTrack(entry.text, ownNames) : null;
    const result = own && "track" in own ? own : matchTrack(entry.text, names);
    let track: string | null = null;
    if ("problem" in result) problems.push({ path: block?.path ?? "", line: entry.line, message: result.problem });
    else if (taken.has(result.track)) {
      problems.push({ path: block?.path ?? "", line: entry.line, message: `Queue entry “${entry.text}” repeats “${result.track}”` });
    } else {
      track = result.track;
      taken.add(track);
    }
    entries.push({ entry, list, track });
  };
  const priority = block ? block.active : fallback.priority.map((text) => ({ text, line: 0 }));
  for (const entry of priority) resolve(entry, "active");
  for (const entry of block?.waiting ?? []) resolve(entry, "waiting");

  const limit = block ? block.limit : fallback.limit;
  const prioritized = entries.filter((e) => e.list === "active" && e.track !== null).map((e) => e.track as string);
  const waiting = entries.filter((e) => e.list === "waiting" && e.track !== null).map((e) => e.track as string);
  const active = prioritized.slice(0, limit);
  const queued = [...prioritized.slice(limit), ...waiting, ...names.filter((n) => !taken.has(n))];
  const bound = new Set<TrackKey>();
  const tracksOf = (name: string): TrackInfo[] => {
    const infos = notesOf.get(name)!;
    const own = block ? infos.find((info) => info.path === block.path) : undefined;
    const tracks = (own ? [own] : infos).filter((info) => !bound.has(trackKey(info.path, info.name)));
    for (const info of tracks) bound.add(trackKey(info.path, info.name));
    return tracks;
  };
  const activeTracks = active.map(tracksOf).filter((tracks) => tracks.length > 0);
  const queuedTracks = [...prioritized.slice(limit), ...waiting].map(tracksOf).filter((tracks) => tracks.length > 0);
  const places = new Map<TrackKey, number>();
  for (const [place, tracks] of [...activeTracks, ...queuedTracks].entries()) {
    for (const info of tracks) places.set(trackKey(info.path, info.name), place);
  }
  return {
    limit, from: block ? "note" : "settings", block, active, queued, activeTracks, queuedTracks,
    places,
    used: prioritized.length, overCapacity: prioritized.length > limit, problems, entries,
  };
}

