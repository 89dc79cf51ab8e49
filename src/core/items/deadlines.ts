// Conference deadlines: which dated items are deadlines, for which venue, and how many days are left.
import { daysBetween, isoDate, localDay } from "../base";
import { codeLineMask, splitLines } from "../markdown";
import type { BrainQueueSettings } from "../base";
import type { IsoDate, Item } from "../base";
import {
  BUILTIN_VENUES, countShortRuns, findVenues, isSpace, mayBeOneVenue, parseCustomVenues, type Venue, VenueMatcher,
} from "./venues";

export { BUILTIN_VENUES, parseCustomVenues, type Venue, VenueMatcher } from "./venues";

const escapeRegExp = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * Whether a text contains one of `words`: words with non-ASCII characters (截止) anywhere, ASCII words
 * (DDL, exam) only as whole words, in any case. Compiled once for the many texts a caller asks about:
 * one regex for caseless words and whole ASCII words; only cased non-ASCII words (Über) need a
 * lowercased copy.
 */
export function keywordTest(words: readonly string[]): (text: string) => boolean {
  const trimmed = words.map((w) => w.trim()).filter((w) => w !== "");
  const nonAscii = trimmed.filter((w) => /[^\x20-\x7e]/u.test(w));
  const latin = trimmed.filter((w) => !/[^\x20-\x7e]/u.test(w));
  const caseless = nonAscii.filter((w) => w.toLowerCase() === w && w.toUpperCase() === w);
  const cased = nonAscii.filter((w) => !caseless.includes(w)).map((w) => w.toLowerCase());
  const anywhere = caseless.length > 0 ? new RegExp(caseless.map(escapeRegExp).join("|"), "u") : null;
  // The start of the text or a character that is no letter or digit before the word (no lookbehind: iOS
  // before 16.4 rejects it); the test only says whether there is one, so matching that character is harmless.
  const whole = latin.length > 0 ? new RegExp(String.raw`(?:^|[^A-Za-z0-9])(?:${latin.map(escapeRegExp).join("|")})(?![A-Za-z0-9])`, "iu") : null;
  return (t: string): boolean => {
    if (anywhere?.test(t) || whole?.test(t)) return true;
    if (cased.length === 0) return false;
    const lower = t.toLowerCase();
    return cased.some((w) => lower.includes(w));
  };
}

/**
 * What makes an item a deadline (a deadline word) and which venue it is for, compiled for the many texts
 * asked about: whoever asks keeps one while the settings stay (the index keeps the planner's, see
 * `fixedRulesOf`; the editor's highlighting keeps its own).
 */
export class DeadlineRules {
  /** Whether a text has a deadline word. */
  readonly hasWord: (text: string) => boolean;
  readonly venues: VenueMatcher;

  constructor(words: readonly string[], venues: Venue[]) {
    this.hasWord = keywordTest(words);
    this.venues = new VenueMatcher(venues);
  }

  /** The rules of some settings: their deadline words and venues. */
  static of(settings: Pick<BrainQueueSettings, "deadlineWords" | "customVenues">): DeadlineRules {
    return new DeadlineRules(settings.deadlineWords, venuesOf(settings));
  }

  /** Null unless `text` has a deadline word; then the venue and year it names, when it names one. */
  recognize(text: string): { venue: string | null; year: number | null } | null {
    if (!this.hasWord(text)) return null;
    const mentions = findVenues(text, this.venues);
    const best = mentions.find((m) => m.year !== null) ?? mentions[0];
    return best ? { venue: best.venue, year: best.year } : { venue: null, year: null };
  }
}

export interface VenueMark { venue: string; year: number | null; state: "targeted" | "dropped"; path: string; line: number }

const LIST_SEPARATORS = /[/,、，;；|｜]/u;
// Plain substring tests: this runs on every line of every note with bold text, most of them no venue list.
const hasMarks = (s: string): boolean => s.includes("**") || s.includes("~~") || s.includes("__");
function count(s: string, token: string): number {
  let n = 0;
  for (let at = s.indexOf(token); at >= 0; at = s.indexOf(token, at + token.length)) n++;
  return n;
}

/**
 * Venue lists (bold AAAI2021, then a slash, then struck-through NIPS2021, …): in a line of at least two venues separated by `/`,
 * `,` or `、`, a bold venue is targeted and a struck-through one dropped. `codeLines` gives the note's
 * code-line mask: the record builder hands over its scan's.
 */
