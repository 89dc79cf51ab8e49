// The cache encoded in steps (what the plugin's timed saves run between turns for the UI) is the
// one-go encoding, and it stays the index as it was when the encode began whatever happens between steps.
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runInSlices } from "../../src/core/index/batch";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { vaultOp, type VaultOp } from "./vaultOps";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/notes/${name}`, import.meta.url), "utf8");

/** Runs the steps to the end, calling `between` after each; returns the bytes and how many steps there were. */
function drive(steps: Generator<void, Uint8Array, void>, between: (step: number) => void = () => {}): { bytes: Uint8Array; steps: number } {
  for (let n = 0; ; n++) {
    const step = steps.next();
    if (step.done) return { bytes: step.value, steps: n };
    between(n);
  }
}

/** Byte for byte (expect's deep equality takes seconds over a megabyte). */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/** What a restored index answers: everything the cache carries. */
function contents(index: VaultIndex): unknown {
  return {
    paths: index.paths(), items: index.items(), tracks: index.tracks(), problems: index.problems(),
    queue: index.queueBlocks(), marks: index.venueMarks(), open: index.select("open", (i) => !i.done),
  };
}

describe("the index cache in steps", () => {
  it("gives the bytes toCache() gives, for fresh and restored notes, with queries between steps", () => {
    const index = new VaultIndex();
    ["planner.md", "noise.md", "obsidian-constructs.md"].forEach((name, i) => index.update(`Notes/${name}`, fixture(name), { mtime: i + 1, size: 100 }));
    index.update("unsaved.md", "- [ ] 2021/03/25 typed, not saved\n"); // no stat: left out, as in one go
    index.openItemsWithText("words", (text) => text.includes("a"));
    const expected = index.toCache();
    const run = drive(index.toCacheInSteps(), (n) => {
      index.itemsOn(n % 2 ? "2021-04-14" : "2021-03-25");
      index.overdue("2021-04-20");
    });
    expect(run.bytes).toEqual(expected);
    expect(run.steps).toBeGreaterThanOrEqual(index.size);
    // A restored index writes its notes back as the bytes they came as.
    const restored = VaultIndex.fromCache(expected);
    expect(drive(restored.toCacheInSteps()).bytes).toEqual(expected);
    expect(contents(VaultIndex.fromCache(expected))).toEqual(contents(restored));
  });

  it("a vault whose columns, strings and output span many chunks reads back whole", () => {
    const index = new VaultIndex();
    // 30,000 items: 300,000 numbers over several column chunks, and more text than a text chunk holds.
    const big = Array.from({ length: 30_000 }, (_, i) => `- [${i % 3 ? " " : "x"}] 2021/03/${1 + (i % 28)} 第${i}项 😀`).join("\n");
    index.update("big.md", big, { mtime: 1, size: big.length });
    // Long names with surrogate pairs: the short strings take several runs of UTF-8.
    for (let n = 0; n < 400; n++) {
      const text = `## 轨道 ${"😀".repeat(n % 50)} ${n}\n- [ ] 2021/04/${1 + (n % 28)} 任务 ${n}\n`;
      index.update(`深/${"路径".repeat(100)}/${n}😀.md`, text, { mtime: n, size: text.length });
    }
    index.update("odd.md", "- [ ] 2021/03/25 half a pair \uD800\n", { mtime: 1, size: 9 }); // not cacheable: left out
    const expected = index.toCache();
    expect(expected.length).toBeGreaterThan(3 * 256 * 1024); // several copy steps
    const run = drive(index.toCacheInSteps());
    expect(same(run.bytes, expected)).toBe(true);
    expect(run.steps).toBeGreaterThan(index.size + 3);
    const restored = VaultIndex.fromCache(run.bytes);
    expect(restored.has("odd.md")).toBe(false);
    index.remove("odd.md");
    expect(contents(restored)).toEqual(contents(index));
    // Restored notes (their bytes as they came) between notes parsed again.
    for (const path of restored.paths().filter((_, k) => k % 50 === 7)) {
      restored.update(path, `## 新\n- [ ] 2021/05/01 😀 ${path}\n`, { mtime: 2, size: 1 });
    }
    const mixed = drive(restored.toCacheInSteps()).bytes;
    expect(same(mixed, restored.toCache())).toBe(true);
    expect(contents(VaultIndex.fromCache(mixed))).toEqual(contents(restored));
  }, 30_000);

  it("keeps every character of texts that fill a chunk to the brim (three bytes per character)", () => {
    const index = new VaultIndex();
    // 600,000 bytes, then 600,000 more: the second does not fit in what is left of a megabyte.
    for (const name of ["a", "b"]) index.update(`${name}.md`, `- [ ] 2021/03/01 ${name}${"长".repeat(199_999)}`, { mtime: 1, size: 1 });
    const restored = VaultIndex.fromCache(drive(index.toCacheInSteps()).bytes);
    expect(restored.items().map((i) => i.text)).toEqual(index.items().map((i) => i.text));
  });

  it("is the index as it was when the encode began, whatever changes between steps (random histories)", () => {
    const text = fc.array(fc.constantFrom("## A", "## 轨道", "- [ ] 2021/03/28 读", "- [x] 2021/03/29 写", "  - [ ] 子", "**AAAI2021**", "x"), { maxLength: 8 })
      .map((lines) => lines.join("\n"));
    const paths = ["a.md", "b.md", "c/d.md", "e.md"];
    const op = fc.oneof(vaultOp(text, paths), fc.constant<VaultOp | "select">("select"));
    let stamp = 0;
    const apply = (index: VaultIndex, o: VaultOp | "select"): void => {
      if (o === "select") index.select("open", (i) => !i.done);
      else if (o.kind === "update") index.update(o.path, o.text, { mtime: ++stamp, size: o.text.length });
      else if (o.kind === "remove") index.remove(o.path);
      else if (index.has(o.path) && !index.has(o.to)) index.rename(o.path, o.to);
    };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 10 }), fc.array(op, { maxLength: 10 }), fc.nat(4), (before, during, every) => {
        const index = new VaultIndex();
        for (const o of before) apply(index, o);
        const expected = index.toCache();
        const ahead = [...during];
        const { bytes } = drive(index.toCacheInSteps(), (n) => {
          if (n % (every + 1) === 0 && ahead.length > 0) apply(index, ahead.shift()!);
        });
        for (const o of ahead) apply(index, o);
        // Selections remembered meanwhile may go along: they are the only difference allowed.
        if (!during.includes("select")) expect(bytes).toEqual(expected);
        expect(contents(VaultIndex.fromCache(bytes))).toEqual(contents(VaultIndex.fromCache(expected)));
        // Once the changes are in, the next encode has them.
        expect(drive(index.toCacheInSteps()).bytes).toEqual(index.toCache());
      }),
      { numRuns: 200 },
    );
  });
});

