// The Progress view's numbers: burndown steps, the forecast line, the axis' ticks, the heatmap's days,
// and where a chart of a given width puts them. Notes in a planner's shapes, the day pinned.
import { describe, expect, it } from "vitest";
import { VaultIndex } from "../../src/core/index";
import { CompletionHistory } from "../../src/core/planner/history";
import { axisTicks, burndown, heatmap, noteProgress, statsOfDays, TERM_WEEKS, type AxisTick, type CompletedItem, type TrackDays } from "../../src/core/planner/progress";
import { burndownGeometry, heatmapGeometry, labelWidth, MIN_TICK_GAP, sharedDomain, type BurndownGeometry } from "../../src/core/planner/chartGeometry";
import { vaultStats } from "../../src/core/planner/vaultStats";

const DAY = "2021-04-10"; // a Saturday; the pace window is 2021-03-28 … 2021-04-10

const NOTE = [
  "## CUDA C编程权威指南",
  "",
  "**第1章　基于CUDA的异构并行计算**",
  "",
  "- [x] 1.1　并行计算\t\t2021/4/02",
  "- [x] 1.2　异构计算\t\t2021/4/05",
  "- [ ] 1.3　用GPU输出Hello World\t2021/4/12",
  "- [-] 1.4　取消的一节\t2021/4/15",
  "- [ ] 2.1　CUDA编程模型概述\t2021/4/20",
  "- [ ] 2021/04/22    ",
  "",
  "## 深度学习工程师",
  "",
  "- [x] 2021/3/1  第一周 深度学习概论",
  "- [ ] 2021/3/8  第二周 神经网络基础",
  "- [x] 2021/3/15 ~ 2021/3/21 第三周 浅层神经网络",
  "",
].join("\n");

function indexOf(text = NOTE): VaultIndex {
  const index = new VaultIndex();
  index.update("学期计划.md", text);
  return index;
}

const cuda = (): TrackDays => noteProgress(indexOf().note("学期计划.md")!, DAY).tracks[0];

describe("noteProgress", () => {
  it("gives each track's counted items as planned and completion days, and stats equal to vaultStats'", () => {
    const index = indexOf();
    const history = new CompletionHistory();
    history.add([{ device: "phone", seq: 0, at: 1, path: "学期计划.md", text: "第三周 浅层神经网络", occurrence: 0, day: "2021-04-09" }]);
    const part = noteProgress(index.note("学期计划.md")!, DAY, history);
    expect(part.tracks).toEqual([
      { path: "学期计划.md", track: "CUDA C编程权威指南", line: 1, planned: [20210402, 20210405, 20210412, 20210420], completed: [20210402, 20210405] },
      { path: "学期计划.md", track: "深度学习工程师", line: 12, planned: [20210301, 20210308, 20210321], completed: [20210301, 20210409] },
    ]);
    expect(part.completions).toEqual([
      { day: 20210402, path: "学期计划.md", track: "CUDA C编程权威指南", text: "1.1　并行计算" },
      { day: 20210405, path: "学期计划.md", track: "CUDA C编程权威指南", text: "1.2　异构计算" },
      { day: 20210301, path: "学期计划.md", track: "深度学习工程师", text: "第一周 深度学习概论" },
      { day: 20210409, path: "学期计划.md", track: "深度学习工程师", text: "第三周 浅层神经网络" },
    ]);
    const whole = vaultStats(index, DAY, history).tracks;
    for (const days of part.tracks) expect(whole.find((t) => t.track === days.track)).toMatchObject(statsOfDays(days, DAY));
  });
});

