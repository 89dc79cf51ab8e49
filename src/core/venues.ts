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

interface Matcher {
  patterns: RegExp[];
  byKey: Map<string, string>;
  /** No text longer than this can be one venue mention (alias, spacing, year) from end to end. */
  longest: number;
  /** Per UTF-16 code unit, 1 where a mention may start with it. */
  starts: Uint8Array;
}

/** A year spelling after a name is at most 4 spaces, a dash or apostrophe, 2 spaces and 4 digits. */
const LONGEST_YEAR = 4 + 1 + 2 + 4;

const keyOf = (alias: string): string => alias.replace(/[\s\u3000]+/gu, "").toLowerCase();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
// Four-digit years 19xx/20xx after optional space, dash or apostrophe; two-digit ones only glued or after - '.
const YEAR = String.raw`(?:[\s\u3000]{0,4}(?:['’‘\-–][\s\u3000]{0,2})?((?:19|20)\d\d)|(?:['’‘\-–]|(?<=[A-Za-z]))(\d\d))?(?!\d)`;

const cache = new WeakMap<Venue[], Matcher>();

function matcherFor(venues: Venue[]): Matcher {
  const cached = cache.get(venues);
  if (cached) return cached;
  const byKey = new Map<string, string>();
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
  const build = (aliases: string[], flags: string): RegExp | null => {
    if (aliases.length === 0) return null;
    const alternatives = [...aliases]
      .sort((a, b) => keyOf(b).length - keyOf(a).length)
      .map((a) => a.trim().split(/[\s\u3000]+/u).map(escape).join(String.raw`[\s\u3000]{0,3}`));
    return new RegExp(String.raw`(?<![A-Za-z0-9])(${alternatives.join("|")})(?![A-Za-z])${YEAR}`, flags);
  };
  const patterns = [build(loose, "giu"), build(exact, "gu")].filter((p): p is RegExp => p !== null);
  // Words of an alias may be joined by up to 3 spaces.
  const longest = Math.max(0, ...[...exact, ...loose].map((a) => a.trim().length + 2 * (a.trim().split(/[\s\u3000]+/u).length - 1))) + LONGEST_YEAR;
  const matcher = { patterns, byKey, longest, starts: startTable([...exact, ...loose]) };
  cache.set(venues, matcher);
  return matcher;
}

/** Every code unit some alias's first character matches as the patterns match it (caselessly, with
 *  Unicode folding: `K` also matches U+212A KELVIN SIGN), so a mention can start only there. */
function startTable(aliases: string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  const firsts = new Set(aliases.map((a) => String.fromCodePoint(a.trim().codePointAt(0) ?? 32)));
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

let everyUnit: string | undefined;

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
export function mayBeOneVenue(text: string, venues: Venue[]): boolean {
  return countShortRuns(text, 0, text.length, matcherFor(venues).longest, () => false) === 1;
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

/** The longest text that can be one venue mention (see `mayBeOneVenue`). */
export const longestVenueMention = (venues: Venue[]): number => matcherFor(venues).longest;

/** Per UTF-16 code unit, 1 where a venue mention may start (see `countShortRuns`). */
export const venueStarts = (venues: Venue[]): Uint8Array => matcherFor(venues).starts;

/** Every venue mention in `text`, left to right; overlapping mentions keep the longer one. */
export function findVenues(text: string, venues: Venue[]): VenueMention[] {
  const { patterns, byKey } = matcherFor(venues);
  const found: VenueMention[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const name = byKey.get(keyOf(m[1]));
      if (name === undefined) continue;
      // `CVPR 2022`, `AAAI-22`; failing that a year written just before (`2022 CVPR`, `2022年CVPR`).
      const before = m[2] || m[3] ? null : /(?<!\d)((?:19|20)\d\d)[\s\u3000]*年?[\s\u3000]*$/u.exec(text.slice(Math.max(0, m.index - 12), m.index));
      const year = m[2] ? Number(m[2]) : m[3] ? 2000 + Number(m[3]) : before ? Number(before[1]) : null;
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
