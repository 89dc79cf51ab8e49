// Academic venues: names, aliases and how they are written next to a year (`AAAI 2021`, `ICML'24`).

export interface Venue { name: string; aliases: string[] }

const venue = (name: string, ...aliases: string[]): Venue => ({ name, aliases });

export const BUILTIN_VENUES: Venue[] = [
  venue("AAAI"), venue("IJCAI"), venue("ICML"), venue("NeurIPS", "NIPS"), venue("ICLR"), venue("AISTATS"),
  venue("UAI"), venue("COLT"), venue("CVPR"), venue("ICCV"), venue("ECCV"), venue("WACV"), venue("BMVC"),
  venue("3DV"), venue("ACCV"), venue("MICCAI"), venue("ACL"), venue("EMNLP"), venue("NAACL"), venue("COLING"),
  venue("ICRA"), venue("IROS"), venue("RSS"), venue("CoRL"), venue("SIGGRAPH"), venue("SIGGRAPH Asia"),
  venue("Eurographics"), venue("ACM MM", "ACMMM", "MM"), venue("ICASSP"), venue("INTERSPEECH"),
  venue("KDD", "SIGKDD"), venue("WWW", "TheWebConf", "The Web Conference"), venue("SIGIR"), venue("WSDM"),
  venue("ICDM"), venue("CIKM"),
];

/** `Name|alias|alias` per line; blank lines and `#` comments are skipped. */
export function parseCustomVenues(lines: string[]): Venue[] {
  const result: Venue[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const [name, ...aliases] = trimmed.split("|").map((part) => part.trim()).filter((part) => part !== "");
    if (name !== undefined) result.push({ name, aliases });
  }
  return result;
}

/** One venue named in a text, with its year when one is written right after it. */
export interface VenueMention { venue: string; year: number | null; from: number; to: number }

/** A pattern finds a name and the year after it; the letter or digit before it is checked by hand. */
interface Pattern { regex: RegExp; wordChar: RegExp }

/** A year spelling after a name is at most 4 spaces, a dash or apostrophe, 2 spaces and 4 digits. */
const LONGEST_YEAR = 4 + 1 + 2 + 4;

const keyOf = (alias: string): string => alias.replace(/[\s\u3000]+/gu, "").toLowerCase();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
// Four-digit years 19xx/20xx after optional space, dash or apostrophe; two-digit ones after - ' or glued
// to a name that ends in a letter (AAAI21, not C321). No lookbehind anywhere: iOS before 16.4 rejects it.
const yearAfter = (glued: boolean): string =>
  String.raw`(?:[\s\u3000]{0,4}(?:['’‘\-–][\s\u3000]{0,2})?((?:19|20)\d\d)|(?:['’‘\-–]${glued ? "|" : ""})(\d\d))?(?!\d)`;
/** A letter or digit as the patterns see one (caseless patterns fold: U+017F long s is an s). */
const WORD_CHAR = { caseless: /[A-Za-z0-9]/iu, exact: /[A-Za-z0-9]/u };
const ENDS_IN_LETTER = { caseless: /[A-Za-z]$/iu, exact: /[A-Za-z]$/u };
const YEAR_BEFORE = /((?:19|20)\d\d)[\s\u3000]*年?[\s\u3000]*$/u;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A venue list compiled for finding mentions: its patterns, and (made when first asked, in milliseconds)
 * which characters may start a mention. Whoever asks about many texts keeps one: the record builder for
 * its venue marks, `DeadlineRules` for deadlines.
 */
export class VenueMatcher {
  readonly patterns: Pattern[];
  readonly byKey = new Map<string, string>();
  /** No text longer than this can be one venue mention (alias, spacing, year) from end to end. */
  readonly longest: number;
  private readonly aliases: string[];
  private startTable: Uint8Array | null = null;

  constructor(readonly venues: Venue[]) {
    const byKey = this.byKey;
    const exact: string[] = [];
    const loose: string[] = [];
    for (const v of venues) {
      for (const alias of [v.name, ...v.aliases]) {
        const key = keyOf(alias);
        if (key === "" || byKey.has(key)) continue;
        byKey.set(key, v.name);
        // Short names (ACL, RSS, MM, WWW) count only in capitals: "rss", "mm" are ordinary words.
        (key.length <= 3 ? exact : loose).push(alias);
      }
    }
    const build = (aliases: string[], mode: "caseless" | "exact"): Pattern[] => {
      const flags = mode === "caseless" ? "giu" : "gu";
      const glued = aliases.filter((a) => ENDS_IN_LETTER[mode].test(a.trim()));
      return [glued, aliases.filter((a) => !glued.includes(a))].filter((group) => group.length > 0).map((group, i) => {
        const alternatives = [...group]
          .sort((a, b) => keyOf(b).length - keyOf(a).length)
          .map((a) => a.trim().split(/[\s\u3000]+/u).map(escape).join(String.raw`[\s\u3000]{0,3}`));
        const regex = new RegExp(String.raw`(${alternatives.join("|")})(?![A-Za-z])${yearAfter(i === 0 && glued.length > 0)}`, flags);
        return { regex, wordChar: WORD_CHAR[mode] };
      });
    };
    this.patterns = [...build(loose, "caseless"), ...build(exact, "exact")];
    this.aliases = [...exact, ...loose];
    // Words of an alias may be joined by up to 3 spaces.
    this.longest = Math.max(0, ...this.aliases.map((a) => a.trim().length + 2 * (a.trim().split(/[\s\u3000]+/u).length - 1))) + LONGEST_YEAR;
  }

