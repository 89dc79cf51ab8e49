// Bounded rendering: a render builds rows only for what can be seen, and everything else stays one
// click, key press or scroll away; what the person revealed survives re-renders.
import { afterEach, describe, expect, it, vi } from "vitest";
import "obsidian"; // the stand-in's DOM helpers
import type { TodayModel, TodayTrack } from "../../src/core/planner/today";
import type { Item } from "../../src/core/base/types";
import { setLanguage } from "../../src/obsidian/i18n";
import { FIRST_ROWS, PAINT_BUDGET } from "../../src/obsidian/todayPaging";
import { renderToday, type TodayHandlers } from "../../src/obsidian/todayRender";

const item = (track: string, line: number, done = false): Item => ({
  path: `${track}.md`, line, status: done ? "x" : " ", done, text: `${track} task ${line}`, date: "2021-04-20", end: null, track, group: null,
  subtasks: [], source: `- [ ] 2021/04/20 ${track} task ${line}`, dateFrom: 6, dateTo: 16, form: "plain",
});

const track = (name: string, count: number, state: TodayTrack["state"] = "active", rank = 1): TodayTrack => {
  const items = Array.from({ length: count }, (_, i) => item(name, i + 1, i % 3 === 0));
  return { key: `${name}.md\n${name}`, name, path: `${name}.md`, note: null, state, items, done: items.filter((i) => i.done).length, total: count, overdue: 0, rank, next: null };
};

function modelOf(tracks: TodayTrack[], overdue: TodayModel["overdue"] = []): TodayModel {
  const total = tracks.reduce((sum, t) => sum + t.total, 0);
  const done = tracks.reduce((sum, t) => sum + t.done, 0);
  return {
    date: "2021-04-20", limit: 5, used: 3, overCapacity: false, done, total, tracks, active: tracks.filter((t) => t.state === "active"), overdue,
    overdueCount: overdue.reduce((sum, group) => sum + group.count, 0), fixedToday: [],
    queued: { tracks: tracks.filter((t) => t.state === "queued").length, items: tracks.filter((t) => t.state === "queued").reduce((sum, t) => sum + t.total, 0) },
    deadlines: [], recentDeadlines: [], laterDeadlines: 0, nextPlannedDay: null, termWeek: null, problems: [],
  };
}

const rowsOf = (root: ParentNode, name: string): string[] =>
  Array.from(root.querySelectorAll(`.bq-track[data-track="${name}"] .bq-item-text`)).map((el) => el.textContent ?? "");
const moreRow = (root: ParentNode, key: string): HTMLElement | null => root.querySelector<HTMLElement>(`.bq-show-more[data-bq-more="${key}"]`);

