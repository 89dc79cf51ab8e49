// The benchmark's correctness reference (a full CommonMark parse) and the generator's traps agree:
// prose notes hold no items at all, whatever code, HTML or comments they contain.
import { describe, expect, it } from "vitest";
import { generateNote, planVault } from "../../scripts/bench/generator";
import { blankObsidianRegions, naiveItemLines } from "../../scripts/bench/naive";

const SEED = 777;
const specs = planVault(SEED, 1_500);

describe("naiveItemLines", () => {
  it("finds dated checklist items and skips code, HTML, comments and frontmatter", () => {
    const text = [
      "---", "due: 2026-03-10", "---", "- [ ] 2026/3/10 real", "```", "- [ ] 2026/3/10 code", "```",
      "<!--", "- [ ] 2026/3/10 comment", "-->", "%%", "- [ ] 2026/3/10 hidden", "%%",
      "- [ ] no date", "- [-] cancelled 2026-03-11", "", "Text", "2. [ ] 2026/3/10 continuation",
      "", "    - [ ] 2026/3/10 indented code", "", "> - [x] 2026年3月9日 quoted", "- [ ] 2021/02/30 impossible",
    ].join("\n");
    expect(naiveItemLines(text)).toEqual([4, 15, 22]);
  });

  it("reads a note that starts with a BOM", () => {
    expect(naiveItemLines("\uFEFF# Plan\n\n- [ ] 2026/03/27 a\n- [x] b 2026-03-28\n")).toEqual([3, 4]);
  });

  it("keeps offsets and lines when blanking Obsidian-only regions", () => {
    const text = "---\r\na: 1\r\n---\r\nx\n%%\ny\n%%\nz";
    const blanked = blankObsidianRegions(text);
    expect(blanked.length).toBe(text.length);
    expect(blanked.split("\n").map((l) => l.trim())).toEqual(["", "", "", "x", "", "", "", "z"]);
  });

  it("finds no item in any prose note, traps included", () => {
    const prose = specs.filter((s) => s.kind === "prose").slice(0, 150);
    const withTraps = prose.map((s) => generateNote(SEED, s)).filter((t) => /^(?:>? ?|\s*)- \[ \] \d{4}/m.test(t));
    expect(withTraps.length).toBeGreaterThan(5);
    for (const text of withTraps) expect(naiveItemLines(text)).toEqual([]);
  }, 30_000);

  it("finds items in planner notes", () => {
    const planner = specs.find((s) => s.kind === "planner")!;
    expect(naiveItemLines(generateNote(SEED, planner)).length).toBeGreaterThan(10);
  });
});
