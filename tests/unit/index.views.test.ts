// The whole-vault answers the index patches after an edit instead of walking every note: order, counts,
// renames, answers handed out earlier, and many changes between two questions.
import { describe, expect, it } from "vitest";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { replacePart } from "../../src/core/index/vaultViews";
import { splitTrackKey, trackKey } from "../../src/core/items";

const DAY = "2021-03-25";
const where = (items: { path: string; line: number }[]): string[] => items.map((i) => `${i.path}:${i.line}`);
// A track is a heading in a note: shown as `note#heading`.
const counts = (index: VaultIndex, limit = Infinity): [string, number, string[]][] =>
  index.overdueGroups(DAY, { limit }).list.map((group) => {
    const { path, name } = splitTrackKey(group.key);
    return [`${path}#${name}`, group.count, where(group.items)];
  });

function vault(): VaultIndex {
  const index = new VaultIndex();
  index.update("a.md", "## Reading\n- [ ] 2021/03/20 r1\n## Coding\n- [ ] 2021/03/21 c1\n- [ ] 2021/03/25 today");
  index.update("b.md", "## Coding\n- [ ] 2021/03/19 c2\n## Reading\n- [ ] 2021/03/18 r2\n- [x] 2021/03/18 done");
  index.update("c.md", "- [ ] 2021/03/01 named after the note\n## Coding\n- [ ] 2021/03/02 c3");
  return index;
}

describe("VaultIndex answers after an edit", () => {
  it("keeps tracks in order of their first overdue item as edits move it, with exact counts, each note's heading apart", () => {
    const index = vault();
    expect(counts(index)).toEqual([
      ["a.md#Reading", 1, ["a.md:2"]],
      ["a.md#Coding", 1, ["a.md:4"]],
      ["b.md#Coding", 1, ["b.md:2"]],
      ["b.md#Reading", 1, ["b.md:4"]],
      ["c.md#c", 1, ["c.md:1"]],
      ["c.md#Coding", 1, ["c.md:3"]],
    ]);
    // a.md's Reading has nothing overdue left: it goes, and b.md's Reading stays as it was.
    index.update("a.md", "## Reading\n- [x] 2021/03/20 r1\n## Coding\n- [ ] 2021/03/21 c1\n- [ ] 2021/03/19 c0\n- [ ] 2021/03/25 today");
    expect(counts(index)).toEqual([
      ["a.md#Coding", 2, ["a.md:4", "a.md:5"]],
      ["b.md#Coding", 1, ["b.md:2"]],
      ["b.md#Reading", 1, ["b.md:4"]],
      ["c.md#c", 1, ["c.md:1"]],
      ["c.md#Coding", 1, ["c.md:3"]],
    ]);
    // A track whose last overdue item is done is no longer listed; one that appears takes its place.
    index.update("b.md", "## Coding\n- [ ] 2021/03/19 c2\n## Reading\n- [x] 2021/03/18 r2\n## Writing\n- [ ] 2021/03/24 w1");
    expect(counts(index, 1)).toEqual([
      ["a.md#Coding", 2, ["a.md:4"]],
      ["b.md#Coding", 1, ["b.md:2"]],
      ["b.md#Writing", 1, ["b.md:6"]],
      ["c.md#c", 1, ["c.md:1"]],
      ["c.md#Coding", 1, ["c.md:3"]],
    ]);
    expect(where(index.itemsOn(DAY))).toEqual(["a.md:6"]);
  });

  it("moves a renamed note's items and the track named after it", () => {
    const index = vault();
    counts(index);
    index.itemsOn(DAY);
    index.rename("c.md", "0.md");
    expect(counts(index)).toEqual([
      ["0.md#0", 1, ["0.md:1"]],
      ["0.md#Coding", 1, ["0.md:3"]],
      ["a.md#Reading", 1, ["a.md:2"]],
      ["a.md#Coding", 1, ["a.md:4"]],
      ["b.md#Coding", 1, ["b.md:2"]],
      ["b.md#Reading", 1, ["b.md:4"]],
    ]);
    index.remove("a.md");
    expect(counts(index)).toEqual([
      ["0.md#0", 1, ["0.md:1"]], ["0.md#Coding", 1, ["0.md:3"]], ["b.md#Coding", 1, ["b.md:2"]], ["b.md#Reading", 1, ["b.md:4"]],
    ]);
    expect(index.itemsOn(DAY)).toEqual([]);
  });

  it("leaves answers handed out before an edit as they were", () => {
    const index = vault();
    const on = index.itemsOn(DAY);
    const groups = index.overdueGroups(DAY, { limit: 2 });
    const coding = groups.get(trackKey("a.md", "Coding"))!;
    const open = index.select("open", (item) => !item.done);
    index.update("a.md", "## Coding\n- [ ] 2021/03/10 c0\n- [ ] 2021/03/11 c00\n- [ ] 2021/03/12 c000\n- [ ] 2021/03/25 today\n- [ ] 2021/03/25 another");
    expect(where(index.itemsOn(DAY))).toEqual(["a.md:5", "a.md:6"]);
    expect(counts(index, 2)).toEqual([
      ["a.md#Coding", 3, ["a.md:2", "a.md:3"]], ["b.md#Coding", 1, ["b.md:2"]], ["b.md#Reading", 1, ["b.md:4"]],
      ["c.md#c", 1, ["c.md:1"]], ["c.md#Coding", 1, ["c.md:3"]],
    ]);
    expect(index.select("open", (item) => !item.done)).toHaveLength(9);
    // Asked again above, so the new answers exist: the old ones are still what they were.
    expect(where(on)).toEqual(["a.md:5"]);
    expect(coding.count).toBe(1);
    expect(where(coding.items)).toEqual(["a.md:4"]);
    expect(open).toHaveLength(7);
  });

  it("follows the next planned day as edits add and remove it", () => {
    const index = vault();
    expect(index.nextPlannedDay("2021-03-22")).toBe("2021-03-25");
    index.update("b.md", "- [ ] 2021/03/23 sooner");
    expect(index.nextPlannedDay("2021-03-22")).toBe("2021-03-23");
    index.remove("b.md");
    index.update("a.md", "- [ ] 2021/03/20 r1");
    expect(index.nextPlannedDay("2021-03-22")).toBeNull();
  });

  it("stays right when more notes change between two questions than it patches", () => {
    const index = new VaultIndex();
    const note = (n: number, day: number): string => `## T${n % 3}\n- [ ] 2021/03/${String(day).padStart(2, "0")} n${n}`;
    const name = (n: number): string => `n${String(n).padStart(3, "0")}.md`;
    for (let n = 0; n < 100; n++) index.update(name(n), note(n, 10));
    expect(counts(index, 0)).toEqual(Array.from({ length: 100 }, (_, n) => [`${name(n)}#T${n % 3}`, 1, []]));
    // Every third note moves to the day itself; the rest stay overdue.
    for (let n = 0; n < 100; n++) index.update(name(n), note(n, n % 3 === 0 ? 25 : 10));
    const rest = Array.from({ length: 100 }, (_, n) => n).filter((n) => n % 3 !== 0);
    expect(counts(index, 1)).toEqual(rest.map((n) => [`${name(n)}#T${n % 3}`, 1, [`${name(n)}:2`]]));
    expect(index.itemsOn(DAY)).toHaveLength(34);
  });
});

