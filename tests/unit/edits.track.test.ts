import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import type { LineEdit } from "../../src/core/base/types";

// Undated lines such as `- [ ] 习题` repeat in every track: a plan's edit names its track, and a line
// that moved is found again only under that track's heading.
const dated = (line: number, replacement: string, track: string): LineEdit => ({
  path: "书.md", line, expected: "- [ ] 习题", replacement, track: { name: track, level: 2 },
});

describe("edits that name their track", () => {
  it("apply where the line stands in its track", () => {
    const note = "## 甲\n- [ ] 习题\n## 乙\n- [ ] 习题\n";
    const out = applyLineEdits(note, [dated(4, "- [ ] 2026/03/02 习题", "乙")]);
    expect(out.ok && out.text).toBe("## 甲\n- [ ] 习题\n## 乙\n- [ ] 2026/03/02 习题\n");
  });

  it("find a moved line in its track, never its twin in another", () => {
    // A line was added above: 乙's 习题 is now line 5, and 甲's twin moved onto line 4 — the planned line.
    const note = "## 新\n## 甲\n- [ ] 习题\n## 乙\n- [ ] 习题\n";
    const moved = applyLineEdits(note, [dated(4, "- [ ] 2026/03/02 习题", "乙")]);
    expect(moved.ok && moved.text).toBe("## 新\n## 甲\n- [ ] 习题\n## 乙\n- [ ] 2026/03/02 习题\n");
    const shifted = "## 甲\n\n- [ ] 习题\n## 乙\n- [ ] 习题\n";
    const onlyOther = applyLineEdits(shifted.replace("## 乙\n- [ ] 习题\n", "## 乙\n"), [dated(2, "- [ ] 2026/03/02 习题", "乙")]);
    expect(onlyOther.ok).toBe(false);
  });

  it("above any heading, the track is the note's name", () => {
    const out = applyLineEdits("- [ ] 习题\n## 乙\n", [dated(1, "- [ ] 2026/03/02 习题", "书")]);
    expect(out.ok && out.text).toBe("- [ ] 2026/03/02 习题\n## 乙\n");
    expect(applyLineEdits("- [ ] 习题\n## 乙\n", [dated(1, "x", "乙")]).ok).toBe(false);
  });
});
