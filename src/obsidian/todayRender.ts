// Renders a TodayModel into a container. A plain function of (container, model, handlers) so the view,
// the plugin tests and the benchmark share it; all state it needs (collapsed keys) is passed in.
import type { Deadline } from "../core/deadlines";
import type { TodayModel, TodayTrack } from "../core/today";
import type { IsoDate, Item, Subtask } from "../core/types";
import { addDays, weekdayIndex } from "../core/dates";
import { currentLanguage, t } from "./i18n";
import { handleArrowKeys, iconButton, treeItem } from "./todayTree";

export interface TodayHandlers {
  onToggle?: (item: Item) => void;
  onToggleSubtask?: (item: Item, subtask: Subtask) => void;
  onOpen?: (target: { path: string; line: number }) => void;
  onDay?: (day: IsoDate) => void;
  onRollTrack?: (track: string) => void;
  /** The real today, for the "Today" button; defaults to the model's date. */
  today?: IsoDate;
  /** Collapsed tree keys; kept by the caller so re-renders keep them. */
  collapsed?: Set<string>;
}

const WEEKDAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_ZH = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

export function weekdayLabel(day: IsoDate): string {
  const names = currentLanguage() === "zh" ? WEEKDAYS_ZH : WEEKDAYS_EN;
  return names[weekdayIndex(day)] ?? "";
}

export function renderToday(container: HTMLElement, model: TodayModel, handlers: TodayHandlers = {}): void {
  const collapsed = handlers.collapsed ?? new Set<string>();
  container.empty();
  const root = container.createDiv({ cls: "bq-today", attr: { role: "tree", "aria-label": t("view.title") } });
  root.addEventListener("keydown", (event) => handleArrowKeys(root, event));
  renderHeader(root, model, handlers);
  renderTodaySection(root, model, handlers, collapsed);
  renderOverdue(root, model, handlers, collapsed);
  renderDeadlines(root, model, handlers, collapsed);
  if (model.problems.length > 0) renderProblems(root, model, handlers, collapsed);
}

function renderHeader(root: HTMLElement, model: TodayModel, handlers: TodayHandlers): void {
  const header = root.createDiv({ cls: "bq-header" });
  const nav = header.createDiv({ cls: "bq-header-nav" });
  iconButton(nav, "chevron-left", t("view.prevDay"), () => handlers.onDay?.(addDays(model.date, -1)), "bq-prev-day");
  nav.createSpan({ cls: "bq-day", text: `${model.date} ${weekdayLabel(model.date)}` });
  iconButton(nav, "chevron-right", t("view.nextDay"), () => handlers.onDay?.(addDays(model.date, 1)), "bq-next-day");
  const today = handlers.today ?? model.date;
  if (today !== model.date) {
    const back = nav.createEl("button", { cls: "bq-today-button", text: t("view.today"), attr: { type: "button", "aria-label": t("view.backToToday") } });
    back.addEventListener("click", () => handlers.onDay?.(today));
  }
  const meta = header.createDiv({ cls: "bq-header-meta" });
  meta.createSpan({ cls: "bq-done-count", text: t("view.doneOfTotal", { done: model.done, total: model.total }) });
  if (model.termWeek) meta.createSpan({ cls: "bq-term-week", text: model.termWeek });
  if (model.overCapacity) {
    meta.createSpan({
      cls: "bq-capacity",
      text: `${model.used}/${model.limit}`,
      attr: { "aria-label": t("view.overCapacity", { used: model.used, limit: model.limit }) },
    });
  }
}

function renderTodaySection(root: HTMLElement, model: TodayModel, handlers: TodayHandlers, collapsed: Set<string>): void {
  const section = treeItem(root, "section:today", t("view.sectionToday"), collapsed, { cls: "bq-section bq-section-today" });
  section.flair.setText(`${model.done}/${model.total}`);
  // Active tracks show even on a day without items (the queue at a glance); queued ones only with items.
  const active = model.tracks.filter((track) => track.state === "active");
  const queued = model.tracks.filter((track) => track.state === "queued" && track.items.length > 0);
  if (model.total === 0) {
    renderEmptyDay(section.children, model, handlers);
    return;
  }
  for (const track of active) renderTrack(section.children, track, handlers, collapsed, false);
  if (queued.length > 0) {
    const queue = treeItem(section.children, "queued", t("view.sectionQueued"), collapsed, { defaultCollapsed: true, cls: "bq-queued" });
    queue.flair.setText(String(queued.reduce((sum, track) => sum + track.total, 0)));
    for (const track of queued) renderTrack(queue.children, track, handlers, collapsed, true);
  }
}