export function findVenueMarks(path: string, text: string, venues: Venue[] | VenueMatcher,
  codeLines = (): Uint8Array => codeLineMask(text)): VenueMark[] {
  const marks: VenueMark[] = [];
  if (!hasMarks(text)) return marks;
  const matcher = venues instanceof VenueMatcher ? venues : new VenueMatcher(venues);
  let code: Uint8Array | null = null;
  // Whether a line is code is asked last: it needs the note's block scan, which a prose note with
  // bold text otherwise never pays for.
  // The line's number is counted only for a line that lists venues (most candidates do not).
  const take = (line: string, index: () => number): void => {
    const found = venueMarksInLine(line, matcher, path, 0);
    if (found.length === 0) return;
    const at = index();
    code ??= codeLines();
    if (code[at] !== 1) for (const mark of found) marks.push({ ...mark, line: at + 1 });
  };
  const { longest, starts } = matcher;
  if (text.includes("\r")) {
    // A break may be a lone CR: read the lines as the scanner splits them.
    const lines = splitLines(text);
    for (let i = 0; i < lines.length; i++) {
      if (hasMarks(lines[i]) && mayListAny(lines[i], 0, lines[i].length, longest, starts)) take(lines[i], () => i);
    }
    return marks;
  }
  // Otherwise jump from mark to mark: a long note is not split into lines, and a line is cut out of it
  // (and its number counted) only when it may list venues.
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0; // splitLines drops a BOM
  const lines = new LineCounter(text);
  // `test` with `lastIndex`, not `exec`: no match object per bold chapter line. A literal here is a
  // fresh regex, and lastIndex, per call.
  const emphasis = /\*\*|~~|__/g;
  while (emphasis.test(text)) {
    const at = emphasis.lastIndex - 2;
    const lineStart = Math.max(first, text.lastIndexOf("\n", at) + 1);
    const end = text.indexOf("\n", at);
    const lineEnd = end < 0 ? text.length : end;
    if (mayListAny(text, lineStart, lineEnd, longest, starts)) take(text.slice(lineStart, lineEnd), () => lines.indexOf(lineStart));
    if (end < 0) break;
    emphasis.lastIndex = lineEnd; // the rest of this line is read already
  }
  return marks;
}

/** 0-based line numbers of offsets asked in increasing order, counting line breaks only once. */
class LineCounter {
  private counted = 0;
  private countedTo = 0;
  constructor(private readonly text: string) {}
  indexOf(offset: number): number {
    const text = this.text;
    for (let next = text.indexOf("\n", this.countedTo); next >= 0 && next < offset; next = text.indexOf("\n", this.countedTo)) {
      this.counted++;
      this.countedTo = next + 1;
    }
    this.countedTo = Math.max(this.countedTo, offset);
    return this.counted;
  }
}

/** The separators of LIST_SEPARATORS, as character codes: / , 、 ， ; ； | ｜ */
const isListSeparator = (c: number): boolean =>
  c === 47 || c === 44 || c === 0x3001 || c === 0xff0c || c === 59 || c === 0xff1b || c === 124 || c === 0xff5c;

/**
 * False when `s[from, to)` certainly lists no two venues: fewer than two stretches between separators
 * are short enough to be one venue and start as a venue can. Most bold lines fail it without a regex
 * or a split; `venueMarksInLine` gives the same marks with or without it (a property test holds it to that).
 */
export function mayListVenues(s: string, from: number, to: number, venues: VenueMatcher): boolean {
  return mayListAny(s, from, to, venues.longest, venues.starts);
}

function mayListAny(s: string, from: number, to: number, longest: number, starts: Uint8Array): boolean {
  return countShortRuns(s, from + listPrefixLength(s, from, to), to, longest, isListSeparator, starts) >= 2;
}

