// The one binary search of the core, over numbers (line numbers in edits) and strings (note paths).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../src/core/base/sorted";
import { insertSorted, removeSorted } from "../../src/core/index/sortedPaths";

const firstNotBelow = <T extends number | string>(sorted: T[], value: T): number => {
  const at = sorted.findIndex((entry) => !(entry < value));
  return at < 0 ? sorted.length : at;
};

describe("lowerBound", () => {
  it("finds the first entry not below the value, twins included", () => {
    expect(lowerBound([3, 5, 5, 5, 9], 5)).toBe(1);
    expect(lowerBound([3, 5, 5, 5, 9], 6)).toBe(4);
    expect(lowerBound([3, 5], 1)).toBe(0);
    expect(lowerBound([3, 5], 10)).toBe(2);
    expect(lowerBound([], 1)).toBe(0);
    expect(lowerBound(["Archive/2020.md", "Plans/Term.md", "计划.md"], "Plans/Term.md")).toBe(1);
  });

  it("agrees with a linear search on any sorted list", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (list, value) => {
      const sorted = [...list].sort((a, b) => a - b);
      expect(lowerBound(sorted, value)).toBe(firstNotBelow(sorted, value));
    }));
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 3 })), fc.string({ maxLength: 3 }), (list, value) => {
      const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(lowerBound(sorted, value)).toBe(firstNotBelow(sorted, value));
    }));
  });

  it("keeps a path list sorted and distinct through inserts and removals", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.constantFrom("a.md", "b.md", "Plans/a.md", "计划.md", "Z.md"))), (steps) => {
      const list: string[] = [];
      const model = new Set<string>();
      for (const [add, path] of steps) {
        if (add) { insertSorted(list, path); model.add(path); } else { removeSorted(list, path); model.delete(path); }
      }
      expect(list).toEqual([...model].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }));
  });
});