describe("burndown", () => {
  it("steps down on planned days and on completion days, and forecasts the rest at this pace", () => {
    const chart = burndown(cuda(), DAY)!;
    expect(chart).toMatchObject({
      total: 4,
      start: "2021-04-01",
      // 2 done in the window, 2 left: D + 14 − 1; the plan ends on 04-20.
      end: "2021-04-23",
      planned: [
        { day: "2021-04-01", remaining: 4 }, { day: "2021-04-02", remaining: 3 }, { day: "2021-04-05", remaining: 2 },
        { day: "2021-04-12", remaining: 1 }, { day: "2021-04-20", remaining: 0 },
      ],
      actual: [{ day: "2021-04-01", remaining: 4 }, { day: "2021-04-02", remaining: 3 }, { day: "2021-04-05", remaining: 2 }],
      forecast: { to: { day: "2021-04-23", remaining: 0 }, projectedEnd: "2021-04-23", clipped: false },
    });
    expect(chart.stats).toMatchObject({ plannedEnd: "2021-04-20", projectedEnd: "2021-04-23", slipDays: 3 });
  });

  it("several items on one day are one step; a far forecast is cut where the axis ends", () => {
    const open = Array.from({ length: 40 }, (_, i) => 20210411 + (i % 10));
    const days: TrackDays = { path: "p.md", track: "LeetCode", line: 1, planned: [20210409, 20210409, ...open].sort((a, b) => a - b), completed: [20210409, 20210409] };
    const chart = burndown(days, DAY)!;
    expect(chart.actual).toEqual([{ day: "2021-04-08", remaining: 42 }, { day: "2021-04-09", remaining: 40 }]);
    // 14 × 40 / 2 = 280 days → 2022-01-14; the axis ends 28 days after the plan's end (04-20).
    expect(chart.stats.projectedEnd).toBe("2022-01-14");
    expect(chart.end).toBe("2021-05-18");
    expect(chart.forecast).toEqual({ to: { day: "2021-05-18", remaining: 40 * (1 - 38 / 279) }, projectedEnd: "2022-01-14", clipped: true });
  });

  it("no pace: no forecast, and the axis ends with the plan; an empty track has no chart", () => {
    const days = noteProgress(indexOf().note("学期计划.md")!, DAY).tracks[1];
    const chart = burndown(days, DAY)!;
    expect(chart.forecast).toBeNull();
    expect(chart).toMatchObject({ start: "2021-02-28", end: DAY });
    expect(burndown({ path: "p.md", track: "空", line: 1, planned: [], completed: [] }, DAY)).toBeNull();
  });
});

describe("axisTicks", () => {
  it("term weeks from the term start when set, else the firsts of months", () => {
    expect(axisTicks("2021-03-20", "2021-04-20", "2021-03-01").map((t) => `${t.day} W${t.n}`)).toEqual([
      "2021-03-22 W4", "2021-03-29 W5", "2021-04-05 W6", "2021-04-12 W7", "2021-04-19 W8",
    ]);
    expect(axisTicks("2021-03-20", "2021-05-20", null)).toEqual([{ day: "2021-04-01", kind: "month", n: 4, year: 2021 }, { day: "2021-05-01", kind: "month", n: 5, year: 2021 }]);
    // A term that starts after the axis: months.
    expect(axisTicks("2021-11-20", "2022-01-05", "2022-02-28").map((t) => t.day)).toEqual(["2021-12-01", "2022-01-01"]);
    // The weeks before the term are not term weeks.
    expect(axisTicks("2021-02-01", "2021-03-10", "2021-03-01").map((t) => t.n)).toEqual([1, 2]);
  });

  it("term weeks only within the term, months before and after it", () => {
    const names = (ticks: AxisTick[]): string[] => ticks.map((t) => (t.kind === "week" ? `W${t.n}` : t.day));
    // Data in March–May, a forecast that reaches into a term starting 2021-08-30: months where the data is.
    expect(names(axisTicks("2021-02-28", "2021-10-20", "2021-08-30"))).toEqual([
      "2021-03-01", "2021-04-01", "2021-05-01", "2021-06-01", "2021-07-01", "2021-08-01", "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8",
    ]);
    // The term's TERM_WEEKS end on 2022-01-16; 2022-01-01 is in week 18.
    expect(TERM_WEEKS).toBe(20);
    expect(names(axisTicks("2021-12-20", "2022-03-05", "2021-08-30"))).toEqual(["W17", "W18", "W19", "W20", "2022-02-01", "2022-03-01"]);
  });
});

