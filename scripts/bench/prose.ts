// Prose blocks, and the traps: dated checklist lines that CommonMark does NOT make list items
// (code, HTML, comments, paragraph continuations). A correct index must skip them all.
import { EN_PROSE, LINKS, ZH_PROSE, pickDate, spellDate, task } from "./fragments";
import type { Rng } from "./prng";

type Block = (rng: Rng) => string[];

const fakeItem = (rng: Rng): string => `- [ ] ${spellDate(rng, pickDate(rng))} ${task(rng, rng.chance(0.5))}`;

const paragraph: Block = (rng) => {
  const english = rng.chance(0.5);
  const lines: string[] = [];
  for (let n = rng.int(1, 4); n > 0; n--) lines.push(english ? rng.pick(EN_PROSE) : rng.pick(ZH_PROSE));
  return [lines.join(english ? " " : "")];
};

const heading: Block = (rng) => [`${"#".repeat(rng.int(2, 4))} ${rng.pick(["Background", "方法", "Notes", "实验记录", "Open questions", "参考"])}`];

const plainList: Block = (rng) => {
  const lines: string[] = [];
  for (let n = rng.int(2, 7); n > 0; n--) {
    lines.push(rng.chance(0.15) ? `- [ ] ${task(rng, true)}` : `- ${rng.pick(LINKS)} ${rng.pick(EN_PROSE).slice(0, 40)}`);
  }
  return lines;
};

const table: Block = (rng) => {
  const lines = ["| Day | Topic | Done |", "| --- | --- | --- |"];
  for (let n = rng.int(2, 5); n > 0; n--) lines.push(`| ${spellDate(rng, pickDate(rng))} | ${task(rng, false)} | ${rng.pick(["yes", "no"])} |`);
  return lines;
};

const quote: Block = (rng) => [`> ${rng.pick(EN_PROSE)}`, ">", `> — ${rng.pick(["Knuth", "鲁迅", "Hamming"])}`];

const math: Block = () => ["$$", "\\mathcal{L} = -\\sum_i y_i \\log \\hat{y}_i", "$$"];

/** Snippets whose dated checklist lines are not items. Each starts after a closing paragraph. */
export const TRAPS: Block[] = [
  (rng) => ["```markdown", fakeItem(rng), fakeItem(rng), "```"],
  (rng) => ["~~~", "```", fakeItem(rng), "```", "~~~"],
  (rng) => ["````md", "```", fakeItem(rng), "```", fakeItem(rng), "````"],
  (rng) => [`    ${fakeItem(rng)}`, `    ${fakeItem(rng)}`],
  (rng) => [`\t${fakeItem(rng)}`],
  (rng) => ["<!--", fakeItem(rng), "", fakeItem(rng), "-->"],
  (rng) => ["<div class=\"plan\">", fakeItem(rng), "</div>"],
  (rng) => ["%%", fakeItem(rng), "", fakeItem(rng), "%%"],
  (rng) => ["Text right before a list number that cannot interrupt it:", `2. [ ] ${spellDate(rng, pickDate(rng))} ${task(rng, true)}`],
  (rng) => ["A paragraph whose next line is a lazy continuation:", `    ${fakeItem(rng)}`],
  (rng) => ["> ```", `> ${fakeItem(rng)}`, "> ```"],
  (rng) => ["   ```js", `   ${fakeItem(rng)}`, "   ```"],
];

/** Snippets with real items next to (or instead of) trap lines; planner notes only. */
export const NEAR_TRAPS: Block[] = [
  (rng) => [`- [ ] ${spellDate(rng, pickDate(rng))} parent item that is real`, "", `      ${fakeItem(rng)}`],
  (rng) => [`- [x] ${spellDate(rng, pickDate(rng))} real item with a fence`, "  ```", `  ${fakeItem(rng)}`, "  ```"],
  (rng) => ["<details>", "", fakeItem(rng), "", "</details>"],
  (rng) => ["A paragraph that a bullet may interrupt:", fakeItem(rng)],
  (rng) => ["A paragraph that an ordered list starting at one may interrupt:", `1. [ ] ${spellDate(rng, pickDate(rng))} ${task(rng, true)}`],
  (rng) => ["<!-- a comment on one line -->", "", fakeItem(rng)],
];

/** An unclosed fence: everything to the end of the note is code. Only ever the last block. */
export const UNCLOSED_FENCE: Block = (rng) => ["```", fakeItem(rng), "", fakeItem(rng)];

export const PROSE_BLOCKS: [Block, number][] = [
  [paragraph, 45], [heading, 12], [plainList, 12], [table, 4], [quote, 4], [math, 1],
];
