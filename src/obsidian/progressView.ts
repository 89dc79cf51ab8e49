// The Progress view: a heatmap of the vault's completions over the last 26 weeks, and per track a
// burndown (remaining items over time: planned, actual, the forecast at this pace, today). The numbers and
// the geometry come from the core (planner/progress.ts, planner/chartGeometry.ts); this only draws them as
// SVG with the DOM helpers, in theme colours (styles.css), and redraws on changes (only while shown: a
// hidden tab redraws once when it is shown again) and on resize.
import { ItemView, Platform, requireApiVersion, type App, type WorkspaceLeaf } from "obsidian";
import type { IsoDate } from "../core/base";
import type { NoteRecord } from "../core/items";
import { noteLabel, trackKey, type TrackKey } from "../core/items";
import {
  axisTicks, burndown, burndownGeometry, heatmap, heatmapGeometry, noteProgress, MONTHS_EN, oneNotePerName, sharedDomain, type AxisTick, type Burndown, type ChartDomain, type HeatmapDay, type NoteProgress, type TrackDays,
} from "../core/planner";
import { forecastLabel } from "./forecastLabel";
import type { BrainQueueHost } from "./host";
import { currentLanguage, t } from "./i18n";
import { weekdayLabel } from "./todayRender";

export const VIEW_TYPE_PROGRESS = "brain-queue-progress";

/** Burndowns drawn for the other tracks at a time ("Show more"). */
const OTHERS_PAGE = 20;
const CHART_HEIGHT = 120;
/** The width drawn for when the view has none yet (hidden, or a test's DOM without layout). */
const FALLBACK_WIDTH = 320;

/** Reveals the one Progress view, opening it in a new tab when there is none (charts want the room). */
export async function openProgressView(app: App): Promise<void> {
  const { workspace } = app;
  let leaf = workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getLeaf("tab");
    await leaf.setViewState({ type: VIEW_TYPE_PROGRESS, active: true });
  }
  // On a phone the sidebar is a drawer over the note: it closes to show the view.
  if (Platform.isPhone) workspace.rightSplit.collapse();
  if (requireApiVersion("1.7.2")) await workspace.revealLeaf(leaf);
  else workspace.setActiveLeaf(leaf, { focus: true });
}

export class ProgressView extends ItemView {
  /** Each note's part for the day and history version it was worked out for: an edit recounts one note. */
  private parts = new WeakMap<NoteRecord, { key: string; part: NoteProgress }>();
  private frame: number | null = null;
  private width = 0;
  /** The heatmap day whose items are listed (the view's day until one is picked). */
  private picked: IsoDate | null = null;
  /** How many of the other tracks are drawn; 0 while folded. */
  private othersShown = 0;
  /** Something changed while the view was hidden (a tab behind another, a closed dock): it redraws when shown. */
  private stale = false;

