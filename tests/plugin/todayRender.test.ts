// renderToday as a plain function of a model: header badges, progress, roll buttons, handlers.
import { describe, expect, it, vi } from "vitest";
import "obsidian"; // the stand-in's DOM helpers
import type { TodayModel } from "../../src/core/planner/today";
import type { Item } from "../../src/core/base/types";
import { setLanguage } from "../../src/obsidian/i18n";
import { renderToday } from "../../src/obsidian/todayRender";

const item = (line: number, text: string, track: string, done = false): Item => ({
  path: "P.md", line, status: done ? "x" : " ", done, text, date: "2021-04-20", end: null, track, group: null, subtasks: [],
  source: `- [${done ? "x" : " "}] 2021/04/20 ${text}`, dateFrom: 6, dateTo: 16, form: "plain",
});

/** A model as buildToday makes it: its active tracks listed apart, and its overdue items counted. */
const asBuilt = (m: Omit<TodayModel, "active" | "overdueCount">): TodayModel => ({
  ...m, active: m.tracks.filter((t) => t.state === "active"), overdueCount: m.overdue.reduce((sum, group) => sum + group.count, 0),
});

const model: TodayModel = asBuilt({
  date: "2021-04-20", limit: 5, used: 6, overCapacity: true, done: 1, total: 3,
  tracks: [
    { key: "P.md\nA", name: "A", path: "P.md", note: null, state: "active", items: [item(3, "a1", "A", true), item(4, "a2", "A")], done: 1, total: 2, overdue: 2, rank: 1, next: null },
    { key: "P.md\nB", name: "B", path: "P.md", note: null, state: "active", items: [], done: 0, total: 0, overdue: 0, rank: 2, next: null },
    { key: "P.md\nC", name: "C", path: "P.md", note: null, state: "queued", items: [item(9, "c1", "C")], done: 0, total: 1, overdue: 0, rank: 3, next: null },
  ],
  overdue: [{ key: "P.md\nA", track: "A", path: "P.md", note: null, count: 1, items: [{ ...item(2, "late", "A"), date: "2021-04-18" }] }],
  fixedToday: [], queued: { tracks: 1, items: 1 },
  deadlines: [], recentDeadlines: [], laterDeadlines: 0, nextPlannedDay: null, termWeek: "第8周星期二", problems: [{ path: "P.md", line: 7, message: "Impossible date 2021/02/30" }],
});

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
    expect(handlers.onRollTrack).toHaveBeenCalledWith("P.md\nA");
    container.querySelector<HTMLElement>(".bq-today-button")!.click();
    expect(handlers.onDay).toHaveBeenCalledWith("2021-04-21");
    container.querySelector<HTMLElement>(".bq-prev-day")!.click();
    expect(handlers.onDay).toHaveBeenLastCalledWith("2021-04-19");
  });

  it("puts the day's fixed items first, shows an idle track's next item, and empty slots as free", () => {
    setLanguage("en");
    const deadline = { ...item(17, "AAAI 2022 论文投稿截止", "TIME"), date: "2021-09-09" };
    const next = { ...item(40, "背包问题小结", "LeetCode"), date: "2021-09-10" };
    const slot = { ...item(60, "", "英语"), source: "- [ ] 2021/09/09    " };
    const day: TodayModel = asBuilt({
      ...model, date: "2021-09-09", done: 0, total: 1, overCapacity: false, fixedToday: [deadline],
      tracks: [
        { key: "P.md\nLeetCode", name: "LeetCode", path: "P.md", note: null, state: "active", items: [], done: 0, total: 0, overdue: 0, rank: 1, next },
        { key: "P.md\n英语", name: "英语", path: "P.md", note: null, state: "queued", items: [slot], done: 0, total: 0, overdue: 0, rank: null, next: null },
      ],
      queued: { tracks: 1, items: 0 }, overdue: [], problems: [],
    });

    const onOpen = vi.fn();
    const container = document.body.createDiv();
    renderToday(container, day, { today: "2021-09-09", onOpen });
    const today = container.querySelector(".bq-section-today > .tree-item-children")!;
    expect(today.firstElementChild?.classList.contains("bq-fixed-today")).toBe(true);
    expect(today.querySelector(".bq-fixed-today .bq-item-text")?.textContent).toBe("AAAI 2022 论文投稿截止");
    expect(today.querySelector(".bq-fixed-today .bq-group")?.textContent).toBe("TIME");
    expect(container.querySelector(".bq-section-today > .tree-item-self .tree-item-flair")?.textContent).toBe("0/1");
    // An idle active track: no 0/0 and no empty bar, its next item and day instead (a click opens it).
    const leet = container.querySelector<HTMLElement>('.bq-track[data-track="LeetCode"]')!;
    expect(leet.querySelector(".tree-item-flair")?.textContent).toBe("");
    expect(leet.querySelector(".bq-progress")).toBeNull();
    expect(leet.querySelector(".bq-next-item")?.textContent).toBe("Next背包问题小结09-10 Fri");
    leet.querySelector<HTMLElement>(".bq-next-item")!.click();
    expect(onOpen).toHaveBeenCalledWith({ path: "P.md", line: 40 });
    expect(container.querySelector(".bq-queued > .tree-item-self .tree-item-flair")?.textContent).toBe("1 track · 0 items");
    container.querySelector<HTMLElement>(".bq-queued > .tree-item-self")!.click();
    container.querySelector<HTMLElement>('.bq-track[data-track="英语"] > .tree-item-self')!.click();
    const free = container.querySelector<HTMLElement>('.bq-item[data-line="60"]')!;
    expect(free.classList.contains("bq-free-slot")).toBe(true);
    expect(free.querySelector("input")).toBeNull();
    expect(free.textContent).toBe("Free slot");
  });

  it("keeps the active tracks in sight on a day with nothing planned", () => {
    setLanguage("en");
    const next = { ...item(40, "背包问题小结", "LeetCode"), date: "2021-09-08" };
    const free: TodayModel = asBuilt({
      ...model, date: "2021-09-06", done: 0, total: 0, overCapacity: false, fixedToday: [], nextPlannedDay: "2021-09-07",
      tracks: [{ key: "P.md\nLeetCode", name: "LeetCode", path: "P.md", note: null, state: "active", items: [], done: 0, total: 0, overdue: 0, rank: 1, next }],
      queued: { tracks: 0, items: 0 }, overdue: [], problems: [],
    });

    const container = document.body.createDiv();
    renderToday(container, free, { today: "2021-09-06" });
    expect(container.querySelector(".bq-section-today .bq-empty")?.textContent).toContain("Nothing planned for today.");
    expect(container.querySelector('.bq-track[data-track="LeetCode"] .bq-next-item .bq-item-text')?.textContent).toBe("背包问题小结");
    expect(container.querySelector('.bq-track[data-track="LeetCode"] .bq-next-item .bq-date')?.textContent).toBe("09-08 Wed");
    // Another year's next item says its year.
    const later = asBuilt({ ...free, tracks: [{ ...free.tracks[0], next: { ...next, date: "2026-11-26" } }] });
    renderToday(container, later, { today: "2021-09-06" });
    expect(container.querySelector('.bq-track[data-track="LeetCode"] .bq-next-item .bq-date')?.textContent).toBe("2026-11-26 Thu");
  });

  it("says an idle track with nothing ahead is behind, and offers to roll it", () => {
    setLanguage("en");
    const behind = asBuilt({ ...model, date: "2021-09-09", tracks: [{ ...model.tracks[1], next: null, overdue: 7 }], queued: { tracks: 0, items: 0 } });
    const onRollTrack = vi.fn();
    const container = document.body.createDiv();
    renderToday(container, behind, { today: "2021-09-09", onRollTrack });
    const next = container.querySelector<HTMLElement>('.bq-track[data-track="B"] .bq-empty-next')!;
    expect(next.textContent).toBe("Nothing planned · 7 overdue");
    next.click();
    expect(onRollTrack).toHaveBeenCalledWith("P.md\nB");
    setLanguage("zh");
    renderToday(container, behind, { today: "2021-09-09", onRollTrack });
    expect(container.querySelector('.bq-track[data-track="B"] .bq-empty-next')?.textContent).toBe("暂无计划 · 7 项逾期");
    setLanguage("en");
  });
});