describe("replacePart", () => {
  const entries = (path: string, n: number): { path: string; n: number }[] => Array.from({ length: n }, (_, i) => ({ path, n: i }));
  const shape = (list: { path: string }[]): string[] => {
    const runs: string[] = [];
    let last = "";
    let count = 0;
    for (const { path } of list) {
      if (path !== last && count > 0) {
        runs.push(`${last}×${count}`);
        count = 0;
      }
      last = path;
      count++;
    }
    if (count > 0) runs.push(`${last}×${count}`);
    return runs;
  };

  it("swaps one path's entries for another part of any size, and places a new path in order", () => {
    const list = [...entries("a", 2), ...entries("c", 3), ...entries("e", 1)];
    // Larger than one call's arguments may be.
    replacePart(list, "c", entries("c", 200_000));
    expect(shape(list)).toEqual(["a×2", "c×200000", "e×1"]);
    replacePart(list, "c", entries("c", 1));
    expect(shape(list)).toEqual(["a×2", "c×1", "e×1"]);
    replacePart(list, "d", entries("d", 150_000));
    expect(shape(list)).toEqual(["a×2", "c×1", "d×150000", "e×1"]);
    replacePart(list, "a", []);
    replacePart(list, "0", entries("0", 1));
    expect(shape(list)).toEqual(["0×1", "c×1", "d×150000", "e×1"]);
    expect(list.slice(-2).map((e) => e.n)).toEqual([149_999, 0]);
  });
});
