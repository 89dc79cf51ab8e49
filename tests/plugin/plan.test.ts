// "Plan this track…" and "Postpone" in the stand-in: the modal's preview, the bytes written through the one
// write path, and the undo that puts them back.
import type { MarkdownView } from "../../demo/shim/views";
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { openToday, PLANNER, startPlugin } from "./pluginFixtures";

const W = "\u3000";
const T = "\t";
const BOOK = [
  "## CUDA编程",
  "",
  `**第1章${W}异构并行计算**`,
  "",
  `- [x] 1.1${W}并行计算${T}${T}2021/4/12`,
  `- [ ] 1.2${W}异构计算`,
  `- [ ] 1.3${W}用GPU输出Hello World`,
  "  - [ ] 跑通示例",
  "",
  `**第2章${W}CUDA编程模型**`,
  "",
  `- [ ] 2.1${W}编程模型概述`,
  `- [ ] 2.2${W}给核函数计时`,
  "",
  "## 读书",
  "",
  "- [ ] 习题",
  "",
].join("\n");

const modal = (): HTMLElement => document.body.querySelector<HTMLElement>(".modal.bq-plan-modal")!;
const previewRows = (): string[] => Array.from(modal().querySelectorAll(".bq-plan-row")).map((row) => row.textContent ?? "");

function setValue(selector: string, value: string): void {
  const input = modal().querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event("input"));
  input.dispatchEvent(new Event("change"));
}

async function openPlanAt(line: string) {
  const started = await startPlugin({ "Books/CUDA.md": BOOK });
  const { app } = started;
  const leaf = app.workspace.getLeaf(false);
  await leaf.openFile(app.vault.getFileByPath("Books/CUDA.md")!);
  const editor = (leaf.view as MarkdownView).editor;
  editor.setCursor({ line: BOOK.split("\n").indexOf(line), ch: 2 });
  app.commands.executeCommandById("brain-queue:plan-track");
  await flush(5);
  return { ...started, editor };
}

