// renderToday as a plain function of a model: header badges, progress, roll buttons, handlers.
import { describe, expect, it, vi } from "vitest";
import "obsidian"; // the stand-in's DOM helpers
import type { TodayModel } from "../../src/core/today";
import type { Item } from "../../src/core/types";
import { setLanguage } from "../../src/obsidian/i18n";
import { renderToday } from "../../src/obsidian/todayRender";

const item = (line: number, text: string, track: string, done = false): Item => ({
  path: "P.md", line, status: done ? "x" : " ", done, text, date: "2021-04-20", end: null, track, group: null, subtasks: [],
  source: `- [${done ? "x" : " "}] 2021/04/20 ${text}`, dateFrom: 6, dateTo: 16, form: "plain",
});

const model: TodayModel = {
  date: "2021-04-20", limit: 5, used: 6, overCapacity: true, done: 1, total: 3,
  tracks: [
    { name: "A", state: "active", items: [item(3, "a1", "A", true), item(4, "a2", "A")], done: 1, total: 2, overdue: 2, rank: 1 },
    { name: "B", state: "active", items: [], done: 0, total: 0, overdue: 0, rank: 2 },
    { name: "C", state: "queued", items: [item(9, "c1", "C")], done: 0, total: 1, overdue: 0, rank: 3 },
  ],
  overdue: [{ track: "A", count: 1, items: [{ ...item(2, "late", "A"), date: "2021-04-18" }] }],
  deadlines: [], recentDeadlines: [], nextPlannedDay: null, termWeek: "第8周星期二", problems: [{ path: "P.md", line: 7, message: "Impossible date 2021/02/30" }],
};

describe("renderToday", () => {
  it("draws the header badges, progress, idle tracks and problems", () => {
    setLanguage("en");
    const container = document.body.createDiv();
    renderToday(container, model, { today: "2021-04-20" });
    expect(container.querySelector(".bq-capacity")?.textContent).toBe("6/5");
    expect(container.querySelector(".bq-term-week")?.textContent).toBe("第8周星期二");
    const progress = container.querySelector<HTMLProgressElement>('.bq-track[data-track="A"] > .bq-progress')!;
    expect([progress.getAttribute("value"), progress.getAttribute("max")]).toEqual(["1", "2"]);
    expect(container.querySelector('.bq-track[data-track="B"]')?.classList.contains("bq-track-idle")).toBe(true);
    // Problems start collapsed, and a collapsed tree builds its rows only when opened.
    expect(container.querySelector(".bq-section-problems .bq-problem")).toBeNull();
    container.querySelector<HTMLElement>(".bq-section-problems > .tree-item-self")!.click();
    expect(container.querySelector(".bq-section-problems .bq-problem")?.textContent).toContain("P.md:7");
    expect(container.querySelector(".bq-today-button")).toBeNull();
  });

  it("calls the handlers: toggle, open, roll, day", () => {
    const handlers = { onToggle: vi.fn(), onOpen: vi.fn(), onRollTrack: vi.fn(), onDay: vi.fn(), today: "2021-04-21" };
    const container = document.body.createDiv();
    renderToday(container, model, handlers);
    const row = container.querySelector<HTMLElement>('.bq-item[data-line="4"]')!;
    row.querySelector<HTMLInputElement>("input")!.click();
    expect(handlers.onToggle).toHaveBeenCalledWith(expect.objectContaining({ line: 4 }));
    expect(row.querySelector<HTMLInputElement>("input")!.checked).toBe(false); // the index decides, not the click
    row.querySelector<HTMLElement>(".bq-item-text")!.click();
    expect(handlers.onOpen).toHaveBeenCalledWith({ path: "P.md", line: 4 });
    container.querySelector<HTMLElement>('.bq-track[data-track="A"] .bq-roll-track')!.click();
    expect(handlers.onRollTrack).toHaveBeenCalledWith("A");
    container.querySelector<HTMLElement>(".bq-today-button")!.click();
    expect(handlers.onDay).toHaveBeenCalledWith("2021-04-21");
    container.querySelector<HTMLElement>(".bq-prev-day")!.click();
    expect(handlers.onDay).toHaveBeenLastCalledWith("2021-04-19");
  });
});
