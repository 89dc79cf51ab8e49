// Markdown blocks the synthetic notes are made of. Each returns its lines without a trailing blank line.
import { addDays } from "../../src/core/base";
import {
  EN_PROSE, LINKS, SECTION_TITLES, TRACK_NAMES, ZH_PROSE, pickDate, spellDate, spellRange, task,
} from "./fragments";
import type { Rng } from "./prng";

type Block = (rng: Rng) => string[];

function status(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.55) return " ";
  if (roll < 0.9) return "x";
  return rng.pick(["X", "-", "/", ">"]);
}

/** One list's marker style: mostly `-`, sometimes `*`, `+`, `1.` or `1)`. */
function markerStyle(rng: Rng): (n: number) => string {
  const roll = rng.next();
  if (roll < 0.8) return () => "-";
  if (roll < 0.87) return () => "*";
  if (roll < 0.92) return () => "+";
  if (roll < 0.98) return (n) => `${n + 1}.`;
  return (n) => `${n + 1})`;
}

const isCjk = (text: string): boolean => /[\u4e00-\u9fff]$/.test(text);

/** Date first, then text after spaces or a tab: `- [ ] 2021/03/28    阅读…`; sometimes an empty slot. */
function dateFirstLine(rng: Rng, marker: string, english: boolean): string {
  const date = spellDate(rng, pickDate(rng));
  if (rng.chance(0.04)) return `${marker} [ ] ${date}${rng.pick(["", "    ", "   ", "  "])}`;
  return `${marker} [${status(rng)}] ${date}${rng.pick(["    ", "  ", " ", "\t"])}${task(rng, english)}`;
}

/** Text first, date at the end after tabs, aligned spaces, U+3000, or glued: `- [ ] 4.5\u3000矩阵加法2021/4/07`. */
function dateLastLine(rng: Rng, marker: string, numbering: string, english: boolean): string {
  const text = `${numbering}${task(rng, english)}`;
  const gaps = ["\t\t", "\t", " ".repeat(rng.int(2, 18)), "\u3000", "\u3000\u3000", " "];
  if (isCjk(text)) gaps.push("");
  return `${marker} [${status(rng)}] ${text}${rng.pick(gaps)}${spellDate(rng, pickDate(rng))}`;
}

const datesFirst: Block = (rng) => {
  const marker = markerStyle(rng);
  const english = rng.chance(0.3);
  const loose = rng.chance(0.4);
  const lines: string[] = [];
  const count = rng.int(3, 12);
  for (let n = 0; n < count; n++) {
    if (loose && n > 0) lines.push("");
    if (rng.chance(0.08)) lines.push(`${marker(n)} [ ] ${task(rng, english)}`); // undated sibling: not an item
    else lines.push(dateFirstLine(rng, marker(n), english));
    if (loose && rng.chance(0.05)) lines.push("", `  ${rng.pick(ZH_PROSE)}`);
  }
  return lines;
};

const chapter: Block = (rng) => {
  const chapterNo = rng.int(1, 12);
  const lines = [`**${rng.pick(SECTION_TITLES).replace("%", `${chapterNo}`)}**`, ""];
  const english = rng.chance(0.2);
  const count = rng.int(3, 7);
  for (let k = 1; k <= count; k++) {
    lines.push(dateLastLine(rng, "-", `${chapterNo}.${k}\u3000`, english), "");
  }
  lines.push(`  ${chapterNo}.${count + 1}\u3000总结`, "", `  ${chapterNo}.${count + 2}\u3000习题`);
  return lines;
};

const tasksPlugin: Block = (rng) => {
  const lines: string[] = [];
  for (let n = rng.int(3, 12); n > 0; n--) {
    const iso = pickDate(rng);
    const form = rng.pick([`📅 ${iso}`, `📅 ${iso}`, `⏳ ${iso}`, `[due:: ${iso}]`]);
    lines.push(`- [${status(rng)}] ${task(rng, rng.chance(0.6))} ${form}`);
  }
  return lines;
};

const nested: Block = (rng) => {
  const lines: string[] = [];
  for (let n = rng.int(1, 3); n > 0; n--) {
    const indent = rng.pick(["  ", "    ", "\t"]);
    lines.push(rng.chance(0.5) ? dateLastLine(rng, "-", "", false) : dateFirstLine(rng, "-", rng.chance(0.3)));
    for (let s = rng.int(1, 4); s > 0; s--) lines.push(`${indent}- [${status(rng)}] ${task(rng, rng.chance(0.3))}`);
    if (rng.chance(0.2)) lines.push(`${indent}- [ ] ${spellDate(rng, pickDate(rng))}  ${task(rng, false)}`); // dated child
  }
  return lines;
};

