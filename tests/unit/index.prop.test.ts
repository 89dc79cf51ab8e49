// Property: an index kept current through updates, renames and removals equals a fresh index of the final notes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { applyOp, freshIndex, noteText, SHAPES, snapshot, vaultOp } from "./vaultOps";

const PATHS = ["A.md", "B.md", "Notes/C.md", "Notes/Deep/D.md", "a.md"];
const op = vaultOp(noteText, PATHS);

describe("VaultIndex incremental = fresh", () => {
  it("after any sequence of updates, renames and removals", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const live = new VaultIndex();
        const files = new Map<string, string>();
        for (const o of ops) {
          applyOp(live, files, o);
        }
        const fresh = freshIndex(files);
        const days = ["2021-03-22", "2021-03-28", "2021-04-22", "2021-11-20", "2026-03-04"];
        expect(snapshot(live, days)).toEqual(snapshot(fresh, days));
        // The cache round trip keeps everything too.
        const cached = new VaultIndex();
        for (const [path, text] of files) cached.update(path, text, { mtime: 1, size: text.length });
        expect(snapshot(VaultIndex.fromCache(cached.toCache()), days)).toEqual(snapshot(fresh, days));
      }),
      { numRuns: 300 },
    );
  });

  it("per-day queries agree with a brute-force filter", () => {
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 300 }), (texts, offset) => {
        const index = new VaultIndex();
        texts.forEach((text, i) => index.update(`n${i}.md`, text));
        const day = new Date(Date.UTC(2021, 2, 1 + offset)).toISOString().slice(0, 10);
        const all = index.items();
        expect(index.itemsOn(day)).toEqual(all.filter((i) => i.date <= day && day <= (i.end ?? i.date)));
        expect(index.overdue(day)).toEqual(all.filter((i) => !i.done && (i.end ?? i.date) < day));
        const week = new Date(Date.UTC(2021, 2, 8 + offset)).toISOString().slice(0, 10);
        expect(index.upcoming(day, 7)).toEqual(all.filter((i) => !i.done && i.date > day && i.date <= week)
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
        const covered = (d: string): boolean => all.some((i) => i.date <= d && d <= (i.end ?? i.date));
        const candidates = [...new Set(all.flatMap((i) => [i.date, new Date(Date.UTC(2021, 2, 2 + offset)).toISOString().slice(0, 10)]))]
          .filter((d) => d > day && covered(d)).sort();
        expect(index.nextPlannedDay(day)).toBe(candidates[0] ?? null);
        expect(index.select("open", (i) => !i.done)).toEqual(all.filter((i) => !i.done));
      }),
      { numRuns: 200 },
    );
  });
});

describe("VaultIndex cache under damage", () => {
  it("any flipped bytes: never throws, and whatever survives reads back as items", () => {
    const source = new VaultIndex();
    SHAPES.forEach((shape, i) => source.update(`n${i % 5}/${i}.md`, `## T\n${shape}\n- [ ] 2021/03/2${i % 9} x${i}\n  - [ ] sub`, { mtime: i, size: i }));
    const good = source.toCache();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (flips) => {
        const bytes = good.slice();
        for (const [at, value] of flips) bytes[at] = value;
        const restored = VaultIndex.fromCache(bytes);
        for (const item of restored.items()) {
          expect(item.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(item.source).toContain(item.text.slice(0, 1));
        }
        expect(() => [restored.itemsOn("2021-03-22"), restored.overdue("2021-03-25"), restored.nextPlannedDay("2021-01-01")]).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
