// Fixed items: dated lines whose day is a fact, not a plan. A deadline, an item with a fixed-date
// keyword (开课, 考试, exam …) or an item whose text names its own day (`第19周星期日`, `周三`, `Mon 3/4`)
// never moves in a roll (moving it would leave its text saying one day and its date another), never
// counts as overdue, and shows at the top of Today on its day whatever its track.
import { weekdayIndex } from "../base";
import { DeadlineRules, keywordTest } from "../items";
import type { BrainQueueSettings } from "../base";
import type { IsoDate, Item } from "../base";
import type { OverdueGroups, VaultIndex } from "../index";
import type { TrackKey } from "../items";

/** An empty slot (`- [ ] 2021/04/22    `: a date and no text) is a free day kept in a plan, not a task. */
export const isEmptySlot = (item: Pick<Item, "text">): boolean => item.text === "";

type FixedSettings = Pick<BrainQueueSettings, "deadlineWords" | "fixedKeywords" | "customVenues">;

/**
 * Which items are fixed under some settings, compiled for the many items asked about (a Today model, a
 * roll): make one per question, or ask the index's (`fixedRulesOf`), which it keeps while the words stay.
 */
export class FixedRules {
  readonly deadlines: DeadlineRules;
  private readonly hasFixedWord: (text: string) => boolean;

  constructor(private readonly settings: FixedSettings) {
    this.deadlines = DeadlineRules.of(settings);
    this.hasFixedWord = keywordTest(settings.fixedKeywords);
  }

  /** Whether the text alone makes an item fixed: a deadline word or a fixed-date keyword. */
  isFixedText(text: string): boolean {
    return this.deadlines.hasWord(text) || this.hasFixedWord(text);
  }

  /** Whether an item is fixed: its text says so, or names the item's own day. Today, the overdue count and roll use this rule. */
  isFixed(item: Pick<Item, "text" | "date" | "end">): boolean {
    return this.isFixedText(item.text) || namedOwnDay(item.text, item.date, item.end) !== null;
  }

  /**
   * An open item that cannot be missed: a fixed one (its day has passed, nothing to catch up on) or an empty
   * slot. `days` gives its date and end, asked for only when the text names a weekday (the index keeps
   * dates as numbers, and most texts name none).
   */
  cannotBeOverdue(text: string, days: () => { date: IsoDate; end: IsoDate | null }): boolean {
    if (isEmptySlot({ text }) || this.isFixedText(text)) return true;
    const named = dayNamed(text);
    if (named === null) return false;
    return named.weekday === null || agreesWith(named.weekday, days());
  }

  /** Why an item keeps its date no matter what, or null when it may move. */
  reason(item: Pick<Item, "text" | "date" | "end">): string | null {
    if (this.deadlines.recognize(item.text)) return "fixed date: deadline";
    // One test for all the keywords first: most items have none, and a roll can hold tens of thousands.
    if (this.hasFixedWord(item.text)) {
      const keyword = this.settings.fixedKeywords.find((word) => keywordTest([word])(item.text));
      if (keyword !== undefined) return `fixed date: “${keyword.trim()}”`;
    }
    const day = namedOwnDay(item.text, item.date, item.end);
    return day === null ? null : `fixed date: “${day}”`;
  }
}

/** The index's FixedRules for `settings`: made again only when the words or the venues change. */
export function fixedRulesOf(index: VaultIndex, settings: FixedSettings): FixedRules {
  const kept = index.keep("planner.fixedRules", () => ({ key: "", rules: null as FixedRules | null }));
  const key = JSON.stringify([settings.deadlineWords, settings.fixedKeywords, settings.customVenues]);
  if (kept.rules === null || kept.key !== key) {
    kept.key = key;
    kept.rules = new FixedRules({ deadlineWords: settings.deadlineWords, fixedKeywords: settings.fixedKeywords, customVenues: settings.customVenues });
  }
  return kept.rules;
}

/** The key under which the index remembers, per note, which items are fixed (`isFixed`). */
export function fixedKey(settings: BrainQueueSettings): string {
  return `fixed:1:${JSON.stringify([settings.deadlineWords, settings.fixedKeywords])}`;
}