/** The length of what `^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?` matches at the start of `line` (or of `line[from, to)`), without a regex. */
export function listPrefixLength(line: string, from = 0, to = line.length): number {
  let i = from;
  for (let c = line.charCodeAt(i); i < to && (c === 62 || isSpace(c)); c = line.charCodeAt(++i));
  let j = i;
  const c = j < to ? line.charCodeAt(j) : -1;
  if (c === 45 || c === 42 || c === 43) j++;
  else {
    while (j - i < 9 && j < to && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    if (j === i || j >= to || (line.charCodeAt(j) !== 46 && line.charCodeAt(j) !== 41)) return i - from;
    j++;
  }
  const markerEnd = j;
  while (j < to && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
  return (j > markerEnd ? j : i) - from;
}

/** The venue marks of one line (exact; callers skip lines `mayListVenues` rules out). */
export function venueMarksInLine(raw: string, venues: VenueMatcher, path: string, line: number): VenueMark[] {
  const body = raw.slice(listPrefixLength(raw));
  let struck = false;
  let bold = false;
  let venuesInLine = 0;
  const lineMarks: VenueMark[] = [];
  for (const segment of body.split(LIST_SEPARATORS)) {
    const isStruck = struck || segment.includes("~~");
    const isBold = bold || segment.includes("**") || segment.includes("__");
    struck = struck !== (count(segment, "~~") % 2 === 1);
    bold = bold !== ((count(segment, "**") + count(segment, "__")) % 2 === 1);
    if (!mayBeOneVenue(segment, venues)) continue; // prose between separators: skip the regexes
    const name = segment.replace(/~~|\*\*|__|[*_]/gu, "").trim();
    const mentions = findVenues(name, venues);
    if (mentions.length !== 1 || mentions[0].from !== 0 || mentions[0].to !== name.length) continue;
    venuesInLine++;
    if (isStruck || isBold) {
      const { venue, year } = mentions[0];
      lineMarks.push({ venue, year, state: isStruck ? "dropped" : "targeted", path, line });
    }
  }
  return venuesInLine >= 2 ? lineMarks : [];
}

/** Whole days from now to the end of `date`: 0 on the day itself, negative once it has passed. */
export function daysLeft(date: IsoDate, now: Date, anywhereOnEarth: boolean): number {
  let today = localDay(now);
  if (anywhereOnEarth) {
    // The calendar day it is now at UTC−12, the last place on Earth where a day ends.
    const aoe = new Date(now.getTime() - 12 * 3_600_000);
    today = isoDate(aoe.getUTCFullYear(), aoe.getUTCMonth() + 1, aoe.getUTCDate());
  }
  return daysBetween(today, date);
}

/** The words for a countdown, in one language: ahead ("12d"), on the day ("today") and passed ("3d ago"). */
export interface DaysLeftWords {
  ahead: (days: number) => string;
  today: string;
  ago: (days: number) => string;
}

/** English, as the CLI prints it; the plugin passes the interface's language. */
export const DAYS_LEFT_EN: DaysLeftWords = Object.freeze({ ahead: (days: number) => `${days}d`, today: "today", ago: (days: number) => `${days}d ago` });

/** What every surface says for a deadline's days left: the day itself is "today", never "D-0". */
export function daysLeftText(days: number, words: DaysLeftWords = DAYS_LEFT_EN): string {
  if (days === 0) return words.today;
  return days > 0 ? words.ahead(days) : words.ago(-days);
}

export type Urgency = "past" | "urgent" | "soon" | "month" | "later";

export function urgencyOf(days: number): Urgency {
  if (days < 0) return "past";
  if (days <= 3) return "urgent";
  if (days <= 7) return "soon";
  if (days <= 30) return "month";
  return "later";
}

export interface Deadline extends Item {
  venue: string | null;
  year: number | null;
  daysLeft: number;
  dropped: boolean;
  targeted: boolean;
  urgency: Urgency;
}

/** How many days a missed deadline stays in sight (a late submission window, a reminder to tick it). */
export const RECENT_DEADLINE_DAYS = 7;

/** Missed within the last RECENT_DEADLINE_DAYS days: the sidebar and the CLI still list it. */
export const recentlyMissed = (d: Deadline): boolean => d.daysLeft < 0 && d.daysLeft >= -RECENT_DEADLINE_DAYS;

/** The person's venues first (they win on a shared alias), then the built-in ones. */
export function venuesOf(settings: Pick<BrainQueueSettings, "customVenues">): Venue[] {
  if (settings.customVenues.length === 0) return BUILTIN_VENUES;
  return [...parseCustomVenues(settings.customVenues), ...BUILTIN_VENUES];
}

/** The marks that speak of a venue in a year: a mark or a deadline without a year speaks of every year. */
function marksOf(marks: VenueMark[], venue: string, year: number | null): VenueMark[] {
  return marks.filter((m) => m.venue === venue && (m.year === null || year === null || m.year === year));
}

/** Whether a venue list in the vault strikes this venue (in this year) through: the one rule for "dropped"
 *  the sidebar, the suggester, the status bar, the notice and the editor's highlighting share. */
export function isVenueDropped(marks: VenueMark[], venue: string, year: number | null): boolean {
  return marksOf(marks, venue, year).some((m) => m.state === "dropped");
}

/** Open (not ticked, not cancelled) deadline items with their venue, marks and days left, sorted by date (then path, line). */
export function collectDeadlines(items: Item[], marks: VenueMark[], now: Date, settings: BrainQueueSettings,
  rules = DeadlineRules.of(settings)): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const item of items) {
    if (item.done || item.status === "-") continue;
    const found = rules.recognize(item.text);
    if (!found) continue;
    const matching = found.venue === null ? [] : marksOf(marks, found.venue, found.year);
    const dropped = matching.some((m) => m.state === "dropped");
    const days = daysLeft(item.end ?? item.date, now, settings.anywhereOnEarth);
    deadlines.push({
      ...item, venue: found.venue, year: found.year, daysLeft: days, dropped,
      targeted: !dropped && matching.some((m) => m.state === "targeted"), urgency: urgencyOf(days),
    });
  }
  const dayOf = (d: Deadline): IsoDate => d.end ?? d.date;
  return deadlines.sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : 0)
    || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}
