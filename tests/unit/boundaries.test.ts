// Word and digit boundaries that the code checks explicitly: a regex lookbehind is a syntax error on iOS
// before 16.4, so main.js has none (the build refuses one). The references below keep the lookbehinds
// the checks replaced; tests never ship to a phone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keywordTest } from "../../src/core/items/deadlines";

const hasKeyword = (text: string, words: string[]): boolean => keywordTest(words)(text);
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { BUILTIN_VENUES, findVenues, parseCustomVenues, type Venue, VenueMatcher } from "../../src/core/items/venues";

const mentions = (text: string, venues: Venue[] = BUILTIN_VENUES): [string, string, number | null][] =>
  findVenues(text, new VenueMatcher(venues)).map((m) => [text.slice(m.from, m.to), m.venue, m.year]);

describe("venue boundaries", () => {
  it("a venue glued to a year counts, one glued to a letter or digit before it does not", () => {
    expect(mentions("AAAI2021 截稿")).toEqual([["AAAI2021", "AAAI", 2021]]);
    expect(mentions("AAAI21 截稿")).toEqual([["AAAI21", "AAAI", 2021]]);
    expect(mentions("xAAAI 2021")).toEqual([]);
    expect(mentions("1AAAI 2021")).toEqual([]);
    expect(mentions("_AAAI 2021")).toEqual([["AAAI 2021", "AAAI", 2021]]);
    expect(mentions("第AAAI 2021")).toEqual([["AAAI 2021", "AAAI", 2021]]);
    expect(mentions("xACL 2021 / ACL 2022")).toEqual([["ACL 2022", "ACL", 2022]]);
    // Caseless names fold as the pattern does: a long s before SIGIR is a letter.
    expect(mentions("\u017FSIGIR 2021")).toEqual([]);
  });

  it("a year runs into no further digit", () => {
    expect(mentions("AAAI 20211")).toEqual([["AAAI", "AAAI", null]]);
    expect(mentions("AAAI2021x")).toEqual([["AAAI2021", "AAAI", 2021]]);
    expect(mentions("AAAI 21")).toEqual([["AAAI", "AAAI", null]]);
  });

  it("a two-digit year is glued only to a name ending in a letter", () => {
    const venues = parseCustomVenues(["C3|Conf 3"]);
    expect(mentions("C321", venues)).toEqual([]);
    expect(mentions("C3-21", venues)).toEqual([["C3-21", "C3", 2021]]);
    expect(mentions("C3 2021", venues)).toEqual([["C3 2021", "C3", 2021]]);
    expect(mentions("Conf 321", venues)).toEqual([]);
    expect(mentions("3DV21")).toEqual([["3DV21", "3DV", 2021]]);
  });

  it("a year written before the name is not the tail of a longer number", () => {
    expect(findVenues("2022 CVPR", new VenueMatcher(BUILTIN_VENUES))[0]?.year).toBe(2022);
    expect(findVenues("2022年CVPR", new VenueMatcher(BUILTIN_VENUES))[0]?.year).toBe(2022);
    expect(findVenues("12022 CVPR", new VenueMatcher(BUILTIN_VENUES))[0]?.year).toBeNull();
    expect(findVenues("x2022 CVPR", new VenueMatcher(BUILTIN_VENUES))[0]?.year).toBe(2022);
  });

  it("whole-word keywords need a boundary on both sides", () => {
    expect(hasKeyword("DDL: AAAI", ["ddl"])).toBe(true);
    expect(hasKeyword("xDDL", ["ddl"])).toBe(false);
    expect(hasKeyword("2DDL", ["ddl"])).toBe(false);
    expect(hasKeyword("截止DDL", ["ddl"])).toBe(true);
    expect(hasKeyword("ddl2", ["ddl"])).toBe(false);
    expect(hasKeyword("\u017Fddl", ["ddl"])).toBe(false);
  });
});

