// Settings and their defaults (reading them from data.json: storedSettings.ts). Pure so the CLI and tests share it.
import type { IsoDate, RollMode } from "./types";

export interface BrainQueueSettings {
  version: 1;
  /** Headings of this level or shallower name tracks. */
  trackHeadingLevel: number;
  /** Vault-relative folders or notes; empty include means the whole vault. */
  includePaths: string[];
  excludePaths: string[];
  /** Folders of archived plans: their notes count for nothing (like `brain-queue: archived` in a note's frontmatter). */
  archiveFolders: string[];
  /** Used only when no note has a queue block. */
  queueLimit: number;
  priority: string[];
  /** First day of term week 1 (a Monday, usually), for the `第8周星期二` header. */
  termStart: IsoDate | null;
  fixedKeywords: string[];
  deadlineWords: string[];
  /** Extra venues, one per entry: `Name|alias|alias`. */
  customVenues: string[];
  /** Count deadline days in Anywhere-on-Earth (UTC−12) instead of local time. */
  anywhereOnEarth: boolean;
  /** Deadlines further ahead than this many months are only counted ("3 later"). */
  deadlineHorizonMonths: number;
  deadlineNotice: boolean;
  highlightDeadlines: boolean;
  /** Remembered roll-forward mode per track, keyed by its track key (note path + heading, tracks.ts `trackKey`);
   *  a key that is a bare heading name (older data) stands for that heading in any note without one of its own.
   *  A null-prototype object: any name is a key, `__proto__` too. */
  trackModes: Record<string, RollMode>;
  /** ISO weekdays (1 = Monday) the person studies on, as last chosen when planning a track. */
  studyWeekdays: number[];
  /** Days never to plan on (holidays, trips): a plan offers them, a spread backlog and the next study day skip them. */
  skipDates: IsoDate[];
  /** Spread mode lays at most this many items a day (0: the track's usual number, uncapped). */
  spreadCap: number;
  /** When ticking writes Tasks' done date (`✅ YYYY-MM-DD`): on lines already in Tasks' format, always, or never. */
  doneDates: "tasks" | "always" | "never";
}

/** An empty dictionary keyed by names people choose (track names): nothing inherited, `__proto__` a plain key. */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record[name]` when `record` itself holds it (never an inherited member such as `constructor`). */
export function ownEntry<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

export const DEFAULT_SETTINGS: BrainQueueSettings = {
  version: 1,
  trackHeadingLevel: 2,
  includePaths: [],
  excludePaths: [],
  archiveFolders: [],
  queueLimit: 5,
  priority: [],
  termStart: null,
  // A venue's milestones are on its calendar: a roll must not move them either.
  fixedKeywords: ["截止", "截至", "deadline", "DDL", "开课", "结课", "考试", "笔试", "exam",
    "rebuttal", "notification", "camera-ready", "camera ready", "registration", "通知", "录用", "注册"],
  deadlineWords: ["截止", "截至", "投稿", "deadline", "DDL", "submission"],
  customVenues: [],
  anywhereOnEarth: false,
  deadlineHorizonMonths: 12,
  deadlineNotice: true,
  highlightDeadlines: true,
  trackModes: nameRecord<RollMode>(),
  studyWeekdays: [1, 2, 3, 4, 5, 6, 7],
  skipDates: [],
  spreadCap: 0,
  doneDates: "tasks",
};

/** Default fixed-date keyword lists of earlier versions. Settings are saved whole, so a stored list equal
 *  to one of these is one the person never edited: it follows the defaults forward. */
const EARLIER_FIXED_KEYWORDS = [["截止", "截至", "deadline", "DDL", "开课", "结课", "考试", "笔试", "exam"]];

/** The fixed-date keywords to use for a stored list: an untouched earlier default becomes today's. */
export function fixedKeywordsFrom(stored: string[]): string[] {
  const untouched = EARLIER_FIXED_KEYWORDS.some((old) => old.length === stored.length && old.every((w, i) => w === stored[i]));
  return untouched ? [...DEFAULT_SETTINGS.fixedKeywords] : stored;
}