/** The key under which the index remembers, per note, the open items that cannot be overdue. */
export function notOverdueKey(settings: BrainQueueSettings): string {
  return `not-overdue:2:${JSON.stringify([settings.deadlineWords, settings.fixedKeywords])}`;
}

/** The overdue groups of the vault on `day` (see `VaultIndex.overdueGroups`), `lead`'s first: fixed items and empty slots left out. */
export function overdueGroups(index: VaultIndex, day: IsoDate, settings: BrainQueueSettings, limit = Infinity, lead: readonly TrackKey[] = []): OverdueGroups {
  const rules = fixedRulesOf(index, settings);
  const unmissable = { key: notOverdueKey(settings), test: (text: string, days: () => { date: IsoDate; end: IsoDate | null }) => rules.cannotBeOverdue(text, days) };
  return index.overdueGroups(day, { limit, unmissable, lead });
}

// `第19周星期日`, `第 3 周 周二`: a term week with its weekday. `第一周` alone is a course week, not a day.
const TERM_WEEK_DAY = /第[\s\u3000]*[0-9０-９]{1,3}[\s\u3000]*周[\s\u3000]*(?:星期|周|礼拜)[一二三四五六日天]/u;
// A weekday name: 星期三 / 礼拜三 / 周三 (not `周三次`: three times a week), or an English name as a word.
// The group before a name stands in for a lookbehind (not available on every platform Obsidian runs on).
const CJK_WEEKDAY = /(星期|礼拜|周)([一二三四五六日天])(?![次遍个篇道题节章年月天周])/gu;
const EN_WEEKDAY = /(^|[^A-Za-z0-9])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)(?![A-Za-z])/giu;
const CJK_INDEX: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6 };
const EN_PREFIXES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MAY_NAME_EN_DAY = /mon|tue|wed|thu|fri|sat|sun/iu;

/**
 * The words by which `text` names the item's own day, or null. A term-week label (`第19周星期日`) is
 * a calendar fact whatever the date; a plain weekday name (`周三`, `星期三`, `Wed`, `Wednesday`) counts
 * when it is the weekday of the item's date (a range: its first or last day) and the text names no
 * other weekday (`Mon/Wed/Fri` is a habit, not a day).
 */
export function namedOwnDay(text: string, date: IsoDate, end: IsoDate | null = null): string | null {
  const named = dayNamed(text);
  if (named === null) return null;
  return named.weekday === null || agreesWith(named.weekday, { date, end }) ? named.word : null;
}

const agreesWith = (weekday: number, { date, end }: { date: IsoDate; end: IsoDate | null }): boolean =>
  weekdayIndex(date) === weekday || (end !== null && weekdayIndex(end) === weekday);

/** The day `text` names: a term-week label (any date: weekday null), one weekday (0 = Monday), or null. */
function dayNamed(text: string): { word: string; weekday: number | null } | null {
  // Most texts name no day: two plain tests spare them the regexes below (the sidebar asks for every overdue item).
  const cjk = text.includes("周") || text.includes("星期") || text.includes("礼拜");
  const english = MAY_NAME_EN_DAY.test(text);
  if (!cjk && !english) return null;
  const term = cjk ? TERM_WEEK_DAY.exec(text) : null;
  if (term) return { word: term[0], weekday: null };
  const named: { word: string; weekday: number }[] = [];
  if (cjk) for (const m of text.matchAll(CJK_WEEKDAY)) named.push({ word: m[0], weekday: CJK_INDEX[m[2]] });
  if (english) {
    for (const m of text.matchAll(EN_WEEKDAY)) {
      const word = m[2];
      // Short names only capitalised or in capitals: `sun`, `sat` and `wed` are ordinary words too.
      if (word.length < 6 && !/^[A-Z]/u.test(word)) continue;
      named.push({ word, weekday: EN_PREFIXES.indexOf(word.slice(0, 3).toLowerCase()) });
    }
  }
  if (named.length === 0 || named.some((n) => n.weekday !== named[0].weekday)) return null;
  return named[0];
}
