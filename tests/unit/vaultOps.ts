// Random vault histories for the index's property tests: updates, removals and renames, applied both to a
// live VaultIndex and to a plain map of the notes, from which a fresh index is the expected answer.
import fc from "fast-check";
import { VaultIndex, type OverdueGroups } from "../../src/core/index/vaultIndex";
import type { Item } from "../../src/core/base/types";
import type { TodayModel } from "../../src/core/planner/today";

const U = "\u3000";
/** Lines in the shapes of the person's planner note (and a few hostile ones), mixed with random text. */
export const SHAPES = [
  "- [ ] 2021/03/28    阅读论文",
  `- [x] 1.1${U}并行计算\t\t2021/3/22`,
  `- [ ] 4.5${U}矩阵加法2021/4/07`,
  "- [ ] 2021/04/22    ",
  "- [ ] 2021/11/17 - 2021/11/30  模型设计",
  "  - [ ] 子任务（一）",
  "- [ ] Notebook: undated sibling",
  "- [ ] 2021/02/30    impossible",
  `**第2章${U}编程模型**`,
  "## **会议与期刊**",
  "## ",
  "## A",
  "# TIME",
  "**AAAI2021**/~~NIPS2021~~",
  "当前 BPU （Brain Processing Unit）最大进程数为：2，按优先级排序",
  "- A",
  "Brain Queue",
  "```",
  "> - [ ] 📅 2026-03-04 call",
  "- [ ] 2021年3月9日 课程 [due:: 2021-03-10]",
  "",
];
export const noteText = fc.array(fc.oneof(fc.constantFrom(...SHAPES), fc.string({ maxLength: 8 })), { maxLength: 25 })
  .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol)));
export type VaultOp =
  | { kind: "update"; path: string; text: string }
  | { kind: "remove"; path: string }
  | { kind: "rename"; path: string; to: string };

export function vaultOp(noteText: fc.Arbitrary<string>, paths: string[]): fc.Arbitrary<VaultOp> {
  return fc.oneof(
    fc.record({ kind: fc.constant("update" as const), path: fc.constantFrom(...paths), text: noteText }),
    fc.record({ kind: fc.constant("remove" as const), path: fc.constantFrom(...paths) }),
    fc.record({ kind: fc.constant("rename" as const), path: fc.constantFrom(...paths), to: fc.constantFrom(...paths) }),
  );
}

/** Applies `op` to the live index and to `files`; a rename onto an existing note or of a missing one is skipped. */
export function applyOp(live: VaultIndex, files: Map<string, string>, op: VaultOp): void {
  if (op.kind === "update") {
    live.update(op.path, op.text);
    files.set(op.path, op.text);
  } else if (op.kind === "remove") {
    live.remove(op.path);
    files.delete(op.path);
  } else if (files.has(op.path) && !files.has(op.to)) {
    live.rename(op.path, op.to);
    const text = files.get(op.path)!;
    files.delete(op.path);
    files.set(op.to, text);
  }
}

export function freshIndex(files: Map<string, string>): VaultIndex {
  const fresh = new VaultIndex();
  for (const [path, text] of files) fresh.update(path, text);
  return fresh;
}

/** Everything the index answers, for comparing two indexes. */
export function snapshot(index: VaultIndex, days: string[]): unknown {
  return {
    items: index.items(),
    tracks: index.tracks(),
    problems: index.problems(),
    queue: index.queueBlocks(),
    marks: index.venueMarks(),
    days: days.map((d) => [index.itemsOn(d), index.overdue(d), index.upcoming(d, 7), index.nextPlannedDay(d)]),
  };
}

/** Overdue groups as plain pairs (key, count and first items): a group makes its label and items when read. */
export function plainGroups(groups: OverdueGroups): [string, { count: number; items: Item[] }][] {
  return groups.list.map((group) => [group.key, { count: group.count, items: group.items }]);
}

/** A Today model with its overdue groups as plain objects, to compare two models. */
export function plainToday(model: TodayModel): unknown {
  const overdue = model.overdue.map(({ key, track, path, note, count, items }) => ({ key, track, path, note, count, items }));
  return { ...model, overdue };
}
