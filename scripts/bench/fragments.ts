// Word pools and date spellings for the synthetic vault. Own wording, in the shapes of a real planner note.
import { addDays } from "../../src/core/base";
import type { Rng } from "./prng";

export const ZH_TASKS = [
  "阅读论文并写摘要", "整理上周的实验记录", "复习线性代数第三章", "完成实验报告初稿", "准备组会汇报幻灯片",
  "编写数据加载模块的单元测试", "推导反向传播公式", "跑通基线模型，获得初步结果", "撰写相关工作一节",
  "绘制系统架构图", "修改论文引言", "刷题：二叉树的层序遍历", "复盘本周计划", "学习卷积网络的感受野",
  "背单词两百个", "练习听力三十分钟", "清洗并标注数据集", "配置远程开发环境", "阅读推理引擎源码",
  "第3周星期二_数值分析 B2104 开课", "第9周星期四_编译原理 结课", "全国大学英语四级报名", "图像分割综述 阅读完结",
  "概率论习题 1-12", "第二周 优化方法 2.1-2.5", "第四周 注意力机制 4.6-4.11", "点云配准实验，记录误差",
  "二叉搜索树中的插入操作、删除节点", "哈希表：两数之和、三数之和", "写周报并发给导师", "读书笔记：系统设计",
];

export const EN_TASKS = [
  "Lecture 3: Recurrent networks", "Lab 2: Data pipeline", "Read chapter 4 and take notes", "Write the related work section",
  "Review the open pull requests", "Plan the next sprint", "Reply to the reviewers", "Benchmark the new kernel",
  "Call the landlord about the lease", "Renew the library card", "Prepare slides for the reading group",
  "Fix flaky test in the importer", "Notebook: coding a tiny autograd", "Draft the ICRA 2027 abstract",
  "Run ablation on the 1.5 and 2.0 settings", "Finish exercises 3.1-3.9", "Submit the travel reimbursement",
];

export const SECTION_TITLES = [
  "第%章\u3000并行计算基础", "第%章\u3000内存模型", "第%章\u3000流与并发", "第%章\u3000性能优化", "第%章\u3000概率图模型的表示",
  "Week %: Fundamentals", "Week %: Transformers", "Part %: Projects", "第 % 章：近似推理", "阶段 %：复习",
];

export const TRACK_NAMES = [
  "课程学习", "会议与期刊", "论文写作", "每日一题", "每日一Blog", "英语", "健身", "读书计划", "深度学习工程师",
  "CUDA 编程", "Research", "Side project", "Reading list", "Thesis", "Household", "全栈训练营", "概率图模型",
];

export const ZH_PROSE = [
  "这一节主要讨论模型在边缘设备上的部署问题，包括量化、剪枝和算子融合。",
  "实验结果表明，在相同的计算预算下，较浅但较宽的网络收敛更快。",
  "读完这一章之后，最好把关键的推导重新写一遍，否则很快就会忘记。",
  "参考资料见下方链接，其中第二篇综述写得最清楚，适合入门。",
  "今天的组会讨论了数据集的划分方式，决定采用按场景划分而不是随机划分。",
  "如果时间允许，可以顺便看一下相关的开源实现，对照论文理解细节。",
];

export const EN_PROSE = [
  "The main idea is to keep the expensive work off the hot path, and to pay for it only when a note changes.",
  "We tried three variants of the loss; the simplest one was within noise of the best, so we kept it.",
  "Meeting notes: the team agreed to freeze the interface on Friday and spend next week on documentation.",
  "See [[Reading list]] and [the survey](https://example.org/survey) for background on this topic.",
  "A longer paragraph helps the benchmark look like a real vault, where most notes are prose and links.",
  "Remember to back up the vault before running any bulk rewrite; version control makes this painless.",
];

export const LINKS = [
  "https://example.org/course/279/4134", "https://example.com/blog/paper_32.html", "[[Projects/Roadmap]]",
  "[[周计划]]", "https://example.net/awesome-point-cloud", "![diagram](assets/figure-01.png)",
];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Bench dates cluster around the benchmark day, with a tail in older terms like a long-lived planner. */
export const BENCH_DAY = "2026-03-10";

export function pickDate(rng: Rng): string {
  if (rng.chance(0.15)) return addDays("2021-03-01", rng.int(0, 400));
  return addDays(BENCH_DAY, rng.int(-120, 180));
}

/** Writes an ISO day the way people type it: `/ - .` or 年月日, padded, unpadded or mixed. */
export function spellDate(rng: Rng, iso: string, separator?: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  const padding = rng.int(0, 3); // 0 none, 1 both, 2 month only, 3 day only ("2021/4/01")
  const m = padding === 1 || padding === 2 ? pad2(month) : `${month}`;
  const d = padding === 1 || padding === 3 ? pad2(day) : `${day}`;
  const sep = separator ?? rng.pick(["/", "/", "/", "-", ".", "年"]);
  if (sep === "年") return `${year}年${m}月${d}日`;
  return `${year}${sep}${m}${sep}${d}`;
}

/** A range in one of the spellings people use: `A - B`, `A ~ B`, `A ～ B`, `A 至 B`, `A – B`. */
export function spellRange(rng: Rng, from: string, days: number): string {
  const sep = rng.pick(["/", "/", ".", "年"]);
  const joiner = rng.pick([" - ", "  -  ", " ~ ", "~", " ～ ", "～", " 至 ", " – "]);
  return `${spellDate(rng, from, sep)}${joiner}${spellDate(rng, addDays(from, days), sep)}`;
}

export function task(rng: Rng, english: boolean): string {
  return english ? rng.pick(EN_TASKS) : rng.pick(ZH_TASKS);
}
