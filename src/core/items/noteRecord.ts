// One note's record in the index: what parsing found (items in columns, problems, tracks, queue block,
// venue marks) and the stat that proves it fresh; built, compared and renamed here, kept by VaultIndex.
import { errorMessage } from "../base";
import { ITEM_STRIDE, LINE, NO_ITEMS, NO_VALUES, NoteWorkspace, TRACK, type NoteItems } from "./noteItems";
import { mightHaveItems, noteName, parseScanned, parseScannedInSteps, type ParsedColumns } from "./parse";
import { findQueueBlock, type QueueBlock } from "./queue";
import { findVenueMarks, type Venue, type VenueMark, VenueMatcher } from "./deadlines";
import { scanNote, scanNoteInSteps, splitLines, STEP_CHARS, type ScannedNote } from "../markdown";
import type { ParseOptions, Problem } from "../base";
import { isArchived } from "./archive";

export interface IndexOptions extends ParseOptions {
  venues: Venue[];
}

export interface NoteStat { mtime: number; size: number }

export interface NoteRecord {
  path: string;
  items: NoteItems;
  problems: Problem[];
  /** Track headings plus, when items sit above every track heading, the note's own name. */
  tracks: NoteTrack[];
  queueBlock: QueueBlock | null;
  venueMarks: VenueMark[];
  stat: NoteStat | null;
  /** Set by a record restored from the cache, which knows this without decoding its body. */
  readonly holdsContent?: boolean;
}

export interface NoteTrack {
  name: string;
  line: number;
  /** Named after the note (items above every heading, or an empty heading): follows a rename. */
  fromNoteName: boolean;
}

// One pass over the text for either language's limit line (two passes cost 60 % more on a vault).
const QUEUE_MARKER = /最大进程数|active\s+tracks/iu;
export const hasQueueMarker = (text: string): boolean => QUEUE_MARKER.test(text);
export const hasContent = (r: NoteRecord): boolean => r.holdsContent ??
  (r.items.count > 0 || r.problems.length > 0 || r.tracks.length > 0 || r.queueBlock !== null || r.venueMarks.length > 0);


/** A note's record before parsing: nothing in it (the lists are the shared empty one). */
export function blankRecord(path: string, stat: NoteStat | null): NoteRecord {
  return { path, items: NO_ITEMS, problems: NO_VALUES, tracks: NO_VALUES, queueBlock: null, venueMarks: NO_VALUES, stat };
}

/**
 * Builds notes' records from their text, one after another, reusing one workspace (NoteWorkspace): the
 * index keeps one, and so does each parse worker. A record comes whole (`build`) or in steps
 * (`buildInSteps`, for a long note), and other notes may be built between those steps. Never throws: a
 * note that cannot be parsed becomes a problem.
 */
export class RecordBuilder {
  private readonly workspace = new NoteWorkspace();
  /** The last options' venue list, compiled (the index's options stay; a worker's are kept steady). */
  private venues: VenueMatcher | null = null;

  private venueMatcher(venues: Venue[]): VenueMatcher {
    if (this.venues?.venues !== venues) this.venues = new VenueMatcher(venues);
    return this.venues;
  }

  /** Marks the start of a stretch of many notes (their columns may share storage), ended by calling the result. */
  beginBulk(): () => void {
    return this.workspace.beginBulk();
  }

  /** A note's record. The note is scanned at most once, when the first reader needs it: most notes need no scan at all. */
  build(path: string, text: string, stat: NoteStat | null, options: IndexOptions): NoteRecord {
    const record = blankRecord(path, stat);
    if (isArchived(text)) return record; // an archived plan counts for nothing
    const workspace = this.workspace;
    let scanned: ScannedNote | null = null;
    const scan = (): ScannedNote => (scanned ??= scanNote(text, workspace.scanSlabs));
    const codeLines = (): Uint8Array => scan().mask;
    try {
      if (mightHaveItems(text)) addParsed(record, text, parseScanned(path, scan(), { trackHeadingLevel: options.trackHeadingLevel }, workspace));
      if (hasQueueMarker(text)) record.queueBlock = findQueueBlock(path, text, codeLines);
      record.venueMarks = findVenueMarks(path, text, this.venueMatcher(options.venues), codeLines); // returns at once without bold or strikethrough
    } catch (error) {
      return failedRecord(record, error);
    }
    return record;
  }