  constructor(leaf: WorkspaceLeaf, private readonly host: BrainQueueHost) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE_PROGRESS;
  }

  getDisplayText(): string {
    return t("progress.title");
  }

  override getIcon(): string {
    return "trending-down";
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("bq-progress-view");
    this.register(this.host.onRefresh(() => this.requestRender()));
    // Shown again: Obsidian resizes a tab it selects (onResize) and says the layout changed.
    const redrawIfStale = (): void => {
      if (this.stale) this.requestRender();
    };
    this.registerEvent(this.app.workspace.on("layout-change", redrawIfStale));
    this.registerEvent(this.app.workspace.on("active-leaf-change", redrawIfStale));
    this.renderNow();
  }

  override async onClose(): Promise<void> {
    if (this.frame !== null) window.cancelAnimationFrame(this.frame);
    this.frame = null;
    this.contentEl.empty();
  }

  override onResize(): void {
    if (this.stale || this.measure() !== this.width) this.requestRender();
  }

  /** Redraws in the next frame if the view is shown; a hidden view only notes that it is out of date. */
  requestRender(): void {
    if (!this.containerEl.isShown()) {
      this.stale = true;
      return;
    }
    if (this.frame !== null) return;
    this.frame = window.requestAnimationFrame(() => {
      this.frame = null;
      if (this.containerEl.isShown()) this.renderNow();
      else this.stale = true;
    });
  }

  private measure(): number {
    const style = this.contentEl.ownerDocument.defaultView?.getComputedStyle(this.contentEl);
    const padding = style ? (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0) : 0;
    const width = Math.floor(this.contentEl.clientWidth - padding);
    return width > 0 ? Math.min(width, 720) : FALLBACK_WIDTH;
  }

  renderNow(): void {
    this.stale = false;
    const container = this.contentEl;
    if (!this.host.isIndexReady()) {
      container.empty();
      container.createDiv({ cls: "bq-empty bq-indexing", text: t("view.indexing") });
      return;
    }
    const scrollTop = container.scrollTop;
    this.width = this.measure();
    const day = this.host.today();
    const history = this.host.completions();
    const key = `${day}|${history.version}`;
    const parts: NoteProgress[] = [];
    // Last term's plan beside this term's: a heading in more than one note is named with its note.
    const shared = this.host.index().sharedTrackNames();
    for (const record of this.host.index().notesWithItems()) {
      let kept = this.parts.get(record);
      if (kept?.key !== key) this.parts.set(record, (kept = { key, part: noteProgress(record, day, history) }));
      parts.push(kept.part);
    }
    container.empty();
    const root = container.createDiv({ cls: "bq-progress-page" });
    this.renderHeatmap(root, parts, day, shared);
    this.renderTracks(root, parts, day, shared);
    container.scrollTop = scrollTop;
  }

  private renderHeatmap(root: HTMLElement, parts: NoteProgress[], day: IsoDate, shared: ReadonlySet<string>): void {
    const map = heatmap(parts.flatMap((part) => part.completions), day);
    const section = root.createDiv({ cls: "bq-progress-section bq-heatmap" });
    const head = section.createDiv({ cls: "bq-progress-section-head" });
    head.createSpan({ cls: "bq-progress-section-title", text: t("progress.heatmap") });
    head.createSpan({ cls: "bq-progress-count", text: t("progress.heatmapTotal", { count: map.total }) });
    const geometry = heatmapGeometry(map, this.width);
    const svg = section.createSvg("svg", {
      cls: "bq-heatmap-chart",
      attr: { width: geometry.width, height: geometry.height, viewBox: `0 0 ${geometry.width} ${geometry.height}`, role: "group", "aria-label": t("progress.heatmap") },
    });
    for (const { x, month } of geometry.months) label(svg, x, 10, monthName(month), "start");
    for (const { y, weekday } of geometry.weekdays) label(svg, 0, y + 4, weekdayLabel(`2024-01-0${weekday + 1}`), "start");
    const detail = section.createDiv({ cls: "bq-heatmap-detail", attr: { "aria-live": "polite" } });
    const days = new Map<IsoDate, HeatmapDay>();
    let selected: SVGRectElement | null = null;
    const pick = (found: HeatmapDay, rect: SVGRectElement | null): void => {
      this.picked = found.date;
      selected?.removeClass("is-selected");
      selected = rect;
      rect?.addClass("is-selected");
      showDay(detail, found, shared);
    };
    for (const { x, y, day: cell } of geometry.cells) {
      days.set(cell.date, cell);
      const rect = svg.createSvg("rect", {
        cls: `bq-heat bq-heat-${cell.level}`,
        attr: { x, y, width: geometry.cell, height: geometry.cell, rx: 2, "data-date": cell.date, "aria-label": dayTip(cell, shared) },
      });
      rect.addEventListener("click", () => pick(cell, rect));
      if (cell.date === (this.picked ?? day)) selected = rect;
    }
    selected?.addClass("is-selected");
    const shown = days.get(this.picked ?? day) ?? days.get(day);
    if (shown) showDay(detail, shown, shared);
    const legend = section.createDiv({ cls: "bq-heatmap-legend" });
    legend.createSpan({ text: t("progress.less") });
    const swatches = legend.createSvg("svg", { attr: { width: 5 * 12, height: 10, "aria-hidden": "true" } });
    for (let level = 0; level <= 4; level++) swatches.createSvg("rect", { cls: `bq-heat bq-heat-${level}`, attr: { x: level * 12, y: 0, width: 10, height: 10, rx: 2 } });
    legend.createSpan({ text: t("progress.more") });
  }

  private renderTracks(root: HTMLElement, parts: NoteProgress[], day: IsoDate, shared: ReadonlySet<string>): void {
    const all = parts.flatMap((part) => part.tracks);
    const byKey = new Map<TrackKey, TrackDays>(all.map((days) => [trackKey(days.path, days.track), days]));
    const active = oneNotePerName(this.host.index(), day, this.host.queueState().activeTracks).map((key) => byKey.get(key)).filter((days): days is TrackDays => days !== undefined);
    const activeSet = new Set(active);
    const others = all.filter((days) => !activeSet.has(days));
    const section = root.createDiv({ cls: "bq-progress-section bq-burndowns" });
    if (all.length === 0) {
      section.createDiv({ cls: "bq-empty", text: t("progress.noTracks") });
      return;
    }
    legend(section);
    const shown = others.slice(0, this.othersShown);
    // Every chart drawn shares one time axis, so today and any date sit at one x in all of them.
    const charts = new Map<TrackDays, Burndown>();
    for (const days of [...active, ...shown]) {
      const chart = burndown(days, day);
      if (chart) charts.set(days, chart);
    }
    const domain = sharedDomain([...charts.values()]);
    const axis = domain ? { domain, ticks: axisTicks(domain.start, domain.end, this.host.data.settings.termStart) } : null;
    for (const days of active) this.renderTrack(section, days, charts.get(days), axis, shared);
    if (others.length === 0) return;
    const fold = section.createDiv({ cls: "bq-progress-others" });
    const toggle = fold.createEl("button", { cls: "bq-progress-others-toggle", text: t("progress.otherTracks", { count: others.length }), attr: { type: "button", "aria-expanded": String(this.othersShown > 0) } });
    toggle.addEventListener("click", () => {
      this.othersShown = this.othersShown > 0 ? 0 : OTHERS_PAGE;
      this.renderNow();
    });
    for (const days of shown) this.renderTrack(fold, days, charts.get(days), axis, shared);
    if (this.othersShown > 0 && others.length > shown.length) {
      const more = fold.createEl("button", { cls: "bq-progress-others-more", text: t("view.showMoreTracks", { count: Math.min(OTHERS_PAGE, others.length - shown.length) }), attr: { type: "button" } });
      more.addEventListener("click", () => {
        this.othersShown += OTHERS_PAGE;
        this.renderNow();
      });
    }
  }

  private renderTrack(parent: HTMLElement, days: TrackDays, chart: Burndown | undefined, axis: SharedAxis | null, shared: ReadonlySet<string>): void {
    if (!chart || !axis) return;
    const card = parent.createDiv({ cls: "bq-burndown", attr: { "data-track": days.track, "data-path": days.path } });
    const head = card.createDiv({ cls: "bq-burndown-head" });
    const name = head.createEl("a", { cls: "bq-burndown-name", text: days.track, attr: { href: "#" } });
    name.addEventListener("click", (event) => {
      event.preventDefault();
      void this.host.openAt(days.path, Math.max(1, days.line));
    });
    const note = noteLabel(days.path, days.track, shared);
    if (note !== null) head.createSpan({ cls: "bq-track-note", text: note });
    const label = forecastLabel(chart.stats);
    if (label) head.createSpan({ cls: `bq-forecast bq-forecast-${label.kind}`, text: label.text, attr: { "aria-label": label.tip } });
    drawBurndown(card, chart, axis, this.width, trackTitle(days.track, note));
  }
}

