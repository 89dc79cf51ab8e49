// Renders a TodayModel into a container. A plain function of (container, model, handlers) so the view,
// the plugin tests and the benchmark share it; all state it needs (collapsed keys, revealed rows) is
// passed in. Lists are bounded (todayPaging.ts): a render builds rows only for what can be seen.
import { setIcon } from "obsidian";
import type { Deadline } from "../core/items";
import type { TodayModel, TodayTrack, TrackStats } from "../core/planner";
import type { IsoDate, Item, Subtask } from "../core/base";
import { addDays, weekdayIndex } from "../core/base";
import { forecastLabel } from "./forecastLabel";
import { currentLanguage, t } from "./i18n";
import { ListPager } from "./todayPaging";
import { handleArrowKeys, iconButton, treeItem, type TreeNode } from "./todayTree";
import { daysLeftText, type TrackKey } from "../core/items";

export interface TodayHandlers {
  onToggle?: (item: Item) => void;
  onToggleSubtask?: (item: Item, subtask: Subtask) => void;
  onOpen?: (target: { path: string; line: number }) => void;
  onDay?: (day: IsoDate) => void;
  /** Rolls one track (a heading in a note: see tracks.ts). */
  onRollTrack?: (track: TrackKey) => void;
  /** The real today, for the "Today" button; defaults to the model's date. */
  today?: IsoDate;
  /** Collapsed tree keys; kept by the caller so re-renders keep them. */
  collapsed?: Set<string>;
  /** Rows revealed per list ("Show more", scrolling); kept by the caller so re-renders keep them. */
  shown?: Map<string, number>;
  /** The active tracks' pace and forecast (statsOfTracks), shown under each; none without it. */
  forecasts?: ReadonlyMap<TrackKey, TrackStats>;
  /** Opens the Progress view (a button in the header). */
  onOpenProgress?: () => void;
  /** Archives a note (a problem's fix: last term's plan with its own queue block). */
  onArchive?: (path: string) => void;
}

/** What one render needs besides the model; `pager` builds the bounded lists. */
interface RenderContext {
  /** The day shown. */
  day: IsoDate;
  handlers: TodayHandlers;
  collapsed: Set<string>;
  pager: ListPager;
}

const WEEKDAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_ZH = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

export function weekdayLabel(day: IsoDate): string {
  const names = currentLanguage() === "zh" ? WEEKDAYS_ZH : WEEKDAYS_EN;
  return names[weekdayIndex(day)] ?? "";
}

