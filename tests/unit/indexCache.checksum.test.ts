// A damaged cache never restores a changed note: every note is checksummed, a note that fails is left
// out (the start-up reads it again), and the index after that re-read equals a fresh one.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VaultIndex } from "../../src/core/index/vaultIndex";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/notes/${name}`, import.meta.url), "utf8");

const NOTES: Record<string, string> = {
  "Plan/planner.md": fixture("planner.md"),
  "Plan/noise.md": fixture("noise.md"),
  "课程.md": [
    "## 操作系统", "**第二章 进程管理**", "- [x] 2021/3/22  第一周 进程概念", "- [ ] 2.4　设备管理      2021/3/27",
    "  - [ ] 习题 2.1", "  - [x] 习题 2.2", "## 深度学习", "- [ ] 2021/3/27  第一周 深度学习概论", "- [-] 2021/3/28  取消的一节",
  ].join("\n"),
  "Queue.md": [
    "当前 BPU 最大进程数为：2", "- 操作系统", "- 深度学习", "", "Brain Queue", "- 编译原理", "- 图形学",
    "", "**AAAI2021** / ~~NIPS2021~~ / **CVPR 2022**", "- [ ] 2021/9/9 AAAI 2022 投稿截至日期",
  ].join("\n"),
  "English/week.md": "# Reading\n- [ ] 2021/03/25 read the diffusion survey 😀\n- [x] 2021/03/24 draft intro\n- [ ] 2021/04/01 ch2\n",
  "empty.md": "No checklist here.\n",
};

const SMALL = Object.fromEntries(Object.entries(NOTES).filter(([path]) => !path.startsWith("Plan/")));

function build(notes: Record<string, string>): VaultIndex {
  const index = new VaultIndex();
  Object.entries(notes).forEach(([path, text], i) => index.update(path, text, { mtime: 1_000 + i, size: text.length }));
  index.openItemsWithText("deadline words", (text) => text.includes("投稿"));
  return index;
}

/** Everything the cache carries about one note. */
function noteContents(index: VaultIndex, path: string): unknown {
  const record = index.note(path);
  return record && {
    stat: record.stat, items: index.itemsOf(path), tracks: record.tracks, problems: record.problems,
    queue: record.queueBlock, marks: record.venueMarks,
  };
}

/** Everything an index answers from the cache. */
function contents(index: VaultIndex): unknown {
  return {
    paths: index.paths(), items: index.items(), tracks: index.tracks(), problems: index.problems(), queue: index.queueBlocks(),
    marks: index.venueMarks(), deadlines: index.openItemsWithText("deadline words", (text) => text.includes("投稿")),
    open: index.select("open", (item) => !item.done),
  };
}

/** What start-up does after restoring: every note that is missing or stale is read again. */
function reindex(index: VaultIndex, notes: Record<string, string>): VaultIndex {
  Object.entries(notes).forEach(([path, text], i) => {
    const stat = { mtime: 1_000 + i, size: text.length };
    if (!index.isFresh(path, stat)) index.update(path, text, stat);
  });
  return index;
}

const source = build(NOTES);
const good = source.toCache();
const small = build(SMALL);

/**
 * Checks that every note the damaged cache restores is the note as it was, and that re-reading the rest
 * gives the fresh index. Returns how many notes were restored.
 */
function expectNothingWrong(bytes: Uint8Array, notes = NOTES, fresh = source): number {
  const restored = VaultIndex.fromCache(bytes);
  const size = restored.size;
  for (const path of restored.paths()) expect(noteContents(restored, path)).toEqual(noteContents(fresh, path));
  expect(contents(reindex(restored, notes))).toEqual(contents(fresh));
  return size;
}

describe("a damaged index cache", () => {
  it("restores everything when undamaged", () => {
    expect(expectNothingWrong(good)).toBe(Object.keys(NOTES).length);
  });

  it("a finished item's x turned into a space leaves its note out, to be read again", () => {
    // The case: one status byte changed made the next roll move a finished item.
    const done = "x".charCodeAt(0);
    let changed = 0;
    for (let at = 0; at < good.length; at++) {
      if (good[at] !== done) continue;
      const bytes = good.slice();
      bytes[at] = " ".charCodeAt(0);
      expectNothingWrong(bytes);
      changed++;
    }
    expect(changed).toBeGreaterThan(3);
  });

  it("any one byte changed anywhere restores no changed note", () => {
    const cache = small.toCache();
    let lost = 0;
    for (let at = 0; at < cache.length; at++) {
      for (const change of [0x01, 0x80]) {
        const bytes = cache.slice();
        bytes[at] ^= change;
        lost += Object.keys(SMALL).length - expectNothingWrong(bytes, SMALL, small);
      }
    }
    // Changes cost notes: one in the header or the short strings all of them.
    expect(lost).toBeGreaterThanOrEqual(2 * cache.length);
  });

  it("any bytes changed, cut off or moved: what is restored is as it was, and re-reading the rest gives the fresh index", () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), at: fc.nat(good.length - 1), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant("flip" as const), at: fc.nat(good.length - 1), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant("swap" as const), at: fc.nat(good.length - 5), other: fc.nat(good.length - 5) }),
    );
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), fc.boolean(), (changes, cut) => {
      const bytes = good.slice();
      for (const c of changes) {
        if (c.kind === "set") bytes[c.at] = c.value;
        else if (c.kind === "flip") bytes[c.at] ^= 1 << c.bit;
        else for (let k = 0; k < 4; k++) [bytes[c.at + k], bytes[c.other + k]] = [bytes[c.other + k], bytes[c.at + k]];
      }
      expectNothingWrong(cut ? bytes.subarray(0, bytes.length - 4) : bytes);
    }), { numRuns: 500 });
  });
});