describe("findVenues against the lookbehind patterns it replaced", () => {
  const keyOf = (alias: string): string => alias.replace(/[\s\u3000]+/gu, "").toLowerCase();
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  const YEAR = String.raw`(?:[\s\u3000]{0,4}(?:['’‘\-–][\s\u3000]{0,2})?((?:19|20)\d\d)|(?:['’‘\-–]|(?<=[A-Za-z]))(\d\d))?(?!\d)`;
  const reference = (text: string, venues: Venue[]): [number, number, string, number | null][] => {
    const byKey = new Map<string, string>();
    const exact: string[] = [];
    const loose: string[] = [];
    for (const v of venues) {
      for (const alias of [v.name, ...v.aliases]) {
        const key = keyOf(alias);
        if (key === "" || byKey.has(key)) continue;
        byKey.set(key, v.name);
        (key.length <= 3 ? exact : loose).push(alias);
      }
    }
    const found: [number, number, string, number | null][] = [];
    for (const [aliases, flags] of [[loose, "giu"], [exact, "gu"]] as const) {
      if (aliases.length === 0) continue;
      const alternatives = [...aliases].sort((a, b) => keyOf(b).length - keyOf(a).length)
        .map((a) => a.trim().split(/[\s\u3000]+/u).map(escape).join(String.raw`[\s\u3000]{0,3}`));
      const pattern = new RegExp(String.raw`(?<![A-Za-z0-9])(${alternatives.join("|")})(?![A-Za-z])${YEAR}`, flags);
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const name = byKey.get(keyOf(m[1]));
        if (name === undefined) continue;
        const before = m[2] || m[3] ? null : /(?<!\d)((?:19|20)\d\d)[\s\u3000]*年?[\s\u3000]*$/u.exec(text.slice(Math.max(0, m.index - 12), m.index));
        found.push([m.index, m.index + m[0].length, name, m[2] ? Number(m[2]) : m[3] ? 2000 + Number(m[3]) : before ? Number(before[1]) : null]);
      }
    }
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const kept: typeof found = [];
    for (const f of found) if (kept.length === 0 || f[0] >= kept[kept.length - 1][1]) kept.push(f);
    return kept;
  };

  it("agrees on random texts around names, years and digits", () => {
    const venues = [...parseCustomVenues(["C3|Conf 3", "X-1|Ex One"]), ...BUILTIN_VENUES];
    const matcher = new VenueMatcher(venues);
    const bit = fc.constantFrom("AAAI", "aaai", "ACL", "acl", "SIGIR", "\u017F", "\u212A", "KDD", "C3", "Conf", "3", "X-1", "Ex One",
      "2021", "21", "1", "0", "x", "_", " ", "  ", "\u3000", "-", "'", "’", "年", "第", "😀", "\uD800", "/");
    fc.assert(fc.property(fc.array(bit, { maxLength: 10 }), (parts) => {
      const text = parts.join("");
      const got = findVenues(text, matcher).map((m): [number, number, string, number | null] => [m.from, m.to, m.venue, m.year]);
      const want = reference(text, venues);
      expect(got.map(([from, to, venue]) => [from, to, venue])).toEqual(want.map(([from, to, venue]) => [from, to, venue]));
      // A year before a name is looked for in the 12 characters before it; the digit that makes it part of a
      // longer number may now lie just outside them.
      got.forEach(([from, , , year], i) => {
        if (year !== want[i][3]) expect([from >= 12, year]).toEqual([true, null]);
      });
    }), { numRuns: 5000 });
  });
});

describe("lone surrogates", () => {
  it("a note with a lone half of a pair anywhere is not cached; paired halves are", () => {
    const idx = new VaultIndex();
    const notes: Record<string, string> = {
      "low-first.md": "- [ ] 2021/03/25 \uDC00low half first\n",
      "swapped.md": "- [ ] 2021/03/25 swapped \uDC00\uD800\n",
      "pair-then-lone.md": "- [ ] 2021/03/25 pair 😀\uDC00\n",
      "lead-at-end.md": "- [ ] 2021/03/25 lead at end \uD83D",
      "pairs.md": "- [ ] 2021/03/25 😀😀 一对\n",
    };
    for (const [path, text] of Object.entries(notes)) idx.update(path, text, { mtime: 1, size: text.length });
    expect(VaultIndex.fromCache(idx.toCache()).paths()).toEqual(["pairs.md"]);
  });
});