/** Draws the view; returns a clean-up that stops the scroll watching (call it before the next render). */
export function renderToday(container: HTMLElement, model: TodayModel, handlers: TodayHandlers = {}): () => void {
  const pager = new ListPager(handlers.shown ?? new Map<string, number>(), container);
  const ctx: RenderContext = { day: model.date, handlers, collapsed: handlers.collapsed ?? new Set<string>(), pager };
  container.empty();
  const root = container.createDiv({ cls: "bq-today", attr: { role: "tree", "aria-label": t("view.title") } });
  root.addEventListener("keydown", (event) => handleArrowKeys(root, event));
  pager.paint(() => {
    renderHeader(root, model, handlers);
    renderTodaySection(root, model, ctx);
    renderOverdue(root, model, ctx);
    renderDeadlines(root, model, ctx);
    if (model.problems.length > 0) renderProblems(root, model, ctx);
  });
  return () => pager.dispose();
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
  if (handlers.onOpenProgress) iconButton(nav, "trending-down", t("view.openProgress"), handlers.onOpenProgress, "bq-open-progress");
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

/** A tree item whose children are built on first open, against a fresh row budget when that is later. */
function lazyTree(
  parent: HTMLElement, key: string, label: string, ctx: RenderContext, cls: string, defaultCollapsed: boolean, build: (children: HTMLElement) => void,
): TreeNode {
  return treeItem(parent, key, label, ctx.collapsed, { cls, defaultCollapsed, build: (children) => ctx.pager.paint(() => build(children)) });
}

function renderTodaySection(root: HTMLElement, model: TodayModel, ctx: RenderContext): void {
  // Fixed items first (a deadline, an exam: their day is a fact); then the active tracks, every day (the
  // queue at a glance, an idle one with its next item); the waiting tracks' items stay folded in "Queued".
  const section = lazyTree(root, "section:today", t("view.sectionToday"), ctx, "bq-section bq-section-today", false, (children) => {
    if (model.fixedToday.length > 0) {
      const fixed = children.createDiv({ cls: "bq-fixed-today" });
      ctx.pager.list(fixed, "fixed", model.fixedToday, "items", (parent, item) => renderItem(parent, item, ctx.handlers, false, item.track));
    }
    if (model.total === 0 && model.queued.tracks === 0) renderEmptyDay(children, model, ctx.handlers);
    ctx.pager.list(children, "tracks:active", model.active, "tracks", (parent, track) => renderTrack(parent, track, ctx, false));
    if (model.queued.tracks === 0) return;
    const queue = lazyTree(children, "queued", t("view.sectionQueued"), ctx, "bq-queued", true, (tracks) => {
      // The waiting tracks' entries are made here, when the group is first opened (TodayModel.tracks).
      const queued = model.tracks.filter((track) => track.state === "queued");
      ctx.pager.list(tracks, "tracks:queued", queued, "tracks", (parent, track) => renderTrack(parent, track, ctx, true));
    });
    queue.flair.setText(queuedCountLabel(model.queued.tracks, model.queued.items));
  });
  section.flair.setText(`${model.done}/${model.total}`);
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

/** "3 tracks · 7 items". */
export function queuedCountLabel(tracks: number, items: number): string {
  const trackText = t("view.tracks", { count: tracks });
  const itemText = t("view.items", { count: items });
  return `${trackText} · ${itemText}`;
}

/** A track's head and (when open) its items; returns 1, its head row: the item list counts its own rows. */
function renderTrack(parent: HTMLElement, track: TodayTrack, ctx: RenderContext, queued: boolean): number {
  const { handlers } = ctx;
  const key = `track:${treeKey(track.key)}`;
  const idle = track.total === 0;
  const node = lazyTree(parent, key, track.name, ctx, `bq-track bq-track-${track.state}`, queued, (children) => {
    ctx.pager.list(children, key, track.items, "items", (rows, item) => renderItem(rows, item, handlers, false));
    if (idle && track.state === "active") renderNext(children, track, ctx);
  });
  trackHead(node, track);
  node.root.toggleClass("bq-track-idle", idle);
  if (handlers.onRollTrack && track.overdue > 0) {
    const roll = handlers.onRollTrack;
    iconButton(node.self, "calendar-clock", t("view.rollTrack"), () => roll(track.key), "bq-roll-track");
  }
  const stats = track.state === "active" ? handlers.forecasts?.get(track.key) : undefined;
  const forecast = stats ? forecastLine(node.root, stats) : null;
  if (forecast) node.self.after(forecast);
  // An idle track has nothing to count: no 0/0 and no empty bar, its next item says where it stands.
  if (idle) return 1;
  node.flair.setText(`${track.done}/${track.total}`);
  node.self.after(progress(node.root, track));
  return 1;
}

/** "5/25 · at this pace +18 d", "on plan", "no pace yet", "all done": the whole track, not the day. */
function forecastLine(parent: HTMLElement, stats: TrackStats): HTMLElement | null {
  const label = forecastLabel(stats);
  return label ? parent.createDiv({ cls: `bq-forecast bq-forecast-${label.kind}`, text: label.text, attr: { "aria-label": label.tip } }) : null;
}

/** An idle active track's next item and its day (a click opens the line), or that nothing is planned
 *  (and, when the track is behind, how far: a click rolls it forward). */
function renderNext(parent: HTMLElement, track: TodayTrack, ctx: RenderContext): void {
  const { handlers } = ctx;
  const next = track.next;
  if (!next) {
    const roll = handlers.onRollTrack;
    if (track.overdue === 0 || !roll) {
      parent.createDiv({ cls: "bq-next-item bq-empty-next", text: t("view.nothingPlanned") });
      return;
    }
    const behind = parent.createDiv({
      cls: "bq-next-item bq-empty-next bq-focusable", text: t("view.nothingPlannedBehind", { count: track.overdue }),
      attr: { tabindex: "0", role: "treeitem", "aria-label": t("view.rollTrack") },
    });
    behind.addEventListener("click", () => roll(track.key));
    behind.addEventListener("keydown", (event) => {
      if (event.key === "Enter") roll(track.key);
    });
    return;
  }
  const row = parent.createDiv({ cls: "bq-next-item bq-focusable", attr: { tabindex: "0", role: "treeitem", "data-path": next.path, "data-line": next.line } });
  row.createSpan({ cls: "bq-next-label", text: t("view.next") });
  row.createSpan({ cls: "bq-item-text", text: next.text });
  // The year only when it is another one than the day's (an old plan's next item is years away).
  const date = next.date.slice(0, 4) === ctx.day.slice(0, 4) ? next.date.slice(5) : next.date;
  row.createSpan({ cls: "bq-date", text: `${date} ${weekdayLabel(next.date)}` });
  const open = (): void => handlers.onOpen?.({ path: next.path, line: next.line });
  row.addEventListener("click", open);
  row.addEventListener("keydown", (event) => {
    if (event.target === row && event.key === "Enter") open();
  });
}

/** A track's part of its tree keys (collapsed state, rows shown): `Plans/2021.md/Reading`, readable in a selector. */
const treeKey = (key: TrackKey): string => key.replace("\n", "/");

/** Marks a track's tree item with its name and note, and shows the note's name when another note has the same heading. */
function trackHead(node: TreeNode, track: { name: string; path: string; note: string | null }): void {
  node.root.dataset.track = track.name;
  node.root.dataset.path = track.path;
  if (track.note !== null) node.inner.createSpan({ cls: "bq-track-note", text: track.note });
}

function progress(parent: HTMLElement, track: TodayTrack): HTMLElement {
  const bar = parent.createEl("progress", { cls: "bq-progress", attr: { max: String(Math.max(track.total, 1)), value: String(track.done) } });
  bar.setAttribute("aria-label", t("view.trackProgress", { done: track.done, total: track.total }));
  return bar;
}

/** One task row: checkbox, text (opens the note), quiet group label, nested subtasks. Returns the rows made. */
export function renderItem(parent: HTMLElement, item: Item, handlers: TodayHandlers, showDate: boolean, label: string | null = item.group): number {
  if (item.text === "") return renderFreeSlot(parent, item, handlers, showDate);
  // Attributes in one go: each is a node of its own in happy-dom, and rows are the bulk of a render.
  const row = parent.createDiv({
    cls: item.done ? "bq-item bq-focusable is-done" : "bq-item bq-focusable",
    attr: { tabindex: "0", role: "treeitem", "data-path": item.path, "data-line": item.line },
  });
  const checkbox = row.createEl("input", { cls: "task-list-item-checkbox", type: "checkbox", attr: { tabindex: "-1", "aria-label": item.text || item.date } });
  checkbox.checked = item.done;
  checkbox.addEventListener("click", (event) => {
    event.stopPropagation();
    checkbox.checked = item.done; // the index decides; the re-render shows the new state
    handlers.onToggle?.(item);
  });
  const open = (): void => handlers.onOpen?.({ path: item.path, line: item.line });
  const text = row.createSpan({ cls: "bq-item-text", text: item.text });
  text.addEventListener("click", open);
  if (showDate) row.createSpan({ cls: "bq-date", text: item.end ? `${item.date} – ${item.end}` : item.date });
  else if (item.end) row.createSpan({ cls: "bq-date", text: `→ ${item.end}` });
  if (label) row.createSpan({ cls: "bq-group", text: label });
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
  return 1 + item.subtasks.length;
}

/** An empty slot (`- [ ] 2021/04/22`): free time in the plan, not a task; a click opens its line to fill it in. */
function renderFreeSlot(parent: HTMLElement, item: Item, handlers: TodayHandlers, showDate: boolean): number {
  const row = parent.createDiv({
    cls: "bq-item bq-free-slot bq-focusable",
    attr: { tabindex: "0", role: "treeitem", "data-path": item.path, "data-line": item.line },
  });
  row.createSpan({ cls: "bq-item-text", text: t("view.freeSlot") });
  if (showDate) row.createSpan({ cls: "bq-date", text: item.date });
  const open = (): void => handlers.onOpen?.({ path: item.path, line: item.line });
  row.addEventListener("click", open);
  row.addEventListener("keydown", (event) => {
    if (event.target === row && event.key === "Enter") open();
  });
  return 1;
}

function renderOverdue(root: HTMLElement, model: TodayModel, ctx: RenderContext): void {
  const { handlers } = ctx;
  const count = model.overdueCount;
  const section = lazyTree(root, "section:overdue", t("view.sectionOverdue"), ctx, "bq-section bq-section-overdue", false, (children) => {
    if (count === 0) {
      children.createDiv({ cls: "bq-empty", text: t("view.noOverdue") });
      return;
    }
    ctx.pager.list(children, "tracks:overdue", model.overdue, "tracks", (groups, group) => {
      const key = `overdue:${treeKey(group.key)}`;
      const node = lazyTree(groups, key, group.track, ctx, "bq-overdue-track", true, (rows) => {
        ctx.pager.list(rows, key, group.items, "items", (parent, item) => renderItem(parent, item, handlers, true));
        // The model carries the first overdue items of a track; the rest are a count and a roll away.
        const beyond = group.count - group.items.length;
        if (beyond > 0) rows.createDiv({ cls: "bq-more-hint", text: t("view.moreOverdueInNotes", { count: beyond }) });
      });
      trackHead(node, { name: group.track, path: group.path, note: group.note });
      node.flair.setText(String(group.count));
      if (handlers.onRollTrack) {
        const roll = handlers.onRollTrack;
        iconButton(node.self, "calendar-clock", t("view.rollTrack"), () => roll(group.key), "bq-roll-track");
      }
      return 1;
    });
  });
  section.flair.setText(String(count));
}

/** The core's one rule for days left (the CLI's too), in the interface's language. */
export function daysLeftLabel(days: number): string {
  return daysLeftText(days, { ahead: (n) => t("view.daysLeft", { days: n }), today: t("view.dueToday"), ago: (n) => t("view.daysAgo", { days: n }) });
}

/** What a deadline's countdown says everywhere (sidebar, suggester, status bar, notice): "dropped", "today", "12d", "3d ago". */
export function deadlineStatusLabel(deadline: Deadline): string {
  return deadline.dropped ? t("view.dropped") : daysLeftLabel(deadline.daysLeft);
}

export function deadlineLabel(deadline: Deadline): string {
  if (!deadline.venue) return deadline.text;
  return deadline.year === null ? deadline.venue : `${deadline.venue} ${deadline.year}`;
}

function renderDeadlines(root: HTMLElement, model: TodayModel, ctx: RenderContext): void {
  const all = [...model.deadlines, ...model.recentDeadlines];
  const section = lazyTree(root, "section:deadlines", t("view.sectionDeadlines"), ctx, "bq-section bq-section-deadlines", false, (children) => {
    if (all.length === 0) children.createDiv({ cls: "bq-empty", text: t("view.noDeadlines") });
    else ctx.pager.list(children, "section:deadlines", all, "items", (parent, deadline) => renderDeadline(parent, deadline, ctx.handlers));
    // Beyond the horizon: a count, not a list of "2052d".
    if (model.laterDeadlines > 0) children.createDiv({ cls: "bq-more-hint bq-deadlines-later", text: t("view.laterDeadlines", { count: model.laterDeadlines }) });
  });
  section.flair.setText(String(model.deadlines.filter((d) => !d.dropped && d.daysLeft >= 0).length));
}

function renderDeadline(parent: HTMLElement, deadline: Deadline, handlers: TodayHandlers): number {
  const row = parent.createDiv({ cls: `bq-deadline-row bq-focusable bq-urgency-${deadline.urgency}`, attr: { tabindex: "0", role: "treeitem" } });
  row.toggleClass("bq-dropped", deadline.dropped);
  row.dataset.path = deadline.path;
  row.dataset.line = String(deadline.line);
  row.createSpan({ cls: "bq-deadline-venue", text: deadlineLabel(deadline) });
  row.createSpan({ cls: "bq-date", text: deadline.date });
  row.createSpan({ cls: "bq-days-left", text: deadlineStatusLabel(deadline) });
  if (deadline.venue) row.setAttribute("aria-label", deadline.text);
  const open = (): void => handlers.onOpen?.({ path: deadline.path, line: deadline.line });
  row.addEventListener("click", open);
  row.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open();
    }
  });
  return 1;
}