/** The time axis all the view's burndowns share. */
interface SharedAxis {
  domain: ChartDomain;
  ticks: AxisTick[];
}

function drawBurndown(parent: HTMLElement, chart: Burndown, axis: SharedAxis, width: number, track: string): void {
  const g = burndownGeometry(chart, axis.ticks, width, CHART_HEIGHT, axis.domain, currentLanguage());
  const remaining = chart.actual[chart.actual.length - 1].remaining;
  const svg = parent.createSvg("svg", {
    cls: "bq-burndown-chart",
    attr: { width: g.width, height: g.height, viewBox: `0 0 ${g.width} ${g.height}`, role: "img", "aria-label": t("progress.chart", { track, remaining, total: chart.total }) },
  });
  const { plot } = g;
  line(svg, "bq-chart-axis", plot.left, plot.bottom, plot.right, plot.bottom);
  line(svg, "bq-chart-axis", plot.left, plot.top, plot.left, plot.bottom);
  for (const { y, value } of g.yTicks) label(svg, plot.left - 4, y + 4, String(value), "end");
  for (const { x, label: text } of g.xTicks) {
    line(svg, "bq-chart-tick", x, plot.bottom, x, plot.bottom + 3);
    label(svg, x, g.height - 4, text, "middle");
  }
  line(svg, "bq-burndown-today", g.today, plot.top, g.today, plot.bottom);
  svg.createSvg("path", { cls: "bq-burndown-planned", attr: { d: g.planned } });
  svg.createSvg("path", { cls: "bq-burndown-actual", attr: { d: g.actual } });
  if (g.forecast) {
    const f = g.forecast;
    line(svg, "bq-burndown-forecast", f.x1, f.y1, f.x2, f.y2);
    if (g.forecastEnd) label(svg, g.forecastEnd.x, g.forecastEnd.y, g.forecastEnd.text, "end");
  }
  const last = chart.actual[chart.actual.length - 1];
  svg.createSvg("circle", { cls: "bq-burndown-now", attr: { cx: g.today, cy: g.forecast?.y1 ?? plot.bottom - ((plot.bottom - plot.top) * last.remaining) / chart.total, r: 2.5 } });
}

