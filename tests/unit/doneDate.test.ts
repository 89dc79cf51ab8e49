// Tasks' done date on ticking: written on lines in Tasks' format (or always, or never, as set), taken off
// on unticking, byte for byte; and ticking then unticking gives the line back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/items/parse";
import { tickEdit, withDoneDate, withoutDoneDate, writesDoneDate } from "../../src/core/planner/doneDate";

const DAY = "2026-03-05";
const itemOf = (line: string) => parseNote("Reading.md", `## Reading\n\n${line}\n`).items[0];
const tick = (line: string, doneDates: "tasks" | "always" | "never", done?: boolean): string => tickEdit(itemOf(line), { doneDates }, DAY, done).replacement ?? "";

describe("tickEdit", () => {
  it("writes ✅ on a Tasks line when ticking and takes it off when unticking, before a block id", () => {
    expect(tick("- [ ] Read chapter 3 📅 2026-03-04", "tasks")).toBe("- [x] Read chapter 3 📅 2026-03-04 ✅ 2026-03-05");
    expect(tick("- [ ] Read chapter 3 ⏳ 2026-03-04 🔼 ^ch3", "tasks")).toBe("- [x] Read chapter 3 ⏳ 2026-03-04 🔼 ✅ 2026-03-05 ^ch3");
    expect(tick("- [ ] Read chapter 3 📅 2026-03-04  ", "tasks")).toBe("- [x] Read chapter 3 📅 2026-03-04 ✅ 2026-03-05  ");
    expect(tick("- [x] Read chapter 3 📅 2026-03-04 ✅ 2026-03-04", "tasks")).toBe("- [ ] Read chapter 3 📅 2026-03-04");
    expect(tick("> - [x] Read 📅 2026-03-04 ✅ 2026-03-04 ^r", "tasks")).toBe("> - [ ] Read 📅 2026-03-04 ^r");
  });

  it("leaves a line in the note's own shapes alone by default; always and never say otherwise", () => {
    const plain = "- [ ] 2021/3/27  第一周 深度学习概论";
    expect(tick(plain, "tasks")).toBe("- [x] 2021/3/27  第一周 深度学习概论");
    expect(tick(plain, "always")).toBe("- [x] 2021/3/27  第一周 深度学习概论 ✅ 2026-03-05");
    expect(tick("- [ ] 1.1　并行计算\t\t2021/3/22", "always")).toBe("- [x] 1.1　并行计算\t\t2021/3/22 ✅ 2026-03-05");
    expect(tick("- [ ] Read 📅 2026-03-04", "never")).toBe("- [x] Read 📅 2026-03-04");
    expect(tick("- [x] Read 📅 2026-03-04 ✅ 2026-03-04", "never")).toBe("- [ ] Read 📅 2026-03-04 ✅ 2026-03-04");
  });

  it("keeps a done date already there, and marks nothing when the box does not change", () => {
    expect(tick("- [ ] Read 📅 2026-03-04 ✅ 2026-03-01", "tasks")).toBe("- [x] Read 📅 2026-03-04 ✅ 2026-03-01");
    expect(tick("- [x] Read 📅 2026-03-04", "tasks", true)).toBe("- [x] Read 📅 2026-03-04");
    expect(writesDoneDate("- [ ] Read [due:: 2026-03-04]", "tasks")).toBe(false);
  });

  it("ticking then unticking gives back every line without a done date (property)", () => {
    const word = fc.constantFrom("Read", "chapter", "第一周", "深度学习概论", "📅 2026-03-04", "⏳ 2026-03-02", "🔁 every week", "⏫", "#tag", "[due:: 2026-03-04]", "2021/3/27", "1.1　并行计算");
    const line = fc.record({
      indent: fc.constantFrom("", "  ", "> "),
      marker: fc.constantFrom("-", "*", "+", "1."),
      words: fc.array(word, { minLength: 1, maxLength: 6 }),
      gap: fc.constantFrom(" ", "  ", "\t", "　"),
      id: fc.constantFrom("", " ^abc", " ^r-1"),
      trailing: fc.constantFrom("", " ", "  ", "\t"),
    }).map((l) => `${l.indent}${l.marker} [ ] ${l.words.join(l.gap)} 📅 2026-03-04${l.id}${l.trailing}`);
    fc.assert(fc.property(line, fc.constantFrom("tasks" as const, "always" as const), (source, doneDates) => {
      const item = itemOf(source);
      const ticked = tickEdit(item, { doneDates }, DAY).replacement ?? "";
      expect(ticked.split("✅")).toHaveLength(2);
      expect(withoutDoneDate(ticked)).toBe(source.replace("[ ]", "[x]"));
      const back = tickEdit({ ...item, source: ticked, done: true, status: "x" }, { doneDates }, DAY).replacement;
      expect(back).toBe(source);
      expect(withDoneDate(source, DAY).length).toBe(source.length + " ✅ 2026-03-05".length);
    }));
  });
});