describe("bounded first render", () => {
  it("shows each list's first rows and a Show more row, within one budget, while the counts cover everything", () => {
    setLanguage("en");
    const tracks = [track("A", 500), track("B", 25, "active", 2), ...["C", "D", "E", "F", "G", "H"].map((n, i) => track(n, 15, "active", i + 3))];
    const container = document.body.createDiv();
    renderToday(container, modelOf(tracks), { today: "2021-04-20" });

    expect(rowsOf(container, "A")).toEqual(Array.from({ length: FIRST_ROWS }, (_, i) => `A task ${i + 1}`));
    expect(moreRow(container, "track:A.md/A")?.textContent).toBe("Show 50 more (490 hidden)");
    expect(moreRow(container, "track:B.md/B")?.textContent).toBe("Show 15 more");
    const heads = container.querySelectorAll(".bq-track").length;
    expect(container.querySelectorAll(".bq-item").length + heads).toBeLessThanOrEqual(PAINT_BUDGET + FIRST_ROWS);
    expect(heads).toBeLessThan(tracks.length); // the budget ran out: the rest wait behind a row of their own
    expect(moreRow(container, "tracks:active")?.textContent).toBe(`Show ${tracks.length - heads} more tracks`);
    // Counts are the model's, not the rows drawn.
    expect(container.querySelector('.bq-track[data-track="A"] > .tree-item-self .tree-item-flair')?.textContent).toBe("167/500");
    expect(container.querySelector(".bq-section-today > .tree-item-self .tree-item-flair")?.textContent).toBe(`${tracks.reduce((s, t) => s + t.done, 0)}/615`);
  });

  it("reveals the next rows in place on click, and a re-render with the same state keeps them", () => {
    setLanguage("en");
    const model = modelOf([track("A", 500)]);
    const handlers: TodayHandlers = { today: "2021-04-20", collapsed: new Set(), shown: new Map(), onToggle: vi.fn() };
    const container = document.body.createDiv();
    renderToday(container, model, handlers);
    moreRow(container, "track:A.md/A")!.click();
    expect(rowsOf(container, "A")).toHaveLength(FIRST_ROWS + 50);
    expect(rowsOf(container, "A").at(-1)).toBe(`A task ${FIRST_ROWS + 50}`);
    const children = container.querySelector('.bq-track[data-track="A"] > .tree-item-children')!;
    expect(children.lastElementChild).toBe(moreRow(container, "track:A.md/A")); // still below the rows
    expect(moreRow(container, "track:A.md/A")?.textContent).toBe(`Show 50 more (${500 - FIRST_ROWS - 50} hidden)`);

    renderToday(container, model, handlers); // a tick re-renders the view
    expect(rowsOf(container, "A")).toHaveLength(FIRST_ROWS + 50);
    const revealed = container.querySelector<HTMLElement>(`.bq-item[data-line="${FIRST_ROWS + 40}"]`)!;
    revealed.querySelector<HTMLInputElement>("input")!.click();
    expect(handlers.onToggle).toHaveBeenCalledWith(expect.objectContaining({ line: FIRST_ROWS + 40 }));

    renderToday(container, model, { ...handlers, shown: new Map() }); // another day's state starts short again
    expect(rowsOf(container, "A")).toHaveLength(FIRST_ROWS);
  });

  it("the Show more row is a keyboard stop: Enter and Space reveal, and focus goes to the first new row", () => {
    setLanguage("en");
    const container = document.body.createDiv();
    renderToday(container, modelOf([track("A", 75)]), { today: "2021-04-20", shown: new Map() });
    const last = container.querySelector<HTMLElement>(`.bq-item[data-line="${FIRST_ROWS}"]`)!;
    last.focus();
    last.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    const more = moreRow(container, "track:A.md/A")!;
    expect(document.activeElement).toBe(more);
    more.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect((document.activeElement as HTMLElement).dataset.line).toBe(String(FIRST_ROWS + 1));
    expect(moreRow(container, "track:A.md/A")?.textContent).toBe(`Show ${75 - FIRST_ROWS - 50} more`);
    moreRow(container, "track:A.md/A")!.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    expect(rowsOf(container, "A")).toHaveLength(75);
    expect(moreRow(container, "track:A.md/A")).toBeNull(); // nothing left to show
    expect((document.activeElement as HTMLElement).dataset.line).toBe(String(FIRST_ROWS + 51));
  });

  it("speaks Chinese when Obsidian does", () => {
    setLanguage("zh");
    const container = document.body.createDiv();
    renderToday(container, modelOf([track("A", 25), track("B", 100, "active", 2)]), { today: "2021-04-20" });
    expect(moreRow(container, "track:A.md/A")?.textContent).toBe("再显示 15 项");
    expect(moreRow(container, "track:B.md/B")?.textContent).toBe("再显示 50 项（共 90 项未显示）");
    setLanguage("en");
  });

  it("collapsed trees build their children only when opened, and remember it", () => {
    setLanguage("en");
    const overdue = [{ key: "A.md\nA", track: "A", path: "A.md", note: null, count: 30, items: Array.from({ length: 30 }, (_, i) => ({ ...item("A", 100 + i), date: "2021-04-18" })) }];
    const model = modelOf([track("A", 2), track("Q", 40, "queued", 2)], overdue);
    const collapsed = new Set<string>();
    const container = document.body.createDiv();
    renderToday(container, model, { today: "2021-04-20", collapsed, shown: new Map() });
    const queued = (): HTMLElement => container.querySelector<HTMLElement>(".bq-queued")!;
    expect(queued().querySelector(":scope > .tree-item-children")!.childElementCount).toBe(0);
    expect(queued().querySelector(":scope > .tree-item-self .tree-item-flair")?.textContent).toBe("1 track · 40 items");
    expect(container.querySelector(".bq-overdue-track .bq-item")).toBeNull();

    queued().querySelector<HTMLElement>(":scope > .tree-item-self")!.click();
    const q = container.querySelector<HTMLElement>('.bq-track[data-track="Q"]')!;
    expect(q.classList.contains("is-collapsed")).toBe(true);
    expect(rowsOf(container, "Q")).toEqual([]);
    q.querySelector<HTMLElement>(":scope > .tree-item-self")!.click();
    expect(rowsOf(container, "Q")).toHaveLength(FIRST_ROWS);
    container.querySelector<HTMLElement>(".bq-overdue-track > .tree-item-self")!.click();
    expect(container.querySelectorAll(".bq-overdue-track .bq-item")).toHaveLength(FIRST_ROWS);
    expect(container.querySelector(".bq-overdue-track .bq-item .bq-date")?.textContent).toBe("2021-04-18");

    renderToday(container, model, { today: "2021-04-20", collapsed, shown: new Map() });
    expect(rowsOf(container, "Q")).toHaveLength(FIRST_ROWS); // opened trees are built straight away
    expect(container.querySelectorAll(".bq-overdue-track .bq-item")).toHaveLength(FIRST_ROWS);
    expect(container.querySelector(".bq-overdue-track .bq-more-hint")).toBeNull(); // the model holds all 30
  });

  it("an overdue track with more items than the model carries counts them all and says where the rest are", () => {
    setLanguage("en");
    const overdue = [{ key: "A.md\nA", track: "A", path: "A.md", note: null, count: 2345, items: Array.from({ length: 100 }, (_, i) => ({ ...item("A", 100 + i), date: "2021-04-18" })) }];
    const container = document.body.createDiv();
    renderToday(container, modelOf([track("A", 2)], overdue), { today: "2021-04-20", collapsed: new Set(), shown: new Map() });
    expect(container.querySelector(".bq-section-overdue > .tree-item-self .tree-item-flair")?.textContent).toBe("2345");
    const group = container.querySelector<HTMLElement>(".bq-overdue-track")!;
    expect(group.querySelector(":scope > .tree-item-self .tree-item-flair")?.textContent).toBe("2345");
    group.querySelector<HTMLElement>(":scope > .tree-item-self")!.click();
    expect(group.querySelectorAll(".bq-item")).toHaveLength(FIRST_ROWS);
    expect(group.querySelector(".bq-more-hint")?.textContent).toBe("2245 more in your notes: roll this track forward to bring them to today");
  });
});