function renderEmptyDay(parent: HTMLElement, model: TodayModel, handlers: TodayHandlers): void {
  const empty = parent.createDiv({ cls: "bq-empty" });
  empty.createDiv({ text: t(model.date === (handlers.today ?? model.date) ? "view.nothingToday" : "view.nothingDay") });
  const next = model.nextPlannedDay;
  if (next) {
    const link = empty.createEl("a", { cls: "bq-next-planned bq-focusable", text: t("view.nextPlanned", { date: next }), attr: { tabindex: "0", href: "#" } });
    const go = (event: Event): void => {
      event.preventDefault();
      handlers.onDay?.(next);
    };
    link.addEventListener("click", go);
    link.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") go(event);
    });
  }
}

function renderTrack(parent: HTMLElement, track: TodayTrack, handlers: TodayHandlers, collapsed: Set<string>, queued: boolean): void {
  const node = treeItem(parent, `track:${track.name}`, track.name, collapsed, { defaultCollapsed: queued, cls: `bq-track bq-track-${track.state}` });
  node.root.dataset.track = track.name;
  node.root.toggleClass("bq-track-idle", track.total === 0);
  node.flair.setText(`${track.done}/${track.total}`);
  if (track.overdue > 0 && handlers.onRollTrack) {
    const roll = handlers.onRollTrack;
    iconButton(node.self, "calendar-clock", t("view.rollTrack"), () => roll(track.name), "bq-roll-track");
  }
  node.self.after(progress(node.root, track));
  for (const item of track.items) renderItem(node.children, item, handlers, false);
}

function progress(parent: HTMLElement, track: TodayTrack): HTMLElement {
  const bar = parent.createEl("progress", { cls: "bq-progress", attr: { max: String(Math.max(track.total, 1)), value: String(track.done) } });
  bar.setAttribute("aria-label", t("view.trackProgress", { done: track.done, total: track.total }));
  return bar;
}

/** One task row: checkbox, text (opens the note), quiet group label, nested subtasks. */
export function renderItem(parent: HTMLElement, item: Item, handlers: TodayHandlers, showDate: boolean): HTMLElement {
  const row = parent.createDiv({ cls: "bq-item bq-focusable", attr: { tabindex: "0", role: "treeitem" } });
  row.dataset.path = item.path;
  row.dataset.line = String(item.line);
  row.toggleClass("is-done", item.done);
  const checkbox = row.createEl("input", { cls: "task-list-item-checkbox", type: "checkbox", attr: { tabindex: "-1", "aria-label": item.text || item.date } });
  checkbox.checked = item.done;
  checkbox.addEventListener("click", (event) => {
    event.stopPropagation();
    checkbox.checked = item.done; // the index decides; the re-render shows the new state
    handlers.onToggle?.(item);
  });
  const open = (): void => handlers.onOpen?.({ path: item.path, line: item.line });
  const text = row.createSpan({ cls: "bq-item-text", text: item.text || "—" });
  text.addEventListener("click", open);
  if (showDate) row.createSpan({ cls: "bq-date", text: item.end ? `${item.date} – ${item.end}` : item.date });
  else if (item.end) row.createSpan({ cls: "bq-date", text: `→ ${item.end}` });
  if (item.group) row.createSpan({ cls: "bq-group", text: item.group });
  row.addEventListener("keydown", (event) => {
    if (event.target !== row) return;
    if (event.key === " ") {
      event.preventDefault();
      handlers.onToggle?.(item);
    } else if (event.key === "Enter") {
      event.preventDefault();
      open();
    }
  });
  if (item.subtasks.length > 0) {
    const list = parent.createDiv({ cls: "bq-subtasks" });
    for (const sub of item.subtasks) {
      const subRow = list.createDiv({ cls: "bq-item bq-subtask bq-focusable", attr: { tabindex: "0", role: "treeitem" } });
      subRow.toggleClass("is-done", sub.done);
      subRow.dataset.path = item.path;
      subRow.dataset.line = String(sub.line);
      const box = subRow.createEl("input", { cls: "task-list-item-checkbox", type: "checkbox", attr: { tabindex: "-1", "aria-label": sub.text } });
      box.checked = sub.done;
      const toggleSub = (): void => handlers.onToggleSubtask?.(item, sub);
      box.addEventListener("click", (event) => {
        event.stopPropagation();
        box.checked = sub.done;
        toggleSub();
      });
      const openSub = (): void => handlers.onOpen?.({ path: item.path, line: sub.line });
      subRow.createSpan({ cls: "bq-item-text", text: sub.text }).addEventListener("click", openSub);
      subRow.addEventListener("keydown", (event) => {
        if (event.key === "Enter") openSub();
        else if (event.key === " ") {
          event.preventDefault();
          toggleSub();
        }
      });
    }
  }
  return row;
}