  /** Per UTF-16 code unit, 1 where a mention may start with it. */
  get starts(): Uint8Array {
    return (this.startTable ??= startTable(this.aliases));
  }
}

/** Every code unit some alias's first character matches as the patterns match it (caselessly, with
 *  Unicode folding: `K` also matches U+212A KELVIN SIGN), so a mention can start only there. */
function startTable(aliases: string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  const firsts = new Set(aliases.map((a) => String.fromCodePoint(a.trim().codePointAt(0) ?? 32)));
  let everyUnit: string | undefined; // made once per table, when a first character needs it
  for (const first of firsts) {
    if (first.length > 1) {
      table.fill(1, 0xd800, 0xdc00); // a character beyond the BMP: any lead surrogate may start it
      continue;
    }
    const folds = new RegExp(escape(first), "giu");
    everyUnit ??= everyCodeUnit();
    for (let m = folds.exec(everyUnit); m; m = folds.exec(everyUnit)) table[m.index] = 1;
  }
  return table;
}

/** Each BMP code unit once, at its own index (surrogates included: they match no BMP letter). */
function everyCodeUnit(): string {
  const units = new Uint16Array(0x10000).map((_, c) => c);
  let out = "";
  for (let from = 0; from < units.length; from += 0x1000) out += String.fromCharCode(...units.subarray(from, from + 0x1000));
  return out;
}

/** The characters of JavaScript's `\s` (what `trim()` removes). */
export const isSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * False when `text`, with emphasis marks and spaces left out, is still too long to be exactly one
 * venue mention: a cheap test before `findVenues`. Stops counting at the limit.
 */
export function mayBeOneVenue(text: string, matcher: VenueMatcher): boolean {
  return countShortRuns(text, 0, text.length, matcher.longest, () => false) === 1;
}

const isEmphasisOrSpace = (c: number): boolean => c === 42 || c === 95 || c === 126 || isSpace(c);

/**
 * How many of the stretches of `text[from, to)` between separator characters could each be one venue
 * mention (an empty stretch counts too): emphasis marks and spaces left out, at most `limit` characters,
 * and, given `starts`, beginning with a code unit it marks.
 */
export function countShortRuns(text: string, from: number, to: number, limit: number, isSeparator: (c: number) => boolean,
  starts?: Uint8Array): number {
  let runs = 0;
  let visible = 0;
  let startsWell = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : -1;
    if (c === -1 || isSeparator(c)) {
      if (visible <= limit && startsWell) runs++;
      visible = 0;
      startsWell = true;
    } else if (!isEmphasisOrSpace(c)) {
      if (visible === 0 && starts !== undefined) startsWell = starts[c] === 1;
      visible++;
    }
  }
  return runs;
}

/** A year written in the 12 characters before `at` and not the tail of a longer number, else null. */
function yearBefore(text: string, at: number): number | null {
  const from = Math.max(0, at - 12);
  const m = YEAR_BEFORE.exec(text.slice(from, at));
  return m && !(from + m.index > 0 && isDigit(text.charCodeAt(from + m.index - 1))) ? Number(m[1]) : null;
}

/** Every venue mention in `text`, left to right; overlapping mentions keep the longer one. */
export function findVenues(text: string, matcher: VenueMatcher): VenueMention[] {
  const { patterns, byKey } = matcher;
  const found: VenueMention[] = [];
  for (const { regex, wordChar } of patterns) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      // A name glued to a letter or digit before it is part of another word: look again one further on.
      if (m.index > 0 && wordChar.test(text[m.index - 1])) {
        regex.lastIndex = m.index + 1;
        continue;
      }
      const name = byKey.get(keyOf(m[1]));
      if (name === undefined) continue;
      // `CVPR 2022`, `AAAI-22`; failing that a year written just before (`2022 CVPR`, `2022年CVPR`).
      const year = m[2] ? Number(m[2]) : m[3] ? 2000 + Number(m[3]) : yearBefore(text, m.index);
      found.push({ venue: name, year, from: m.index, to: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: VenueMention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (!last || mention.from >= last.to) kept.push(mention);
  }
  return kept;
}