describe("Plan this track…", () => {
  it("previews every item with its new date and writes them in the track's habit; undo puts the note back", async () => {
    const { app, plugin, editor } = await openPlanAt(`- [ ] 1.2${W}异构计算`);
    expect(modal().querySelector(".modal-title")?.textContent).toBe("Plan CUDA编程");
    // Start tomorrow (2021-04-15), one a day.
    expect(previewRows()).toEqual([
      `2021-04-151.2${W}异构计算`, `2021-04-161.3${W}用GPU输出Hello World`, `2021-04-172.1${W}编程模型概述`, `2021-04-182.2${W}给核函数计时`,
    ]);
    setValue(".bq-plan-count input", "2");
    setValue(".bq-plan-chapter-days input", "on");
    modal().querySelector<HTMLElement>(".bq-plan-chapter-days .checkbox-container")?.click();
    expect(modal().querySelector(".bq-plan-summary")?.textContent).toBe("4 items on 2 days, the last on 2021-04-16 · 7 days a week");
    expect(previewRows()).toEqual([`2021-04-151.2${W}异构计算`, `1.3${W}用GPU输出Hello World`, `2021-04-162.1${W}编程模型概述`, `2.2${W}给核函数计时`]);
    modal().querySelector<HTMLButtonElement>(".bq-plan-confirm")!.click();
    await flush(5);
    const planned = BOOK
      .replace(`- [ ] 1.2${W}异构计算`, `- [ ] 1.2${W}异构计算${T}${T}2021/4/15`)
      .replace(`- [ ] 1.3${W}用GPU输出Hello World`, `- [ ] 1.3${W}用GPU输出Hello World${T}${T}2021/4/15`)
      .replace(`- [ ] 2.1${W}编程模型概述`, `- [ ] 2.1${W}编程模型概述${T}${T}2021/4/16`)
      .replace(`- [ ] 2.2${W}给核函数计时`, `- [ ] 2.2${W}给核函数计时${T}${T}2021/4/16`);
    expect(editor.getValue()).toBe(planned);
    expect(document.body.querySelector(".modal.bq-plan-modal")).toBeNull();
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(editor.getValue()).toBe(BOOK);
    plugin.unload();
  });

  it("offers the remembered dates to skip and remembers the ones written with, as the spread and the next study day use them", async () => {
    // The settings hold a past day and a coming one: only the coming one is offered.
    const again = await startPlugin({ "Books/CUDA.md": BOOK }, { settings: { skipDates: ["2021-04-01", "2021-04-16"], studyWeekdays: [1, 2, 3, 4, 5] } });
    const leaf = again.app.workspace.getLeaf(false);
    await leaf.openFile(again.app.vault.getFileByPath("Books/CUDA.md")!);
    (leaf.view as MarkdownView).editor.setCursor({ line: BOOK.split("\n").indexOf(`- [ ] 1.2${W}异构计算`), ch: 2 });
    again.app.commands.executeCommandById("brain-queue:plan-track");
    await flush(5);
    expect(modal().querySelector<HTMLInputElement>(".bq-plan-skip input")!.value).toBe("2021-04-16");
    // Thursday the 15th, then Friday the 16th skipped and the weekend: Monday the 19th.
    expect(previewRows().slice(0, 2)).toEqual([`2021-04-151.2${W}异构计算`, `2021-04-191.3${W}用GPU输出Hello World`]);
    setValue(".bq-plan-skip input", "2021-04-19, 2021-04-10");
    modal().querySelector<HTMLButtonElement>(".bq-plan-confirm")!.click();
    await flush(5);
    expect(again.plugin.data.settings.skipDates).toEqual(["2021-04-19"]);
    expect(again.plugin.data.settings.studyWeekdays).toEqual([1, 2, 3, 4, 5]);
    again.plugin.unload();
  });

  it("states the days a week the plan studies, whatever its first and last weeks hold", async () => {
    // 42 lessons from Friday 2021-09-10: the first and last calendar weeks are partial.
    const lessons = ["## 英语", ...Array.from({ length: 42 }, (_, k) => `- [ ] 第${k + 1}课`), ""].join("\n");
    const { app, plugin } = await startPlugin({ "English.md": lessons });
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(app.vault.getFileByPath("English.md")!);
    (leaf.view as MarkdownView).editor.setCursor({ line: 1, ch: 2 });
    app.commands.executeCommandById("brain-queue:plan-track");
    await flush(5);
    setValue(".bq-plan-start input", "2021-09-10");
    expect(modal().querySelector(".bq-plan-summary")?.textContent).toBe("42 items on 42 days, the last on 2021-10-21 · 7 days a week");
    for (const day of modal().querySelectorAll<HTMLElement>('.bq-plan-weekday[data-weekday="6"], .bq-plan-weekday[data-weekday="7"]')) day.click();
    expect(modal().querySelector(".bq-plan-summary")?.textContent).toBe("42 items on 42 days, the last on 2021-11-08 · 5 days a week");
    setValue(".bq-plan-count input", "50");
    expect(modal().querySelector(".bq-plan-summary")?.textContent).toBe("42 items on 2021-09-10");
    plugin.unload();
  });

  it("says what is wrong instead of planning, and writes nothing", async () => {
    const { plugin, editor } = await openPlanAt(`- [ ] 2.1${W}编程模型概述`);
    setValue(".bq-plan-pace select", "end");
    setValue(".bq-plan-end input", "2021-04-15");
    modal().querySelector<HTMLElement>(".bq-plan-chapter-days .checkbox-container")?.click();
    expect(modal().querySelector(".bq-plan-error")?.textContent).toBe("2 chapters need as many study days, but 2021-04-15 to 2021-04-15 has 1: it needs 1 more day");
    expect(modal().querySelector<HTMLButtonElement>(".bq-plan-confirm")!.disabled).toBe(true);
    for (const day of modal().querySelectorAll<HTMLElement>(".bq-plan-weekday")) day.click();
    expect(modal().querySelector(".bq-plan-error")?.textContent).toBe("no study day: choose at least one weekday");
    expect(editor.getValue()).toBe(BOOK);
    plugin.unload();
  });

  it("an undated line is found again by its text and track after lines move; a track without dates takes the note's habit", async () => {
    const { plugin, editor } = await openPlanAt("- [ ] 习题");
    expect(previewRows()).toEqual(["2021-04-15习题"]);
    // Another `- [ ] 习题` appears in the other track above, and the planned line moves down by two.
    editor.setValue(BOOK.replace("## CUDA编程\n", "## CUDA编程\n- [ ] 习题\n\n"));
    modal().querySelector<HTMLButtonElement>(".bq-plan-confirm")!.click();
    await flush(5);
    expect(editor.getValue()).toBe(BOOK.replace("## CUDA编程\n", "## CUDA编程\n- [ ] 习题\n\n").replace("## 读书\n\n- [ ] 习题", `## 读书\n\n- [ ] 习题${T}${T}2021/4/15`));
    plugin.unload();
  });
});

describe("Postpone", () => {
  it("moves an item to tomorrow from its menu, and undo brings it back", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.querySelector(".bq-item-text")?.textContent === "三数之和")!;
    row.querySelector<HTMLElement>(".bq-item-text")!.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 40, clientY: 60 }));
    Array.from(document.body.querySelectorAll<HTMLElement>(".menu .menu-item")).find((item) => item.textContent === "Postpone to tomorrow")!.click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [ ] 2021/04/15    三数之和"));
    app.commands.executeCommandById("brain-queue:undo-roll");
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER);
    plugin.unload();
  });

  it("in a schedule, shifts the rest of the track along", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.querySelector(".bq-item-text")?.textContent === "第二讲 线性模型 2.1-2.4")!;
    row.querySelector<HTMLElement>(".bq-item-text")!.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 40, clientY: 60 }));
    Array.from(document.body.querySelectorAll<HTMLElement>(".menu .menu-item")).find((item) => item.textContent === "Postpone and shift the rest of the track")!.click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER
      .replace("- [ ] 2021/4/14    第二讲 线性模型 2.1-2.4", "- [ ] 2021/4/15    第二讲 线性模型 2.1-2.4")
      .replace("- [ ] 2021/4/15    第二讲 线性模型 2.5-2.8", "- [ ] 2021/4/16    第二讲 线性模型 2.5-2.8"));
    plugin.unload();
  });
});