describe("heatmap", () => {
  const item = (day: number, track: string, text: string): CompletedItem => ({ day, path: "学期计划.md", track, text });

  it("26 weeks of days, Monday first, ending with D's week; levels by the busiest day; items by track", () => {
    const map = heatmap([
      item(20210405, "LeetCode", "两数之和"),
      item(20210409, "LeetCode", "三数之和"),
      item(20210409, "CUDA C编程权威指南", "2.1　CUDA编程模型概述"),
      item(20210409, "LeetCode", "四数之和"),
      item(20210409, "LeetCode", "爬楼梯"),
      item(20201011, "LeetCode", "before the first Monday"),
      item(20210411, "LeetCode", "after D"),
    ], DAY);
    expect(map.first).toBe("2020-10-12");
    expect(map.weeks).toHaveLength(26);
    expect(map.weeks.every((week) => week.length === 7)).toBe(true);
    const last = map.weeks[25];
    expect(last.map((d) => d?.date ?? null)).toEqual(["2021-04-05", "2021-04-06", "2021-04-07", "2021-04-08", "2021-04-09", DAY, null]);
    expect({ total: map.total, max: map.max }).toEqual({ total: 5, max: 4 });
    expect(last[0]).toMatchObject({ count: 1, level: 1 });
    expect(last[4]).toEqual({
      date: "2021-04-09", count: 4, level: 4,
      tracks: [
        { track: "LeetCode", path: "学期计划.md", texts: ["三数之和", "四数之和", "爬楼梯"] },
        { track: "CUDA C编程权威指南", path: "学期计划.md", texts: ["2.1　CUDA编程模型概述"] },
      ],
    });
    expect(map.weeks[0][0]).toMatchObject({ date: "2020-10-12", count: 0, level: 0 });
  });
});