/** Stands in for IntersectionObserver (happy-dom's never reports): the test says what scrolled near. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly watched = new Set<Element>();
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback, readonly options?: IntersectionObserverInit) {
    FakeObserver.last = this;
  }
  observe(el: Element): void {
    this.watched.add(el);
  }
  unobserve(el: Element): void {
    this.watched.delete(el);
  }
  disconnect(): void {
    this.disconnected = true;
    this.watched.clear();
  }
  near(...els: Element[]): void {
    const entries = els.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

describe("scrolling near", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("fills in the lists the budget cut short, step by step, and the clean-up stops watching", () => {
    setLanguage("en");
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    const tracks = ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((n, i) => track(n, 12, "active", i + 1));
    const shown = new Map<string, number>();
    const container = document.body.createDiv();
    const dispose = renderToday(container, modelOf([...tracks, track("Q", 3, "queued", 10)]), { today: "2021-04-20", shown });
    const observer = FakeObserver.last!;
    expect(observer.options?.root).toBe(container);
    const waiting = moreRow(container, "tracks:active")!;
    expect(observer.watched.has(waiting)).toBe(true);
    const before = container.querySelectorAll(".bq-track").length;

    observer.near(...observer.watched);
    expect(container.querySelectorAll(".bq-track").length).toBeGreaterThan(before);
    for (let i = 0; i < 5 && observer.watched.size > 0; i++) observer.near(...observer.watched);
    expect(observer.watched.size).toBe(0);
    // Filled in place: the tracks in queue order, still above the Queued tree.
    const today = Array.from(container.querySelectorAll<HTMLElement>(".bq-section-today > .tree-item-children > .tree-item"));
    expect(today.map((el) => el.dataset.track ?? el.dataset.bqKey)).toEqual([...tracks.map((t) => t.name), "queued"]);
    for (const t of tracks) expect(rowsOf(container, t.name)).toHaveLength(FIRST_ROWS);
    expect(shown.get("tracks:active")).toBe(tracks.length); // a re-render keeps what scrolling drew

    dispose();
    expect(observer.disconnected).toBe(true);
  });

  it("a waiting row that has focus hands it to the first new row when it fills in and goes", () => {
    setLanguage("en");
    vi.stubGlobal("IntersectionObserver", FakeObserver);
    const container = document.body.createDiv();
    renderToday(container, modelOf(["A", "B", "C", "D", "E"].map((n, i) => track(n, 10, "active", i + 1))), { today: "2021-04-20", shown: new Map() });
    const observer = FakeObserver.last!;
    const waiting = moreRow(container, "tracks:active")!;
    waiting.focus(); // arrowing down onto it scrolls it into view
    observer.near(waiting);
    expect(waiting.isConnected).toBe(false);
    expect(document.activeElement?.closest<HTMLElement>(".bq-track")?.dataset.track).toBe("E");
  });
});
