// UI text with counts: English says "1 line" and "2 lines" from one message; Chinese has no plural.
import { afterEach, describe, expect, it } from "vitest";
import { MESSAGE_KEYS, setLanguage, t } from "../../src/obsidian/i18n";

afterEach(() => setLanguage(null));

/** Every placeholder of every message set to `value`. */
const withAll = (value: number): Record<string, number> => new Proxy({}, { has: () => true, get: () => value });

describe("counts in the UI text", () => {
  it("no English message says 1 of a plural noun or 2 of a singular one", () => {
    setLanguage("en");
    const nouns = "lines?|items?|tracks?|notes?|days?|dates?|months?";
    for (const key of MESSAGE_KEYS) {
      const one = t(key, withAll(1));
      expect(one, key).not.toMatch(new RegExp(`\\b1 (?:(?:more|later) )?(?:${nouns.replace(/\?/gu, "s")})\\b|\\b1 \\w+ were\\b|\\b1 notes?\\b[^.;]*\\bwere\\b`, "u"));
      const two = t(key, withAll(2));
      expect(two, key).not.toMatch(new RegExp(`\\b2 (?:(?:more|later) )?(?:line|item|track|note|day|date|month)\\b(?!s)|\\b2 [^.;]*\\bwas\\b`, "u"));
    }
  });

  it("the undo notice counts lines in the singular and the plural, and leaves out an empty kept part", () => {
    setLanguage("en");
    expect(t("roll.undone", { count: 1, kept: 0 })).toBe("Restored 1 line.");
    expect(t("roll.undone", { count: 3, kept: 0 })).toBe("Restored 3 lines.");
    expect(t("roll.undoneKept", { count: 2, kept: 1 })).toBe("Restored 2 lines; 1 line edited since was kept.");
    expect(t("roll.undoneKept", { count: 1, kept: 2 })).toBe("Restored 1 line; 2 lines edited since were kept.");
    expect(t("roll.undoRefused", { count: 1, reason: "" }).trim()).toBe("1 note was left as it is, as its lines no longer stand as the roll left them.");
    expect(t("view.tracks", { count: 1 })).toBe("1 track");
    expect(t("view.tracks", { count: 0 })).toBe("0 tracks");
    expect(t("plan.summary", { count: 1, days: 1, end: "2021-04-16", perWeek: 1 })).toBe("1 item on 1 day, the last on 2021-04-16 · 1 day a week");
    expect(t("plan.summary", { count: 3, days: 2, end: "2021-04-16", perWeek: 3.5 })).toBe("3 items on 2 days, the last on 2021-04-16 · 3.5 days a week");
  });

  it("Chinese says the same for one and many", () => {
    setLanguage("zh");
    expect(t("roll.undone", { count: 1, kept: 0 })).toBe("已恢复 1 行。");
    expect(t("roll.undoneKept", { count: 2, kept: 1 })).toBe("已恢复 2 行；保留了之后编辑过的 1 行。");
    expect(t("view.tracks", { count: 1 })).toBe("1 个进程");
    for (const key of MESSAGE_KEYS) expect(t(key, withAll(1)), key).not.toMatch(/[{}]/u);
  });
});

describe("Chinese punctuation", () => {
  it("brackets are full-width, with no space before them, in every message", () => {
    setLanguage("zh");
    for (const key of MESSAGE_KEYS) {
      const text = t(key, withAll(1));
      expect(text, key).not.toMatch(/[()]/u);
      expect(text, key).not.toMatch(/\s（/u);
    }
  });
});