describe("chart geometry", () => {
  it("a burndown's steps, forecast and today marker in pixels", () => {
    const chart = burndown(cuda(), DAY)!;
    const g = burndownGeometry(chart, axisTicks(chart.start, chart.end, null), 300, 120);
    expect(g.plot).toEqual({ left: 28, top: 6, right: 292, bottom: 102 });
    // 22 days over 264 px: 12 px a day; 4 items over 96 px: 24 px an item.
    expect(g.planned).toBe("M28 6H40V30H76V54H160V78H256V102H292");
    expect(g.actual).toBe("M28 6H40V30H76V54H136");
    expect(g.today).toBe(136);
    expect(g.forecast).toEqual({ x1: 136, y1: 54, x2: 292, y2: 102 });
    expect(g.yTicks).toEqual([{ y: 102, value: 0 }, { y: 6, value: 4 }]);
    expect(g.xTicks).toEqual([]); // no first of a month after 04-01 within the axis
  });

  it("burndowns on one shared domain put today at the same x, each track's steps at its own days", () => {
    const short = burndown(cuda(), DAY)!;
    const long = burndown({ path: "p.md", track: "深度学习工程师", line: 12, planned: [20210301, 20210308, 20210321], completed: [20210301, 20210321] }, DAY)!;
    expect([short.start, short.end, long.start, long.end]).toEqual(["2021-04-01", "2021-04-23", "2021-02-28", "2021-04-10"]);
    const domain = sharedDomain([short, long])!;
    expect(domain).toEqual({ start: "2021-02-28", end: "2021-04-23" });
    // 54 days over 264 px.
    const a = burndownGeometry(short, axisTicks(domain.start, domain.end, null), 300, 120, domain);
    const b = burndownGeometry(long, axisTicks(domain.start, domain.end, null), 300, 120, domain);
    expect(a.today).toBe(b.today);
    expect(a.today).toBe(Math.round((28 + (264 * 41) / 54) * 10) / 10); // 2021-04-10 is day 41
    // The short track starts where its first day falls, not at the y axis; both plans run to the domain's end.
    expect(a.planned.startsWith(`M${Math.round((28 + (264 * 32) / 54) * 10) / 10} 6`)).toBe(true);
    expect(a.planned.endsWith("H292")).toBe(true);
    expect(b.planned.startsWith("M28 6")).toBe(true);
    expect(b.planned.endsWith("H292")).toBe(true);
    expect(a.xTicks.map((t) => t.tick.day)).toEqual(b.xTicks.map((t) => t.tick.day));
    // Today is in the domain even when no chart reaches it, and no charts have no domain.
    expect(sharedDomain([{ ...short, end: "2021-04-05", today: DAY }])).toEqual({ start: "2021-04-01", end: DAY });
    expect(sharedDomain([])).toBeNull();
  });

  it("keeps labelled ticks at least MIN_TICK_GAP apart by taking every n-th week", () => {
    const days: TrackDays = { path: "p.md", track: "T", line: 1, planned: [20210301, 20210701], completed: [] };
    const chart = burndown(days, DAY)!;
    const ticks = axisTicks(chart.start, chart.end, "2021-03-01");
    const g = burndownGeometry(chart, ticks, 300, 120);
    expect(ticks.length).toBe(18);
    const xs = g.xTicks.map((t) => t.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(MIN_TICK_GAP);
    // Week 1 starts 2 px right of the y axis, where its label would cover the axis' "0": left out.
    expect(g.xTicks.map((t) => t.tick.n)).toEqual([4, 7, 10, 13, 16]);
    expect(xs[0]).toBeGreaterThanOrEqual(g.plot.left + 14);
  });

  it("month labels carry the year on the first and at each January, in English and in Chinese", () => {
    const chart = burndown({ path: "p.md", track: "T", line: 1, planned: [20210410, 20220215], completed: [] }, DAY)!;
    expect([chart.start, chart.end]).toEqual(["2021-04-09", "2022-02-15"]);
    const ticks = axisTicks(chart.start, chart.end, null);
    expect(burndownGeometry(chart, ticks, 700, 120).xTicks.map((t) => t.label)).toEqual([
      "2021 May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "2022 Jan", "Feb",
    ]);
    expect(burndownGeometry(chart, ticks, 700, 120, chart, "zh").xTicks.map((t) => t.label)).toEqual([
      "2021年5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "2022年1月", "2月",
    ]);
  });

  it("labels months where the data is and term weeks in the term, none touching another or an edge", () => {
    const chart = burndown({ path: "p.md", track: "T", line: 1, planned: [20210301, 20210520], completed: [] }, DAY)!;
    const domain = { start: "2021-02-28", end: "2021-10-20" };
    const ticks = axisTicks(domain.start, domain.end, "2021-08-30");
    const clear = (g: BurndownGeometry): void => {
      const spans = g.xTicks.map((t) => [t.x - labelWidth(t.label) / 2, t.x + labelWidth(t.label) / 2]);
      expect(spans[0][0]).toBeGreaterThanOrEqual(g.plot.left);
      expect(spans[spans.length - 1][1]).toBeLessThanOrEqual(g.width);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
    };
    const wide = burndownGeometry(chart, ticks, 700, 120, domain);
    // March 1st sits on the y axis: its label would cover the "0", so April carries the year.
    expect(wide.xTicks.map((t) => t.label)).toEqual(["2021 Apr", "May", "Jun", "Jul", "Aug", "W1", "W4", "W7"]);
    clear(wide);
    const phone = burndownGeometry(chart, ticks, 358, 120, domain, "zh");
    expect(phone.xTicks.map((t) => t.label)).toEqual(["2021年4月", "5月", "6月", "7月", "8月", "第1周", "第7周"]);
    clear(phone);
  });

  it("a cut forecast's end date is written clear of its dashed line, inside the plot", () => {
    const open = Array.from({ length: 40 }, (_, i) => 20210411 + (i % 10));
    const chart = burndown({ path: "p.md", track: "T", line: 1, planned: [20210409, 20210409, ...open].sort((a, b) => a - b), completed: [20210409, 20210409] }, DAY)!;
    for (const width of [358, 700]) {
      const g = burndownGeometry(chart, [], width, 120);
      const f = g.forecast!;
      const label = g.forecastEnd!;
      expect(label.text).toBe("→ 2022-01-14");
      // The text's box (anchored at its end, 10 px font) against the line under each of its columns.
      const [left, right, top, bottom] = [label.x - labelWidth(label.text), label.x, label.y - 9, label.y + 2];
      expect(left).toBeGreaterThanOrEqual(g.plot.left);
      expect(right).toBeLessThanOrEqual(g.width);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(bottom).toBeLessThanOrEqual(g.plot.bottom);
      for (let x = Math.max(left, f.x1); x <= right; x++) {
        const lineY = f.y1 + ((f.y2 - f.y1) * (x - f.x1)) / (f.x2 - f.x1);
        expect(lineY < top - 1 || lineY > bottom + 1).toBe(true);
      }
    }
    expect(burndownGeometry(burndown(cuda(), DAY)!, [], 300, 120).forecastEnd).toBeNull(); // a forecast that ends on the axis
  });

  it("a heatmap's cells fit the width, with month names where a column starts a month", () => {
    const map = heatmap([], DAY);
    const g = heatmapGeometry(map, 300);
    expect({ width: g.width, height: g.height, cell: g.cell }).toEqual({ width: 286, height: 84, cell: 8 });
    expect(g.cells).toHaveLength(25 * 7 + 6);
    expect(g.cells[7]).toMatchObject({ x: 36, y: 14 });
    expect(g.months.map((m) => m.month)).toEqual([11, 12, 1, 2, 3, 4]);
    expect(heatmapGeometry(map, 1200).cell).toBe(15); // large screens: cells stop growing
    expect(heatmapGeometry(map, 150).width).toBe(26 + 26 * 7); // and never shrink below 7 px a column
  });
});
