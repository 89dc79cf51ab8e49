// The Today view in the right sidebar. Re-renders (coalesced to one per frame) whenever the host says
// something changed, keeping the scroll position, the collapsed tree items, the rows revealed with
// "Show more" and the focused row.
import { ItemView, type Menu, Notice, Platform, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { statsOfTracks, tickEdit, type TodayModel, type TrackStats } from "../core/planner";
import type { IsoDate, Item, Subtask } from "../core/base";
import { currentText } from "./applyEdits";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { subtaskEdit } from "./subtaskEdit";
import { registerLongPress } from "./longPress";
import { openPlan, postponeChoices, postponeItem } from "./planActions";
import { archivePlan } from "./commands";
import { rowMenu, type RowActions } from "./todayMenu";
import { renderToday } from "./todayRender";
import { trackKey, type TrackKey } from "../core/items";

export const VIEW_TYPE_TODAY = "brain-queue-today";
/** Space (px) kept between a pressed row and the menu sheet over it. */
const SHEET_GAP = 8;

interface TodayViewState extends Record<string, unknown> {
  collapsed?: string[];
}

export class TodayView extends ItemView {
  /** The day shown; null follows the real today (and moves at midnight). */
  private day: IsoDate | null = null;
  private collapsed = new Set<string>();
  /** Rows revealed per list on the day shown; a tick re-renders, and the lists must not shrink back. */
  private shown = new Map<string, number>();
  private shownFor: IsoDate | null = null;
  /** Stops the last render's scroll watching. */
  private disposeRender: (() => void) | null = null;
  private frame: number | null = null;
  /** The forecasts of the model last drawn: counted once per model and history, not per render. */
  private forecasts: { model: TodayModel; version: number; stats: ReadonlyMap<TrackKey, TrackStats> } | null = null;

  constructor(leaf: WorkspaceLeaf, private readonly host: BrainQueueHost) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE_TODAY;
  }

  getDisplayText(): string {
    return t("view.title");
  }

  override getIcon(): string {
    return "list-checks";
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("bq-view");
    this.register(this.host.onRefresh(() => this.requestRender()));
    // A row's menu: right-click, or a long-press on a touch screen. One listener for all rows.
    this.registerDomEvent(this.contentEl, "contextmenu", (evt) => {
      if (evt.target instanceof HTMLElement && this.showRowMenu(evt.target, evt.clientX, evt.clientY)) evt.preventDefault();
    });
    registerLongPress(this, this.contentEl, (target, x, y) => void this.showRowMenu(target, x, y));
    this.renderNow();
  }

  /** Shows the menu of the row under `target` (marked while it is open); false when that row has none. */
  private showRowMenu(target: HTMLElement, x: number, y: number): boolean {
    if (!this.host.isIndexReady()) return false;
    const found = rowMenu(target, this.host.model(this.shownDay()), this.rowActions());
    if (!found) return false;
    const { menu, row } = found;
    row.addClass("has-active-menu");
    menu.onHide(() => row.removeClass("has-active-menu"));
    // A menu key press has no pointer position: the menu goes under the row.
    const box = row.getBoundingClientRect();
    menu.showAtPosition(x === 0 && y === 0 ? { x: box.left, y: box.bottom } : { x, y });
    if (Platform.isPhone) this.keepAboveSheet(row, menu);
    return true;
  }

  /**
   * On a phone a menu is a sheet rising from the bottom of the screen, and it would cover a row pressed in
   * the lower part: the view scrolls that row above the sheet, with room added after the last row while
   * the sheet is open when the list cannot scroll so far. The sheet may still be rising: its top is where
   * its height puts it at the bottom of the window, unless it already stands higher.
   */
  private keepAboveSheet(row: HTMLElement, menu: Menu): void {
    const sheets = row.doc.body.querySelectorAll<HTMLElement>(".menu");
    const sheet = sheets[sheets.length - 1];
    if (!sheet) return;
    const sheetTop = Math.min(sheet.getBoundingClientRect().top, row.win.innerHeight - sheet.offsetHeight);
    const overlap = row.getBoundingClientRect().bottom + SHEET_GAP - sheetTop;
    if (overlap <= 0) return;
    const scroller = this.contentEl;
    const lift = Math.min(overlap, row.getBoundingClientRect().top - scroller.getBoundingClientRect().top);
    if (lift <= 0) return;
    const room = lift - (scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop);
    if (room > 0) {
      scroller.setCssProps({ "--bq-sheet-room": `${Math.ceil(room)}px` });
      menu.onHide(() => scroller.setCssProps({ "--bq-sheet-room": "0px" }));
    }
    scroller.scrollTop += lift;
  }

  private rowActions(): RowActions {
    return {
      open: ({ path, line }) => void this.host.openAt(path, line),
      toggle: (item) => void this.host.applyEdits(item.path, [tickEdit(item, this.host.data.settings, this.host.today())]),
      toggleSubtask: (item, subtask) => void this.toggleSubtask(item, subtask),
      rollTrack: (track) => this.host.rollPreview(track),
      postponeChoices: (item) => postponeChoices(this.host, item),
      postpone: (item, choice) => void postponeItem(this.host, item, choice),
      planTrack: (path, track) => void openPlan(this.host, path, track),
      trackHeading: (track) => this.host.index().tracks().find((info) => trackKey(info.path, info.name) === track && info.line > 0) ?? null,
    };
  }

  override async onClose(): Promise<void> {
    if (this.frame !== null) window.cancelAnimationFrame(this.frame);
    this.frame = null;
    this.disposeRender?.();
    this.disposeRender = null;
    this.contentEl.empty();
  }

  override getState(): Record<string, unknown> {
    return { ...super.getState(), collapsed: [...this.collapsed] };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const collapsed = (state as TodayViewState | null)?.collapsed;
    if (Array.isArray(collapsed)) this.collapsed = new Set(collapsed.filter((key): key is string => typeof key === "string"));
    await super.setState(state, result);
    this.requestRender();
  }

  /** The day on display. */
  shownDay(): IsoDate {
    return this.day ?? this.host.today();
  }

  setDay(day: IsoDate): void {
    this.day = day === this.host.today() ? null : day;
    this.renderNow();
  }

  /** Many index changes in one frame (a batch, a roll) become one render. */
  requestRender(): void {
    if (this.frame !== null) return;
    this.frame = window.requestAnimationFrame(() => {
      this.frame = null;
      this.renderNow();
    });
  }

  private async toggleSubtask(item: Item, subtask: Subtask): Promise<void> {
    const path = item.path;
    const text = await currentText(this.host.app, path);
    const edit = text === null ? null : subtaskEdit(text, item, subtask);
    if (!edit) {
      // The line is not what the index saw: refresh and say so rather than guess.
      await this.host.reindex(path);
      new Notice(t("edit.failed", { item: subtask.text, path, line: subtask.line, reason: t("edit.changed") }));
      return;
    }
    await this.host.applyEdits(path, [edit]);
  }

  /** The active tracks' pace and forecast on the model's day: only their notes are read. */
  private forecastsOf(model: TodayModel): ReadonlyMap<TrackKey, TrackStats> {
    const history = this.host.completions();
    const kept = this.forecasts;
    if (kept?.model === model && kept.version === history.version) return kept.stats;
    const stats = statsOfTracks(this.host.index(), model.date, model.active, history);
    this.forecasts = { model, version: history.version, stats };
    return stats;
  }

  renderNow(): void {
    const container = this.contentEl;
    this.disposeRender?.();
    this.disposeRender = null;
    if (!this.host.isIndexReady()) {
      container.empty();
      container.createDiv({ cls: "bq-empty bq-indexing", text: t("view.indexing") });
      return;
    }
    const scrollTop = container.scrollTop;
    const focusKey = keyOf(container.ownerDocument.activeElement, container);
    const today = this.host.today();
    const date = this.shownDay();
    if (date !== this.shownFor) this.shown.clear(); // another day's lists start short again
    this.shownFor = date;
    const model = this.host.model(date);
    this.disposeRender = renderToday(container, model, {
      today,
      collapsed: this.collapsed,
      shown: this.shown,
      onDay: (day) => this.setDay(day),
      onOpen: ({ path, line }) => void this.host.openAt(path, line),
      onToggle: (item) => void this.host.applyEdits(item.path, [tickEdit(item, this.host.data.settings, this.host.today())]),
      onToggleSubtask: (item, subtask) => void this.toggleSubtask(item, subtask),
      onRollTrack: (track) => this.host.rollPreview(track),
      onArchive: (path) => void archivePlan(this.host, path),
      forecasts: this.forecastsOf(model),
      onOpenProgress: () => void this.host.openProgress(),
    });
    container.scrollTop = scrollTop;
    if (focusKey) findByKey(container, focusKey)?.focus({ preventScroll: true });
  }
}

/** A stable name for a focused row, so the same row gets focus back after a re-render. */
function keyOf(element: Element | null, container: HTMLElement): string | null {
  if (!(element instanceof HTMLElement) || !container.contains(element)) return null;
  if (element.dataset.path) return `row:${element.dataset.path}:${element.dataset.line ?? ""}`;
  const more = element.closest<HTMLElement>(".bq-show-more");
  if (more?.dataset.bqMore) return `more:${more.dataset.bqMore}`;
  const tree = element.closest<HTMLElement>(".tree-item");
  return tree?.dataset.bqKey ? `tree:${tree.dataset.bqKey}` : null;
}

function findByKey(container: HTMLElement, key: string): HTMLElement | null {
  const rows = container.querySelectorAll<HTMLElement>(".bq-focusable");
  for (const row of Array.from(rows)) if (keyOf(row, container) === key) return row;
  return null;
}