describe("runInSlices", () => {
  /** Steps that each take `cost` ms on a fake clock, and a UI turn that records how long the stretch was. */
  function setUp(count: number, cost: number) {
    let time = 0;
    let sliceStart = 0;
    const stretches: number[] = [];
    const log = { closed: false };
    function* steps(): Generator<void, string, void> {
      try {
        for (let i = 0; i < count; i++) {
          time += cost;
          yield;
        }
        return "done";
      } finally {
        log.closed = true;
      }
    }
    const yieldToUi = (): Promise<void> => {
      stretches.push(time - sliceStart);
      time += 100;
      sliceStart = time;
      return Promise.resolve();
    };
    return { steps: steps(), stretches, log, options: { yieldToUi, budgetMs: 8, now: () => time } };
  }

  it("gives the UI a turn whenever the budget is spent, and returns the result", async () => {
    const run = setUp(10, 3);
    await expect(runInSlices(run.steps, run.options)).resolves.toBe("done");
    expect(run.stretches).toEqual([9, 9, 9]); // three steps of 3 ms pass the 8 ms budget
    const quick = setUp(10, 0.5);
    await expect(runInSlices(quick.steps, quick.options)).resolves.toBe("done");
    expect(quick.stretches).toEqual([]);
  });

  it("stops at a turn when cancelled, and closes the steps", async () => {
    const run = setUp(10, 3);
    let turns = 0;
    const result = await runInSlices(run.steps, { ...run.options, cancelled: () => ++turns === 2 });
    expect(result).toBeNull();
    expect(run.stretches).toHaveLength(2);
    expect(run.log.closed).toBe(true);
  });
});