const callout: Block = (rng) => {
  const lines = [rng.pick(["> [!todo] 本周", "> [!todo]- This week", "> [!note] 安排"])];
  for (let n = rng.int(2, 6); n > 0; n--) {
    lines.push(`> ${rng.chance(0.5) ? dateFirstLine(rng, "-", false) : dateLastLine(rng, "-", "", true)}`);
  }
  if (rng.chance(0.3)) lines.push(">", `> ${rng.pick(EN_PROSE)}`);
  return lines;
};

const ranges: Block = (rng) => {
  const lines: string[] = [];
  for (let n = rng.int(2, 6); n > 0; n--) {
    lines.push(`- [${status(rng)}] ${spellRange(rng, pickDate(rng), rng.int(1, 30))}  ${task(rng, rng.chance(0.3))}`);
  }
  return lines;
};

const emptySlots: Block = (rng) => {
  const start = pickDate(rng);
  const sep = rng.pick(["/", "-", "."]);
  const lines = [`**${rng.pick(["回溯算法", "自制操作系统", "Daily slots"])}**`, ""];
  for (let n = 0, count = rng.int(4, 12); n < count; n++) {
    lines.push(`- [ ] ${spellDate(rng, addDays(start, n), sep)}${rng.pick(["", "", "    ", "   "])}`);
  }
  return lines;
};

const week: Block = (rng) => {
  const lines = [`**Week ${rng.int(1, 12)}: ${rng.pick(["Fundamentals", "CNNs", "RNNs", "Troubleshooting"])}**`, ""];
  for (let n = rng.int(2, 6); n > 0; n--) {
    lines.push(rng.chance(0.7) ? dateFirstLine(rng, "-", true) : `- [ ] ${task(rng, true)}`);
  }
  return lines;
};

export const LINKS_AND_PROSE: Block = (rng) => {
  const lines: string[] = [];
  for (let n = rng.int(1, 4); n > 0; n--) lines.push(rng.pick(LINKS), "");
  for (let n = rng.int(1, 3); n > 0; n--) lines.push(rng.chance(0.5) ? rng.pick(ZH_PROSE) : rng.pick(EN_PROSE), "");
  lines.push(rng.chance(0.5) ? rng.pick(ZH_PROSE) : rng.pick(EN_PROSE));
  return lines;
};

const skills: Block = (rng) => {
  const lines = [`**T${rng.int(0, 3)}**`, ""];
  for (let n = rng.int(3, 7); n > 0; n--) lines.push(`- 熟悉常用的**${rng.pick(["设计模式", "并行计算", "点云配准", "模型部署"])}**；${rng.pick(ZH_PROSE)}`);
  lines.push("", `~~ACM MM~~/ **AAAI${rng.int(2026, 2028)}**/~~NIPS2025~~/**CVPR ${rng.int(2026, 2028)}**`);
  return lines;
};

/** A date that cannot exist: a problem with path and line, never an item. */
const impossible: Block = (rng) => [`- [ ] ${rng.pick(["2021/02/30", "2026-02-29", "2026年4月31日"])}    ${task(rng, false)}`];

export const queueBlock: Block = (rng) => {
  const tracks = shuffle(rng, TRACK_NAMES).slice(0, rng.int(3, 6));
  if (rng.chance(0.5)) return [`当前 BPU （Brain Processing Unit）最大进程数为：${rng.int(2, 5)}，按优先级排序`, "", ...tracks.map((t) => `- ${t}`)];
  return [`Active tracks (limit ${rng.int(2, 5)}):`, "", ...tracks.map((t) => `- ${t}`)];
};

export const PLANNER_BLOCKS: [Block, number][] = [
  [datesFirst, 30], [chapter, 18], [tasksPlugin, 8], [nested, 8], [callout, 6], [ranges, 5], [emptySlots, 3],
  [week, 6], [LINKS_AND_PROSE, 55], [skills, 6], [impossible, 0.5],
];

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function weighted<T>(rng: Rng, table: [T, number][]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [value, w] of table) {
    roll -= w;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
}

export function trackHeading(rng: Rng): string {
  const name = rng.pick(TRACK_NAMES);
  return rng.chance(0.5) ? `## **${name}**` : `## ${name}`;
}
