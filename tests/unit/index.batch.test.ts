import { describe, expect, it } from "vitest";
import { indexInBatches } from "../../src/core/batch";
import { VaultIndex } from "../../src/core/vaultIndex";

/** A fake clock where every read costs `cost` ms, so slices are deterministic. */
function fakeClock(cost: number): { now: () => number; tick: () => void; stretches: number[]; yieldToUi: () => Promise<void> } {
  let time = 0;
  let sliceStart = 0;
  const stretches: number[] = [];
  return {
    now: () => time,
    tick: () => { time += cost; },
    stretches,
    yieldToUi: () => {
      stretches.push(time - sliceStart);
      time += 100; // the UI's turn
      sliceStart = time;
      return Promise.resolve();
    },
  };
}

const note = (i: number): string => `## T${i % 3}\n- [ ] 2021/03/${String(1 + (i % 28)).padStart(2, "0")} task ${i}\n`;

describe("indexInBatches", () => {
  it("yields whenever the budget is spent and notifies once per slice", async () => {
    const clock = fakeClock(5);
    const index = new VaultIndex();
    const heard: string[][] = [];
    index.onChange((paths) => heard.push(paths));
    const paths = Array.from({ length: 20 }, (_, i) => `n${i}.md`);
    const result = await indexInBatches(paths, (path) => { clock.tick(); return note(Number(path.slice(1, -3))); }, index, {
      yieldToUi: clock.yieldToUi, budgetMs: 16, now: clock.now,
    });
    expect(result).toEqual({ indexed: 20, skipped: 0, failed: [], yields: 4 });
    expect(clock.stretches.every((ms) => ms <= 20)).toBe(true); // 4 notes × 5 ms, then a yield
    expect(heard.map((p) => p.length)).toEqual([4, 4, 4, 4, 4]);
    expect(index.items()).toHaveLength(20);
  });

  it("skips fresh notes, removes vanished ones and carries on past read errors", async () => {
    const index = new VaultIndex();
    index.update("fresh.md", note(1), { mtime: 5, size: 10 });
    index.update("gone.md", note(2));
    const result = await indexInBatches(
      ["fresh.md", "gone.md", "bad.md", "ok.md"],
      (path) => {
        if (path === "fresh.md") throw new Error("should not be read");
        if (path === "gone.md") return null;
        if (path === "bad.md") return Promise.reject(new Error("EACCES"));
        return Promise.resolve({ text: note(3), stat: { mtime: 7, size: 20 } });
      },
      index,
      { yieldToUi: () => Promise.resolve(), now: () => 0, stat: (path) => (path === "fresh.md" ? { mtime: 5, size: 10 } : null) },
    );
    expect(result).toEqual({ indexed: 1, skipped: 1, failed: [{ path: "bad.md", message: "EACCES" }], yields: 0 });
    expect(index.has("gone.md")).toBe(false);
    expect(index.isFresh("ok.md", { mtime: 7, size: 20 })).toBe(true);
  });

  it("stops when cancelled", async () => {
    const index = new VaultIndex();
    let reads = 0;
    const result = await indexInBatches(["a.md", "b.md", "c.md"], () => { reads++; return note(0); }, index, {
      yieldToUi: () => Promise.resolve(), cancelled: () => reads >= 2,
    });
    expect(result.indexed).toBe(2);
  });
});
