// Property: the whole-vault answers the index patches after each change (the day's items, overdue groups,
// the next planned day, selections, the sidebar model) equal a fresh index's, whatever the history and
// however many changes come between two questions about the same day.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FixedRules, overdueGroups } from "../../src/core/planner/fixed";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday, SIDEBAR_OVERDUE_LIMIT } from "../../src/core/planner/today";
import type { Item } from "../../src/core/base/types";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { applyOp, freshIndex, plainGroups, plainToday, vaultOp } from "./vaultOps";
import { trackKey, trackKeyOf } from "../../src/core/items";

const SHAPES = [
  "- [ ] 2021/03/20    above every heading", // a track named after the note: follows a rename
  "- [ ] 2021/03/22    读论文 deadline",
  "- [x] 2021/3/22 并行计算",
  "- [ ] 2021/03/25    二叉树",
  "- [ ] 2021/03/24 - 2021/03/27  搭建基线",
  "- [ ] 2021/04/22    投稿",
  "- [ ] 2021/04/29    ",
  "- [ ] 2021/03/24    周三 组会", // names its own day (a Wednesday): never overdue
  "- [ ] 2021/03/25    周三 组会", // a Thursday: an ordinary item
  "  - [ ] 子任务",
  "## A",
  "## B",
  "## C",
  "## ",
  "",
];
const noteText = fc.array(fc.constantFrom(...SHAPES), { maxLength: 14 }).map((lines) => lines.join("\n"));
const PATHS = ["A.md", "B.md", "Notes/C.md", "Notes/Deep/D.md", "a.md", "b.md"];
const DAYS = ["2021-03-21", "2021-03-25", "2021-04-23", "2021-05-01"];
const LIMITS = [0, 1, 2, Infinity];
const NOW = new Date(2021, 2, 21, 9, 0);
/** Every track there can be: each note's headings and its name (a track above every heading is named after its note). */
const TRACK_KEYS = new Set(PATHS.flatMap((path) => ["A", "B", "C", "", "D", "a", "b"].map((name) => trackKey(path, name))));

const FIXED = new FixedRules(DEFAULT_SETTINGS);

/** What the sidebar and the CLI ask about one day. */
function answers(index: VaultIndex, day: string, limit: number): unknown {
  return {
    on: index.itemsOn(day),
    // The sidebar's split of the day: fixed items, and the rest by track.
    // The grouping's order is not the notes' (a note's groups are replaced after a change): compared as a set.
    split: ((split) => ({ ...split, othersByTrack: [...split.othersByTrack].sort(([a], [b]) => (a < b ? -1 : 1)) }))(index.itemsOnSplit(day, { key: "fixed", test: (item) => FIXED.isFixed(item) })),
    groups: plainGroups(index.overdueGroups(day, { limit })),
    // The sidebar's groups: fixed items and empty slots left out.
    missable: plainGroups(overdueGroups(index, day, DEFAULT_SETTINGS, limit)),
    next: index.nextPlannedDay(day),
    // Not patched, but walking the notes with items, a list that is.
    overdue: index.overdue(day),
    upcoming: index.upcoming(day, 7),
    deadlines: index.openItemsWithText("deadline", (text) => text.includes("deadline")),
    open: index.select("open", (item) => !item.done),
    today: plainToday(buildToday(index, day, NOW, DEFAULT_SETTINGS, { overdueLimit: SIDEBAR_OVERDUE_LIMIT })),
    nextOpen: [...index.nextOpenItems(TRACK_KEYS, day)],
  };
}

/** Overdue items grouped by track (a heading in a note) the long way: tracks by their first item, items by path then line. */
function grouped(overdue: Item[], limit: number): [string, { count: number; items: Item[] }][] {
  const groups = new Map<string, Item[]>();
  for (const item of overdue) groups.set(trackKeyOf(item), [...(groups.get(trackKeyOf(item)) ?? []), item]);
  return [...groups].map(([track, items]) => [track, { count: items.length, items: items.slice(0, limit) }]);
}

const history = fc.record({
  start: fc.array(fc.tuple(fc.constantFrom(...PATHS), noteText), { maxLength: 6 }),
  fromCache: fc.boolean(),
  day: fc.constantFrom(...DAYS),
  // After each change: ask (with this overdue limit) or not, so changes pile up between questions.
  steps: fc.array(fc.tuple(vaultOp(noteText, PATHS), fc.option(fc.constantFrom(...LIMITS), { nil: undefined })), { maxLength: 14 }),
});

describe("VaultIndex answers patched after changes", () => {
  it("equal a fresh index's, asked after some changes and not others", () => {
    fc.assert(
      fc.property(history, ({ start, fromCache, day, steps }) => {
        const files = new Map(start);
        let live = freshIndex(files);
        if (fromCache) {
          const stamped = new VaultIndex();
          for (const [path, text] of files) stamped.update(path, text, { mtime: 1, size: text.length });
          live = VaultIndex.fromCache(stamped.toCache());
        }
        answers(live, day, SIDEBAR_OVERDUE_LIMIT);
        for (const [op, limit] of steps) {
          applyOp(live, files, op);
          if (limit === undefined) continue;
          const fresh = freshIndex(files);
          expect(answers(live, day, limit)).toEqual(answers(fresh, day, limit));
          expect(plainGroups(live.overdueGroups(day, { limit }))).toEqual(grouped(fresh.overdue(day), limit));
        }
        const fresh = freshIndex(files);
        for (const limit of LIMITS) expect(answers(live, day, limit)).toEqual(answers(fresh, day, limit));
      }),
      { numRuns: 250 },
    );
  });

  // Asking several questions in turn remakes the views each time; the sidebar asks the same ones after every
  // change, so its views are patched: those patches are compared here.
  it("equal a fresh index's for the sidebar's own questions, its views patched change after change", () => {
    fc.assert(
      fc.property(history, ({ start, day, steps }) => {
        const files = new Map(start);
        const live = freshIndex(files);
        const sidebar = (index: VaultIndex): unknown => plainToday(buildToday(index, day, NOW, DEFAULT_SETTINGS, { overdueLimit: SIDEBAR_OVERDUE_LIMIT }));
        sidebar(live);
        for (const [op, limit] of steps) {
          applyOp(live, files, op);
          if (limit === undefined) continue;
          const model = sidebar(live);
          expect(model).toEqual(sidebar(freshIndex(files)));
        }
        expect(sidebar(live)).toEqual(sidebar(freshIndex(files)));
      }),
      { numRuns: 250 },
    );
  });
});
