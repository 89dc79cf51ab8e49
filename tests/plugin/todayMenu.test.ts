// A row's menu in the Today view: right-click with a mouse, a long-press on a touch screen, the same menu;
// its actions write through the one write path; unloading the plugin mid-press leaves no timer behind.
import { afterEach, describe, expect, it, vi } from "vitest";
import { flush } from "../../demo/shim/testing";
import { LONG_PRESS_MS } from "../../src/obsidian/longPress";
import { openToday, PLANNER, startPlugin } from "./pluginFixtures";
import { rowMenu, type RowActions } from "../../src/obsidian/todayMenu";

afterEach(() => {
  vi.useRealTimers();
});

function rowOf(el: HTMLElement, text: string): HTMLElement {
  const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.querySelector(".bq-item-text")?.textContent === text);
  if (!row) throw new Error(`No row ${text}`);
  return row;
}

const menuTitles = (): string[] => Array.from(document.body.querySelectorAll(".menu .menu-item-title")).map((el) => el.textContent ?? "");

function menuItem(title: string): HTMLElement {
  const item = Array.from(document.body.querySelectorAll<HTMLElement>(".menu .menu-item")).find((el) => el.textContent === title);
  if (!item) throw new Error(`No menu item ${title} in ${menuTitles().join(", ")}`);
  return item;
}

function rightClick(target: HTMLElement): MouseEvent {
  const event = new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: 40, clientY: 60 });
  target.dispatchEvent(event);
  return event;
}

function touch(target: HTMLElement, type: "pointerdown" | "pointermove" | "pointerup", x = 40, y = 60): void {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerType: "touch", isPrimary: true, pointerId: 7, clientX: x, clientY: y }));
}

describe("Today view row menu", () => {
  it("right-click on an item offers open and mark as done, and marking writes [x] byte for byte", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const row = rowOf(el, "三数之和");
    const event = rightClick(row.querySelector<HTMLElement>(".bq-item-text")!);
    expect(event.defaultPrevented).toBe(true);
    expect(menuTitles()).toEqual(["Open in note", "Mark as done", "Postpone to tomorrow", "Postpone by a week", "Postpone to the next study day", "Postpone to a date…"]);
    expect(row.classList.contains("has-active-menu")).toBe(true);
    menuItem("Mark as done").click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("- [ ] 2021/04/14    三数之和", "- [x] 2021/04/14    三数之和"));
    expect(document.body.querySelector(".menu")).toBeNull();
    plugin.unload();
  });

  it("a fixed item at the top of Today (a deadline) has the same menu: open it, tick it", async () => {
    const { app, plugin } = await startPlugin();
    const { view, el } = await openToday(plugin);
    view.setDay("2021-09-09");
    view.renderNow();
    const row = rowOf(el, "AAAI  2021 投稿截至日期");
    expect(row.closest(".bq-fixed-today")).not.toBeNull();
    expect(rightClick(row.querySelector<HTMLElement>(".bq-item-text")!).defaultPrevented).toBe(true);
    // A fixed item is never postponed; its track's overdue items can still be rolled from here.
    expect(menuTitles()).toEqual(["Open in note", "Mark as done", "Roll this track forward"]);
    menuItem("Mark as done").click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("- [ ] 2021/09/09    AAAI", "- [x] 2021/09/09    AAAI"));
    plugin.unload();
  });

  it("a subtask's menu ticks the subtask; a track with overdue items offers its heading and a roll", async () => {
    const { app, plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    rightClick(rowOf(el, "推导最小二乘"));
    expect(menuTitles()).toEqual(["Open in note", "Mark as done"]);
    menuItem("Mark as done").click();
    await flush(5);
    expect(app.vault.readNow("Plans/Term.md")).toBe(PLANNER.replace("  - [ ] 推导最小二乘", "  - [x] 推导最小二乘"));

    const overdueTrack = el.querySelector<HTMLElement>('.bq-overdue-track[data-track="Schedule"] > .tree-item-self')!;
    rightClick(overdueTrack);
    expect(menuTitles()).toEqual(["Open in note", "Roll this track forward", "Plan this track…"]);
    menuItem("Roll this track forward").click();
    expect(document.body.querySelector(".modal.bq-roll-modal")?.textContent).toContain("画出系统框图");
    // Section heads have no menu: the browser's own stays.
    expect(rightClick(el.querySelector<HTMLElement>(".bq-section-today > .tree-item-self")!).defaultPrevented).toBe(false);
    plugin.unload();
  });

  it("a long-press opens the same menu and swallows the tap it ends with; a finger that moves is scrolling", async () => {
    const { plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const text = rowOf(el, "三数之和").querySelector<HTMLElement>(".bq-item-text")!;
    const opened = vi.spyOn(plugin, "openAt");
    vi.useFakeTimers();
    touch(text, "pointerdown");
    touch(text, "pointermove", 70, 62); // 30 px: a scroll
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(document.body.querySelector(".menu")).toBeNull();
    touch(text, "pointerup");

    touch(text, "pointerdown");
    touch(text, "pointermove", 43, 62);
    vi.advanceTimersByTime(LONG_PRESS_MS - 1);
    expect(document.body.querySelector(".menu")).toBeNull();
    vi.advanceTimersByTime(1);
    expect(menuTitles()).toEqual(["Open in note", "Mark as done", "Postpone to tomorrow", "Postpone by a week", "Postpone to the next study day", "Postpone to a date…"]);
    touch(text, "pointerup");
    // The lift is cancelled: its click would land on whatever entry of the menu lies under the finger.
    const lift = new Event("touchend", { bubbles: true, cancelable: true });
    text.dispatchEvent(lift);
    expect(lift.defaultPrevented).toBe(true);
    text.click(); // the lift's tap would open the note under the menu
    expect(opened).not.toHaveBeenCalled();
    text.click();
    expect(opened).toHaveBeenCalledTimes(1); // the next tap is a tap again
    vi.useRealTimers();
    plugin.unload();
  });

  it("unloading the plugin during a press leaves no timer and no menu", async () => {
    const { plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const text = rowOf(el, "三数之和").querySelector<HTMLElement>(".bq-item-text")!;
    vi.useFakeTimers();
    touch(text, "pointerdown");
    expect(vi.getTimerCount()).toBe(1);
    plugin.unload();
    for (let i = 0; i < 5; i++) await Promise.resolve(); // a view closes asynchronously
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(document.body.querySelector(".menu")).toBeNull();
    touch(text, "pointerdown"); // the listeners went with the view
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an overdue row's menu reads its own note's groups: a large vault's other groups make no items", async () => {
    const { plugin } = await startPlugin();
    const { el } = await openToday(plugin);
    const model = plugin.model(plugin.today());
    el.querySelector<HTMLElement>('.bq-overdue-track[data-track="Schedule"] > .tree-item-self')!.click();
    const row = rowOf(el, "画出系统框图");
    // Tens of thousands of other notes' groups, whose items would be made if read.
    const others = Array.from({ length: 1000 }, (_, i) => ({
      key: `Old/${i}.md\nTIME`, track: "TIME", path: `Old/${i}.md`, note: null, count: 3,
      get items(): never { throw new Error("read another note's overdue items"); },
    }));
    const actions = { postponeChoices: () => [], trackHeading: () => null } as unknown as RowActions;
    const found = rowMenu(row.querySelector<HTMLElement>(".bq-item-text")!, { ...model, overdue: [...others, ...model.overdue] }, actions);
    expect(found?.row).toBe(row);
    found?.menu.hide();
    plugin.unload();
  });
});