function legend(parent: HTMLElement): void {
  const row = parent.createDiv({ cls: "bq-burndown-legend" });
  for (const [cls, text] of [["bq-burndown-planned", t("progress.planned")], ["bq-burndown-actual", t("progress.actual")], ["bq-burndown-forecast", t("progress.forecast")], ["bq-burndown-today", t("view.today")]] as const) {
    const item = row.createSpan({ cls: "bq-burndown-legend-item" });
    const swatch = item.createSvg("svg", { attr: { width: 16, height: 8, "aria-hidden": "true" } });
    swatch.createSvg("line", { cls, attr: cls === "bq-burndown-today" ? { x1: 8, y1: 0, x2: 8, y2: 8 } : { x1: 0, y1: 4, x2: 16, y2: 4 } });
    item.createSpan({ text });
  }
}

function line(svg: SVGElement, cls: string, x1: number, y1: number, x2: number, y2: number): void {
  svg.createSvg("line", { cls, attr: { x1, y1, x2, y2 } });
}

function label(svg: SVGElement, x: number, y: number, text: string, anchor: "start" | "middle" | "end"): void {
  svg.createSvg("text", { cls: "bq-chart-label", attr: { x, y, "text-anchor": anchor } }).textContent = text;
}

function monthName(month: number): string {
  return currentLanguage() === "zh" ? `${month}月` : (MONTHS_EN[month - 1] ?? "");
}

/** A track's name in running text, with its note when the heading is in more than one: "TIME (2020 规划)". */
function trackTitle(track: string, note: string | null): string {
  return note === null ? track : t("progress.trackInNote", { track, note });
}

/** "2021-04-28: 3 completed", then one line per track: "CUDA C编程权威指南: 3.1, 3.2". */
function dayTip(day: HeatmapDay, shared: ReadonlySet<string>): string {
  const head = day.count === 0 ? t("progress.dayNone", { date: day.date }) : t("progress.dayCount", { date: day.date, count: day.count });
  const lines = day.tracks.map((group) => t("progress.dayTrack", { track: trackTitle(group.track, noteLabel(group.path, group.track, shared)), items: group.texts.join(", ") }));
  return [head, ...lines].join("\n");
}

function showDay(detail: HTMLElement, day: HeatmapDay, shared: ReadonlySet<string>): void {
  detail.empty();
  detail.createDiv({ cls: "bq-heatmap-detail-day", text: day.count === 0 ? t("progress.dayNone", { date: day.date }) : t("progress.dayCount", { date: day.date, count: day.count }) });
  for (const group of day.tracks) {
    const row = detail.createDiv({ cls: "bq-heatmap-detail-track" });
    row.createSpan({ cls: "bq-heatmap-detail-name", text: group.track });
    const note = noteLabel(group.path, group.track, shared);
    if (note !== null) row.createSpan({ cls: "bq-track-note", text: note });
    row.createSpan({ cls: "bq-heatmap-detail-items", text: group.texts.join(" · ") });
  }
}