  /**
   * `build` in steps: drive it with `next()` and give the UI a turn between steps (certainly after a
   * yielded `true`: the next step may be long). One scan, in steps too, for every reader.
   */
  *buildInSteps(path: string, text: string, stat: NoteStat | null, options: IndexOptions): Generator<boolean, NoteRecord> {
    const record = blankRecord(path, stat);
    if (isArchived(text)) return record;
    const workspace = this.workspace;
    try {
      const scanned = yield* scanNoteInSteps(text, STEP_CHARS, workspace.scanSlabs);
      const codeLines = (): Uint8Array => scanned.mask;
      if (mightHaveItems(text)) {
        addParsed(record, text, yield* parseScannedInSteps(path, scanned, { trackHeadingLevel: options.trackHeadingLevel }, workspace));
      }
      if (hasQueueMarker(text)) record.queueBlock = findQueueBlock(path, text, codeLines);
      yield true; // venue marks on thousands of bold lines take a while while the code is cold
      record.venueMarks = findVenueMarks(path, text, this.venueMatcher(options.venues), codeLines);
    } catch (error) {
      return failedRecord(record, error);
    }
    return record;
  }
}

export function addParsed(record: NoteRecord, text: string, parsed: ParsedColumns): void {
  record.items = parsed.items;
  record.problems = parsed.problems;
  record.tracks = noteTracks(record.path, text, parsed.tracks, parsed.items);
}

/** A note that could not be parsed is one problem, so the person hears of it; the index carries on. */
export function failedRecord(record: NoteRecord, error: unknown): NoteRecord {
  const message = errorMessage(error);
  return { ...blankRecord(record.path, record.stat), problems: [{ path: record.path, line: 1, message: `Could not read this note: ${message}` }] };
}

/** The note's tracks; items above every track heading make the note's name a track of its own. */
function noteTracks(path: string, text: string, headings: { name: string; line: number }[], items: NoteItems): NoteTrack[] {
  const name = noteName(path);
  let lines: string[] | null = null;
  const tracks = headings.map((h): NoteTrack => {
    if (h.name !== name) return { name: h.name, line: h.line, fromNoteName: false };
    // An empty heading is named after the note by the parser; a heading that spells the name is not.
    lines ??= splitLines(text);
    return { name: h.name, line: h.line, fromNoteName: !(lines[h.line - 1] ?? "").includes(name) };
  });
  const firstHeading = headings.length > 0 ? headings[0].line : Infinity;
  // Items are in line order: the first one is the only candidate.
  const firstItemLine = items.count > 0 ? items.cols[LINE] : Infinity;
  return firstItemLine < firstHeading ? [{ name, line: firstItemLine, fromNoteName: true }, ...tracks] : tracks;
}

/** Plain data (problems, marks, a queue block) compared by value; the lists they feed are rebuilt only when it differs. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && (a.length === 0 || sameValue(a, b));
}

export function sameTracks(a: NoteTrack[], b: NoteTrack[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].name !== b[i].name || a[i].line !== b[i].line) return false;
  return true;
}

/** The track entry governing a line: the last one at or above it. */
function governing(tracks: NoteTrack[], line: number): NoteTrack | undefined {
  let found: NoteTrack | undefined;
  for (const track of tracks) if (track.line <= line) found = track;
  return found;
}

export function renameRecord(record: NoteRecord, newPath: string): NoteRecord {
  const newName = noteName(newPath);
  const follows = (line: number): boolean => governing(record.tracks, line)?.fromNoteName ?? true;
  return {
    path: newPath,
    items: renameItems(record.items, newName, follows),
    problems: record.problems.map((p) => ({ ...p, path: newPath })),
    tracks: record.tracks.map((t) => (t.fromNoteName ? { ...t, name: newName } : t)),
    queueBlock: record.queueBlock && { ...record.queueBlock, path: newPath },
    venueMarks: record.venueMarks.map((m) => ({ ...m, path: newPath })),
    stat: record.stat,
  };
}

/** The same columns with the items whose track follows the note's name pointing at `newName`. */
function renameItems(items: NoteItems, newName: string, follows: (line: number) => boolean): NoteItems {
  if (items.count === 0) return items;
  const names = [...items.names, newName];
  const cols = items.cols.slice();
  for (let at = 0; at < items.count * ITEM_STRIDE; at += ITEM_STRIDE) if (follows(cols[at + LINE])) cols[at + TRACK] = names.length - 1;
  // Not a spread: columns restored from the cache read their text through a getter.
  return { count: items.count, cols, text: items.text, bodiesEnd: items.bodiesEnd, names };
}
