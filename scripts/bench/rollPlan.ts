// `roll plan`: planning a roll of 20,000 overdue items and grouping its changes by note, as the preview
// and the write do. Mostly in a few large notes (a planner note holds thousands), where grouping that
// copied a note's list per entry was quadratic.
import { parseNote } from "../../src/core/items";
import { changesByNote, planTracks } from "../../src/core/planner";
import { DEFAULT_SETTINGS, nameRecord } from "../../src/core/base";
import type { Item, RollMode } from "../../src/core/base";
import { collectGarbage, median, timed } from "./timing";
import { groupByTrack, trackKeyOf } from "../../src/core/items";

export const ROLL_ITEMS = 20_000;
const ROLL_DAY = "2021-06-30";

/** Four notes of 5,000 overdue items, 50 tracks each: half day-by-day schedules, half scattered dates. */
function overdueItems(): Item[] {
  const items: Item[] = [];
  for (let note = 0; note < 4; note++) {
    const lines: string[] = [];
    for (let track = 0; track < 50; track++) {
      lines.push(`## 课程 ${note}-${track}`, "");
      for (let k = 0; k < ROLL_ITEMS / 200; k++) {
        const day = track % 2 === 0 ? 1 + Math.floor(k / 4) : 1 + ((k * 7) % 28);
        lines.push(`- [ ] 2021/${track % 2 === 0 ? 3 + Math.floor(day / 29) : 4}/${((day - 1) % 28) + 1}    第${k}讲 练习`);
      }
      lines.push("");
    }
    for (const item of parseNote(`Plans/Term ${note}.md`, lines.join("\n")).items) items.push(item);
  }
  return items;
}

/** Median ms to plan the roll of every track (auto mode) and group its changes by note. */
export function rollPlanLatency(runs: number): { ms: number; changes: number } {
  const items = overdueItems();
  const modes = nameRecord<RollMode>();
  for (const item of items) modes[trackKeyOf(item)] = "auto";
  const samples: number[] = [];
  let changes = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const { ms, value } = timed(() => {
      const plan = planTracks(groupByTrack(items), ROLL_DAY, modes, DEFAULT_SETTINGS);
      changesByNote(plan.changes);
      return plan.changes.length;
    });
    samples.push(ms);
    changes = value;
  }
  if (changes < ROLL_ITEMS * 0.9) throw new Error(`the roll bench planned only ${changes} changes`);
  return { ms: median(samples), changes };
}