function renderProblems(root: HTMLElement, model: TodayModel, ctx: RenderContext): void {
  const section = lazyTree(root, "section:problems", t("view.sectionProblems"), ctx, "bq-section bq-section-problems", true, (children) => {
    ctx.pager.list(children, "section:problems", model.problems, "items", (parent, problem) => {
      const row = parent.createDiv({ cls: "bq-problem bq-focusable", attr: { tabindex: "0", role: "treeitem" } });
      row.createSpan({ cls: "bq-problem-where", text: `${problem.path}:${problem.line}` });
      row.createSpan({ cls: "bq-problem-message", text: problem.message });
      const archive = ctx.handlers.onArchive;
      if (problem.fix === "archive" && archive) {
        const fix = row.createEl("button", { cls: "bq-problem-fix", text: t("cmd.archive"), attr: { type: "button" } });
        setIcon(fix.createSpan({ cls: "bq-problem-fix-icon", prepend: true }), "archive");
        fix.addEventListener("click", (event) => {
          event.stopPropagation();
          archive(problem.path);
        });
      }
      const open = (): void => ctx.handlers.onOpen?.({ path: problem.path, line: problem.line });
      row.addEventListener("click", open);
      row.addEventListener("keydown", (event) => {
        if (event.key === "Enter") open();
      });
      return 1;
    });
  });
  section.flair.setText(String(model.problems.length));
}
