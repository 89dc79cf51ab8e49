// `plan preview`: what the "Plan this track…" modal computes on each change of its fields, for a
// track of 500 items in a planner note of three such tracks: read the note's checklist lines, lay the
// track's items on study days (two a weekday, chapters on new days, a few skipped dates) and spell
// each new date in the track's habit.
import { DEFAULT_SETTINGS } from "../../src/core/base";
import { checklistLines } from "../../src/core/items";
import { planTrack } from "../../src/core/planner";
import { collectGarbage, median, timed } from "./timing";

export const PLAN_ITEMS = 500;

/** Three tracks of 500 lines: the first half of each dated (date last after full-width-space text), the rest not. */
function plannerNote(): string {
  const lines: string[] = [];
  for (let track = 0; track < 3; track++) {
    lines.push(`## 教材 ${track}`, "");
    for (let k = 0; k < PLAN_ITEMS; k++) {
      if (k % 25 === 0) lines.push("", `**第${k / 25 + 1}章\u3000专题**`, "");
      const name = `${Math.floor(k / 25) + 1}.${(k % 25) + 1}\u3000小节${k}`;
      lines.push(k < PLAN_ITEMS / 2 ? `- [ ] ${name}        2021/${3 + Math.floor(k / 28)}/${(k % 28) + 1}` : `- [ ] ${name}`);
      if (k % 10 === 0) lines.push("  - [ ] 习题");
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** Median ms of one preview of the 500-item track. */
export function planPreviewLatency(runs: number): { ms: number; changes: number } {
  const note = plannerNote();
  const options = { start: "2021-09-01", pace: { perDay: 2 }, weekdays: [1, 2, 3, 4, 5], skip: ["2021-10-01", "2021-10-04"], chapterDays: true };
  const samples: number[] = [];
  let changes = 0;
  for (let run = 0; run < Math.max(runs, 7); run++) {
    collectGarbage();
    const { ms, value } = timed(() => {
      const lines = checklistLines("Plans/教材.md", `${note}\n<!-- ${run} -->`, DEFAULT_SETTINGS.trackHeadingLevel);
      const result = planTrack(lines.filter((l) => l.track === "教材 1"), lines, options, DEFAULT_SETTINGS);
      if (!result.ok) throw new Error(result.error);
      return result.plan.changes.length;
    });
    samples.push(ms);
    changes = value;
  }
  if (changes !== PLAN_ITEMS) throw new Error(`the plan bench planned ${changes} changes, not ${PLAN_ITEMS}`);
  return { ms: median(samples), changes };
}