function renderOverdue(root: HTMLElement, model: TodayModel, handlers: TodayHandlers, collapsed: Set<string>): void {
  const count = model.overdue.reduce((sum, group) => sum + group.count, 0);
  const section = treeItem(root, "section:overdue", t("view.sectionOverdue"), collapsed, { cls: "bq-section bq-section-overdue" });
  section.flair.setText(String(count));
  if (count === 0) {
    section.children.createDiv({ cls: "bq-empty", text: t("view.noOverdue") });
    return;
  }
  for (const group of model.overdue) {
    const node = treeItem(section.children, `overdue:${group.track}`, group.track, collapsed, { defaultCollapsed: true, cls: "bq-overdue-track" });
    node.root.dataset.track = group.track;
    node.flair.setText(String(group.count));
    if (handlers.onRollTrack) {
      const roll = handlers.onRollTrack;
      iconButton(node.self, "calendar-clock", t("view.rollTrack"), () => roll(group.track), "bq-roll-track");
    }
    for (const item of group.items) renderItem(node.children, item, handlers, true);
  }
}

export function daysLeftLabel(days: number): string {
  if (days === 0) return t("view.dueToday");
  return days > 0 ? t("view.daysLeft", { days }) : t("view.daysAgo", { days: -days });
}

export function deadlineLabel(deadline: Deadline): string {
  if (!deadline.venue) return deadline.text;
  return deadline.year === null ? deadline.venue : `${deadline.venue} ${deadline.year}`;
}

function renderDeadlines(root: HTMLElement, model: TodayModel, handlers: TodayHandlers, collapsed: Set<string>): void {
  const section = treeItem(root, "section:deadlines", t("view.sectionDeadlines"), collapsed, { cls: "bq-section bq-section-deadlines" });
  section.flair.setText(String(model.deadlines.filter((d) => !d.dropped && d.daysLeft >= 0).length));
  if (model.deadlines.length + model.recentDeadlines.length === 0) section.children.createDiv({ cls: "bq-empty", text: t("view.noDeadlines") });
  for (const deadline of [...model.deadlines, ...model.recentDeadlines]) {
    const row = section.children.createDiv({ cls: `bq-deadline-row bq-focusable bq-urgency-${deadline.urgency}`, attr: { tabindex: "0", role: "treeitem" } });
    row.toggleClass("bq-dropped", deadline.dropped);
    row.dataset.path = deadline.path;
    row.dataset.line = String(deadline.line);
    row.createSpan({ cls: "bq-deadline-venue", text: deadlineLabel(deadline) });
    row.createSpan({ cls: "bq-date", text: deadline.date });
    row.createSpan({ cls: "bq-days-left", text: deadline.dropped ? t("view.dropped") : daysLeftLabel(deadline.daysLeft) });
    if (deadline.venue) row.setAttribute("aria-label", deadline.text);
    const open = (): void => handlers.onOpen?.({ path: deadline.path, line: deadline.line });
    row.addEventListener("click", open);
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open();
      }
    });
  }
}

function renderProblems(root: HTMLElement, model: TodayModel, handlers: TodayHandlers, collapsed: Set<string>): void {
  const section = treeItem(root, "section:problems", t("view.sectionProblems"), collapsed, { defaultCollapsed: true, cls: "bq-section bq-section-problems" });
  section.flair.setText(String(model.problems.length));
  for (const problem of model.problems) {
    const row = section.children.createDiv({ cls: "bq-problem bq-focusable", attr: { tabindex: "0", role: "treeitem" } });
    row.createSpan({ cls: "bq-problem-where", text: `${problem.path}:${problem.line}` });
    row.createSpan({ cls: "bq-problem-message", text: problem.message });
    const open = (): void => handlers.onOpen?.({ path: problem.path, line: problem.line });
    row.addEventListener("click", open);
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter") open();
    });
  }
}
