import { afterEach, describe, expect, it, vi } from "vitest";
import { indexInBatches, STEPPED_FROM } from "../../src/core/index/batch";
import { BlockScanner } from "../../src/core/markdown/blockScanner";
import { VaultIndex } from "../../src/core/index/vaultIndex";

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
    expect(result).toEqual({ indexed: 20, skipped: 0, failed: [], yields: 4, onWorkers: 0 });
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
    expect(result).toEqual({ indexed: 1, skipped: 1, failed: [{ path: "bad.md", message: "EACCES" }], yields: 0, onWorkers: 0 });
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

/** A journal of about `chars` characters: a queue block, tracks, groups, dated items with subtasks, venue lists, prose and code. */
function longNote(chars: number): string {
  const parts: string[] = ["Active tracks (limit 2):", "- Track 1", "- Track 2", ""];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const block = [
      `## Track ${i % 7}`, `**Group ${i}**`, `- [ ] 2021/03/${day} task ${i}`, "  - [ ] a subtask", `- [x] 1.${i}\u3000section\t\t2021/4/${day}`,
      "", "A paragraph of prose that has no items in it, long enough to look like a journal entry.", "**AAAI2021**/~~NIPS2021~~", "```", `- [ ] 2021/03/${day} in code`, "```", "",
    ].join("\n");
    parts.push(block);
    length += block.length + 1;
  }
  return parts.join("\n");
}

describe("indexInBatches with a long note", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A clock that advances with the lines the block scanner scans: 1 ms per `charsPerMs` characters. */
  function scanningClock(charsPerMs: number): { now: () => number; stretches: number[]; yieldToUi: () => Promise<void>; end: () => void } {
    let time = 0;
    let sliceStart = 0;
    const stretches: number[] = [];
    const scanned = new WeakMap<BlockScanner, number>();
    const scanUntil = Object.getOwnPropertyDescriptor(BlockScanner.prototype, "scanUntil")!.value as (this: BlockScanner, end: number) => void;
    vi.spyOn(BlockScanner.prototype, "scanUntil").mockImplementation(function (this: BlockScanner, end: number) {
      const from = scanned.get(this) ?? 0;
      scanUntil.call(this, end);
      const to = this.position;
      time += Math.max(0, to - from) / charsPerMs;
      scanned.set(this, Math.max(from, to));
    });
    return {
      now: () => time,
      stretches,
      yieldToUi: () => {
        stretches.push(time - sliceStart);
        time += 100;
        sliceStart = time;
        return Promise.resolve();
      },
      end: () => { stretches.push(time - sliceStart); },
    };
  }

  it("parses a 1 MB note in steps: no stretch of work much past the budget", async () => {
    const big = longNote(1024 * 1024);
    const run = async (steppedFrom: number): Promise<{ stretches: number[]; yields: number; index: VaultIndex }> => {
      const clock = scanningClock(4000); // the whole note: ~260 ms; one step: ~4 ms
      const index = new VaultIndex();
      // The UI's turns edit another note: its parse must not cost the long note's steps a scan of their own.
      const yieldToUi = (): Promise<void> => clock.yieldToUi().then(() => index.update("ui.md", note(2)));
      const result = await indexInBatches(["Archive/Big.md", "small.md"], (path) => (path === "small.md" ? note(1) : big), index, {
        yieldToUi, budgetMs: 16, now: clock.now, steppedFrom,
      });
      clock.end();
      vi.restoreAllMocks();
      return { stretches: clock.stretches, yields: result.yields, index };
    };
    const whole = await run(Infinity);
    expect(Math.max(...whole.stretches)).toBeGreaterThan(200); // the clock does measure the scan
    const stepped = await run(STEPPED_FROM);
    expect(stepped.yields).toBeGreaterThan(12);
    expect(Math.max(...stepped.stretches)).toBeLessThanOrEqual(16 + 5);
    expect(stepped.index.itemsOf("Archive/Big.md")).toEqual(whole.index.itemsOf("Archive/Big.md"));
    expect(stepped.index.queueBlocks()).toEqual(whole.index.queueBlocks());
    expect(stepped.index.venueMarks()).toEqual(whole.index.venueMarks());
    expect(stepped.index.venueMarks().length).toBeGreaterThan(1000);
    expect(stepped.index.itemsOf("small.md")).toHaveLength(1);
  });

  /** Every clock read costs 1 ms: a long note takes many reads, so the loop yields in the middle of it. */
  function readingClock(onYield: (k: number) => void): { now: () => number; yieldToUi: () => Promise<void> } {
    let time = 0;
    let yields = 0;
    return {
      now: () => time++,
      yieldToUi: () => {
        onYield(yields++);
        return Promise.resolve();
      },
    };
  }

  const big = longNote(400 * 1024);

  it("keeps an edit made while the note's stepped parse waited", async () => {
    const index = new VaultIndex();
    const clock = readingClock((k) => { if (k === 1) index.update("Big.md", note(5)); });
    const result = await indexInBatches(["Big.md"], () => big, index, { yieldToUi: clock.yieldToUi, now: clock.now, budgetMs: 16 });
    expect(result.yields).toBeGreaterThan(2);
    expect(index.itemsOf("Big.md")).toEqual(itemsOfText("Big.md", note(5)));
  });

  it("keeps a removal made while the note's stepped parse waited", async () => {
    const index = new VaultIndex();
    index.update("Big.md", note(1), { mtime: 1, size: 1 });
    const clock = readingClock((k) => { if (k === 1) index.remove("Big.md"); });
    await indexInBatches(["Big.md"], () => ({ text: big, stat: { mtime: 2, size: 2 } }), index, { yieldToUi: clock.yieldToUi, now: clock.now });
    expect(index.has("Big.md")).toBe(false);
  });

  it("drops a new note that vanished while it was parsed", async () => {
    const index = new VaultIndex();
    let exists = true;
    const clock = readingClock((k) => { if (k === 1) exists = false; });
    await indexInBatches(["Big.md", "other.md"], (path) => (path === "Big.md" ? big : note(2)), index, {
      yieldToUi: clock.yieldToUi, now: clock.now, stat: (path) => (path === "Big.md" && !exists ? null : { mtime: 1, size: 1 }),
    });
    expect(index.has("Big.md")).toBe(false);
    expect(index.has("other.md")).toBe(true);
  });

  it("stops in the middle of a long note when cancelled, storing nothing", async () => {
    const index = new VaultIndex();
    let stop = false;
    const clock = readingClock((k) => { if (k === 1) stop = true; });
    const result = await indexInBatches(["Big.md", "other.md"], () => big, index, {
      yieldToUi: clock.yieldToUi, now: clock.now, cancelled: () => stop,
    });
    expect(result.indexed).toBe(0);
    expect(index.paths()).toEqual([]);
  });
});

function itemsOfText(path: string, text: string): ReturnType<VaultIndex["itemsOf"]> {
  const index = new VaultIndex();
  index.update(path, text);
  return index.itemsOf(path);
}
