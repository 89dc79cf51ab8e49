// Where the Progress view's charts put things, in CSS pixels for a given width: pure numbers, so the
// view only creates the SVG elements and the tests check the geometry on numbers. Coordinates are
// rounded to a tenth of a pixel.
import { addDays, daysBetween, type IsoDate } from "../base";
import type { AxisTick, Burndown, Heatmap, HeatmapDay } from "./progress";

const round = (v: number): number => Math.round(v * 10) / 10;

export interface BurndownGeometry {
  width: number;
  height: number;
  /** The plotting area; the axes' labels go outside it. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** SVG path data: steps, horizontal then vertical. */
  planned: string;
  actual: string;
  forecast: { x1: number; y1: number; x2: number; y2: number } | null;
  /** A cut forecast's end date ("→ 2022-01-14"), right-aligned at x on baseline y, clear of the dashed line. */
  forecastEnd: { x: number; y: number; text: string } | null;
  /** D's x. */
  today: number;
  /** The ticks kept (labels clear of each other and of the edges), with their x and label. */
  xTicks: { x: number; tick: AxisTick; label: string }[];
  /** 0 and the total, at their y. */
  yTicks: { y: number; value: number }[];
}

/** The least room between two labelled ticks. */
export const MIN_TICK_GAP = 40;
const WEEK_STRIDES = [1, 2, 3, 4, 6, 8, 12, 13, 26, 52];
/** Divisors of 12, so January is always among the months kept. */
const MONTH_STRIDES = [1, 2, 3, 4, 6, 12];
/** Room between two labels, and between a label and the y axis' labels. */
const LABEL_GAP = 6;

export type AxisLanguage = "en" | "zh";

export const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "W8"/"第8周"; "May"/"5月", with the year when asked ("2021 May", "2021年5月"). */
export function tickLabel(tick: AxisTick, language: AxisLanguage, withYear: boolean): string {
  if (tick.kind === "week") return language === "zh" ? `第${tick.n}周` : `W${tick.n}`;
  if (language === "zh") return withYear ? `${tick.year}年${tick.n}月` : `${tick.n}月`;
  const name = MONTHS_EN[tick.n - 1] ?? "";
  return withYear ? `${tick.year} ${name}` : name;
}

/** A label's width at the charts' 10 px font, a little generous: CJK characters are square, others about 0.6 em. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 10 : 6;
  return width;
}

/** The days a chart's x axis runs over. */
export interface ChartDomain {
  start: IsoDate;
  end: IsoDate;
}

/** One domain for several burndowns (their spans and today), so today and every date sit at one x in all of them. */
export function sharedDomain(charts: readonly Burndown[]): ChartDomain | null {
  if (charts.length === 0) return null;
  let { start, end } = charts[0];
  for (const chart of charts) {
    if (chart.start < start) start = chart.start;
    if (chart.end > end) end = chart.end;
    if (chart.today > end) end = chart.today;
    if (chart.today < start) start = chart.today;
  }
  return { start, end };
}

/** A burndown in pixels; on `domain` (default: its own span) so charts drawn on one domain line up. */
export function burndownGeometry(
  chart: Burndown, ticks: readonly AxisTick[], width: number, height: number, domain: ChartDomain = chart, language: AxisLanguage = "en",
): BurndownGeometry {
  const plot = { left: 28, top: 6, right: width - 8, bottom: height - 18 };
  const span = Math.max(1, daysBetween(domain.start, domain.end));
  const x = (day: IsoDate): number => round(plot.left + ((plot.right - plot.left) * daysBetween(domain.start, day)) / span);
  const y = (remaining: number): number => round(plot.bottom - ((plot.bottom - plot.top) * remaining) / chart.total);
  const stepPath = (points: readonly { day: IsoDate; remaining: number }[], until: IsoDate): string => {
    let d = `M${x(points[0].day)} ${y(points[0].remaining)}`;
    for (const point of points.slice(1)) d += `H${x(point.day)}V${y(point.remaining)}`;
    return `${d}H${x(until)}`;
  };
  const forecast = chart.forecast
    ? { x1: x(chart.today), y1: y(chart.actual[chart.actual.length - 1].remaining), x2: x(chart.forecast.to.day), y2: y(chart.forecast.to.remaining) }
    : null;
  const forecastEnd = forecast && chart.forecast?.clipped ? placeForecastEnd(forecast, `→ ${chart.forecast.projectedEnd}`, plot) : null;
  const placed = ticks.map((tick) => ({ x: x(tick.day), tick })).filter((t) => t.x >= plot.left && t.x <= plot.right);
  return {
    width,
    height,
    plot,
    planned: stepPath(chart.planned, domain.end),
    actual: stepPath(chart.actual, chart.today),
    forecast,
    forecastEnd,
    today: x(chart.today),
    xTicks: labelled(thin(placed), plot.left + LABEL_GAP, width, language),
    yTicks: [{ y: y(0), value: 0 }, { y: y(chart.total), value: chart.total }],
  };
}

