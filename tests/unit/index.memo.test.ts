// Property: the answers the index and buildToday keep across changes (per-note overdue, the track list,
// the resolved queue) equal a fresh index's when queries are interleaved with every change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday } from "../../src/core/planner/today";
import type { Item } from "../../src/core/base/types";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { applyOp, freshIndex, plainGroups, plainToday, vaultOp } from "./vaultOps";
import { trackKeyOf } from "../../src/core/items";

const SHAPES = [
  "- [ ] 2021/03/28    阅读论文",
  "- [x] 2021/3/22 并行计算",
  "- [ ] 2021/11/17 - 2021/11/30  模型设计 截止",
  "- [ ] 2021/04/22    投稿 deadline",
  "## A",
  "## B",
  "## ",
  "当前 BPU （Brain Processing Unit）最大进程数为：1，按优先级排序",
  "- A",
  "- B",
  "",
];
const noteText = fc.array(fc.constantFrom(...SHAPES), { maxLength: 12 }).map((lines) => lines.join("\n"));
const PATHS = ["A.md", "B.md", "Notes/C.md", "a.md"];
const op = vaultOp(noteText, PATHS);
const DAYS = ["2021-03-28", "2021-04-30", "2021-12-01"];
const NOW = new Date(2021, 3, 20, 9, 0);

function grouped(items: Item[]): [string, Item[]][] {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(trackKeyOf(item), [...(groups.get(trackKeyOf(item)) ?? []), item]);
  return [...groups];
}

function snapshot(index: VaultIndex): unknown {
  return {
    tracks: index.tracks(),
    days: DAYS.map((d) => ({
      overdue: index.overdue(d),
      byTrack: plainGroups(index.overdueGroups(d)),
      firstTwo: plainGroups(index.overdueGroups(d, { limit: 2 })),
      today: plainToday(buildToday(index, d, NOW, DEFAULT_SETTINGS)),
    })),
  };
}

describe("VaultIndex answers kept across changes", () => {
  it("equal a fresh index after every change", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 10 }), (ops) => {
        const live = new VaultIndex();
        const files = new Map<string, string>();
        for (const o of ops) {
          applyOp(live, files, o);
          const fresh = freshIndex(files);
          expect(snapshot(live)).toEqual(snapshot(fresh));
          for (const day of DAYS) {
            const expected = grouped(fresh.overdue(day));
            expect(plainGroups(live.overdueGroups(day))).toEqual(expected.map(([track, items]) => [track, { count: items.length, items }]));
            expect(plainGroups(live.overdueGroups(day, { limit: 1 }))).toEqual(expected.map(([track, items]) => [track, { count: items.length, items: items.slice(0, 1) }]));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