/**
 * Under the line's end when there is room above the x axis (the line falls to the right, so everything left of
 * its end is higher), else above it, as high as the line is at the text's left edge.
 */
function placeForecastEnd(
  f: { x1: number; y1: number; x2: number; y2: number }, text: string, plot: BurndownGeometry["plot"],
): { x: number; y: number; text: string } {
  if (f.y2 + 13 <= plot.bottom) return { x: f.x2, y: round(f.y2 + 11), text };
  const left = Math.max(f.x1, f.x2 - labelWidth(text));
  const lineY = f.x2 === f.x1 ? f.y1 : f.y1 + ((f.y2 - f.y1) * (left - f.x1)) / (f.x2 - f.x1);
  return { x: f.x2, y: round(Math.max(9, lineY - 4)), text };
}

/** Per kind, every s-th tick (weeks 1, 1+s, …; months likewise), s the least stride that keeps them MIN_TICK_GAP apart. */
function thin(placed: { x: number; tick: AxisTick }[]): { x: number; tick: AxisTick }[] {
  const stride = (kind: AxisTick["kind"], strides: number[]): number => {
    const same = placed.filter((t) => t.tick.kind === kind);
    let gap = Infinity;
    for (let i = 1; i < same.length; i++) gap = Math.min(gap, same[i].x - same[i - 1].x);
    return strides.find((s) => s * gap >= MIN_TICK_GAP) ?? strides[strides.length - 1];
  };
  const weeks = stride("week", WEEK_STRIDES);
  const months = stride("month", MONTH_STRIDES);
  return placed.filter(({ tick }) => (tick.n - 1) % (tick.kind === "week" ? weeks : months) === 0);
}

/**
 * Labels left to right, each dropped when it would touch the one before (where weeks meet months) or stick out
 * of `left` … `right`. A month shows its year when it is the first month labelled or its year differs from the last one's.
 */
function labelled(ticks: { x: number; tick: AxisTick }[], left: number, right: number, language: AxisLanguage): BurndownGeometry["xTicks"] {
  const out: BurndownGeometry["xTicks"] = [];
  let edge = left;
  let year: number | null = null;
  for (const { x, tick } of ticks) {
    const label = tickLabel(tick, language, tick.kind === "month" && tick.year !== year);
    const half = labelWidth(label) / 2;
    if (x - half < edge || x + half > right) continue;
    out.push({ x, tick, label });
    edge = x + half + LABEL_GAP;
    if (tick.kind === "month") year = tick.year;
  }
  return out;
}

export interface HeatmapGeometry {
  width: number;
  height: number;
  cell: number;
  /** The cells of days up to D: their top-left corners. */
  cells: { x: number; y: number; day: HeatmapDay }[];
  /** A month's name above the first column that starts in it (not the first column: its month may be cut). */
  months: { x: number; month: number }[];
  /** Monday, Wednesday and Friday's rows, for their labels. */
  weekdays: { y: number; weekday: number }[];
}

/** The heatmap for a width: cells as large as fit (6 to 16 px) with a label column on the left and month names above. */
export function heatmapGeometry(map: Heatmap, width: number): HeatmapGeometry {
  const left = 26;
  const top = 14;
  const columns = map.weeks.length;
  const pitch = Math.max(7, Math.min(18, Math.floor((width - left) / columns)));
  const gap = pitch >= 11 ? 3 : 2;
  const cell = pitch - gap;
  const cells: HeatmapGeometry["cells"] = [];
  const months: HeatmapGeometry["months"] = [];
  map.weeks.forEach((column, w) => {
    column.forEach((day, d) => {
      if (day) cells.push({ x: left + w * pitch, y: top + d * pitch, day });
    });
    const monday = addDays(map.first, w * 7);
    const month = Number(monday.slice(5, 7));
    if (w > 0 && month !== Number(addDays(monday, -7).slice(5, 7))) months.push({ x: left + w * pitch, month });
  });
  return {
    width: left + columns * pitch,
    height: top + 7 * pitch,
    cell,
    cells,
    months,
    weekdays: [0, 2, 4].map((weekday) => ({ y: top + weekday * pitch + cell / 2, weekday })),
  };
}
