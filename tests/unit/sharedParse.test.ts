// The start-up index shared with parse workers: whatever the workers do (answer late, fail, get no room),
// the index ends up equal to one parsed on this thread, and newer states of a note are never overwritten.
// The workers here run in this thread, but requests and replies cross structuredClone with their
// transfer lists, as they cross threads: a record that could not travel would fail these tests.
import fc from "fast-check";
import { setTimeout } from "node:timers"; // a Node test: no window
import { describe, expect, it } from "vitest";
import { indexInBatches, type ReadResult } from "../../src/core/index/batch";
import { ParseAnswerer, type ParseRequest, type ParseReply } from "../../src/core/storage/parseBatch";
import { ParsePool, parseWorkerCount, QUEUED_PER_WORKER, type ParseEndpoint } from "../../src/core/storage/parsePool";
import { VaultIndex, type NoteStat } from "../../src/core/index/vaultIndex";
import { noteText, snapshot } from "./vaultOps";

const DAYS = ["2021-03-22", "2021-03-28", "2021-04-22", "2021-11-20", "2026-03-04"];

/** A parse worker in this thread. `holding`: requests wait for `release()`; `failOn`: the n-th request
 *  kills it (it answers nothing after, like a crashed worker). */
class InThreadWorker implements ParseEndpoint {
  requests = 0;
  terminations = 0;
  private dead = false;
  /** What the real worker keeps: one answerer for its life. */
  private answerer = new ParseAnswerer();
  private held: ParseRequest[] = [];
  private onReply: (reply: ParseReply) => void = () => {};
  private onFailure: (message: string) => void = () => {};
  constructor(private readonly behaviour: { holding?: boolean; failOn?: number } = {}) {}

  listen(onReply: (reply: ParseReply) => void, onFailure: (message: string) => void): void {
    this.onReply = onReply;
    this.onFailure = onFailure;
  }

  post(request: ParseRequest, transfer: ArrayBuffer[]): void {
    const copy = structuredClone(request, { transfer });
    if (++this.requests === this.behaviour.failOn) {
      setTimeout(() => {
        this.dead = true; // answers still queued behind this one never come
        this.onFailure("worker crashed");
      }, 0);
      return;
    }
    if (this.behaviour.holding) this.held.push(copy);
    else setTimeout(() => this.answer(copy), 0);
  }

  release(): void {
    for (const request of this.held.splice(0)) this.answer(request);
  }

  get terminated(): boolean {
    return this.terminations > 0;
  }

  terminate(): void {
    this.terminations++;
  }

  private answer(request: ParseRequest): void {
    if (this.terminated || this.dead) return;
    const reply = this.answerer.answer(request);
    this.onReply(structuredClone(reply, { transfer: "records" in reply ? [reply.columns.buffer as ArrayBuffer] : [] }));
  }
}

const encoder = new TextEncoder();
const statOf = (text: string): NoteStat => ({ mtime: 1, size: text.length });

/** Reads `files` (as bytes where `asBytes` says so), counting reads per path. */
function reader(files: Map<string, string>, asBytes: (path: string) => boolean = () => true) {
  const reads = new Map<string, number>();
  const read = (path: string): ReadResult => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    const text = files.get(path);
    if (text === undefined) return null;
    return { text: asBytes(path) ? encoder.encode(text) : text, stat: statOf(text) };
  };
  return { read, reads };
}

function freshOf(files: Map<string, string>): VaultIndex {
  const fresh = new VaultIndex();
  for (const [path, text] of files) fresh.update(path, text, statOf(text));
  return fresh;
}

const quick = { yieldToUi: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), now: () => 0 };

describe("indexInBatches with parse workers", () => {
  it("equals an index parsed on this thread, whatever the batch sizes, texts or bytes, and survives the cache", async () => {
    const note = fc.record({ text: noteText, bytes: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(note, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 2 }),
        async (notes, batchSize, workerCount) => {
          const files = new Map(notes.map((n, i) => [`Plans/${i}.md`, n.text]));
          const { read } = reader(files, (path) => notes[Number(path.slice(6, -3))].bytes);
          const pool = new ParsePool(Array.from({ length: workerCount }, () => new InThreadWorker()));
          const index = new VaultIndex();
          const result = await indexInBatches([...files.keys()], read, index, { ...quick, pool, workerBatchSize: batchSize });
          pool.close();
          expect(result.indexed).toBe(files.size);
          expect(result.failed).toEqual([]);
          const expected = snapshot(freshOf(files), DAYS);
          expect(snapshot(index, DAYS)).toEqual(expected);
          expect(snapshot(VaultIndex.fromCache(index.toCache()), DAYS)).toEqual(expected);
        }),
      { numRuns: 150 },
    );
  });

  it("parses a batch here when the worker holding it fails, reading handed-over bytes again", async () => {
    const count = QUEUED_PER_WORKER + 3;
    const files = new Map(Array.from({ length: count }, (_, i) => [`n${i}.md`, `## T\n- [ ] 2021/03/${10 + i} task ${i}\n`]));
    const { read, reads } = reader(files);
    const worker = new InThreadWorker({ failOn: 2 });
    const pool = new ParsePool([worker]);
    const index = new VaultIndex();
    const result = await indexInBatches([...files.keys()], read, index, { ...quick, pool, workerBatchSize: 1 });
    expect(snapshot(index, DAYS)).toEqual(snapshot(freshOf(files), DAYS));
    // Note 0 was answered before the failure. Notes 1 to QUEUED_PER_WORKER - 1 were out with the worker when
    // it failed, as bytes (handed over): read again. The last ones found its queue full and were parsed here.
    const expected = [1, ...Array<number>(QUEUED_PER_WORKER - 1).fill(2), ...Array<number>(count - QUEUED_PER_WORKER).fill(1)];
    expect([...reads.values()]).toEqual(expected);
    expect(result.onWorkers).toBe(1);
    expect(result.indexed).toBe(count);
    expect(pool.size).toBe(0);
  });

  it("lists a note it cannot read again after a worker failed, and leaves its old record", async () => {
    const files = new Map([["kept.md", "- [ ] 2021/03/22 new\n"], ["other.md", "- [ ] 2021/03/22 other\n"]]);
    const index = new VaultIndex();
    index.update("kept.md", "- [ ] 2021/03/22 old\n", { mtime: 0, size: 0 });
    const { read, reads } = reader(files);
    const failingSecondRead = (path: string): ReadResult => {
      if (path === "kept.md" && reads.get(path) === 1) throw new Error("EBUSY");
      return read(path);
    };
    const pool = new ParsePool([new InThreadWorker({ failOn: 1 })]);
    const result = await indexInBatches([...files.keys()], failingSecondRead, index, { ...quick, pool });
    expect(result.failed).toEqual([{ path: "kept.md", message: "EBUSY" }]);
    expect(index.itemsOn("2021-03-22").map((item) => item.text)).toEqual(["old", "other"]);
  });

  it("keeps a note's newer state when it changed or went while its batch was with a worker", async () => {
    const files = new Map([
      ["edited.md", "- [ ] 2021/03/22 old text\n"],
      ["deleted.md", "- [ ] 2021/03/22 deleted meanwhile\n"],
      ["vanished.md", "- [ ] 2021/03/22 deleted, no event yet\n"],
      ["last.md", "- [ ] 2021/03/22 last\n"],
      ["tail.md", "- [ ] 2021/03/22 tail\n"],
    ]);
    const worker = new InThreadWorker({ holding: true });
    const pool = new ParsePool([worker]);
    const index = new VaultIndex();
    const gone = new Set<string>();
    const { read } = reader(files);
    const readAndEdit = (path: string): ReadResult => {
      if (path === "last.md") {
        // While the first batches are out: an edit from the editor, a deletion the index heard of, one it did not.
        index.update("edited.md", "- [ ] 2021/03/22 new text\n");
        gone.add("deleted.md");
        index.remove("deleted.md");
        gone.add("vanished.md");
        setTimeout(() => worker.release(), 0);
      }
      return read(path);
    };
    const stat = (path: string): NoteStat | null => (gone.has(path) ? null : statOf(files.get(path)!));
    const result = await indexInBatches([...files.keys()], readAndEdit, index, { ...quick, pool, stat, workerBatchSize: 1 });
    expect(index.itemsOn("2021-03-22").map((item) => `${item.path}: ${item.text}`)).toEqual(["edited.md: new text", "last.md: last", "tail.md: tail"]);
    expect(index.paths()).toEqual(["edited.md", "last.md", "tail.md"]);
    // Of the worker's answers only last.md was still as read; tail.md, the last batch, was parsed here.
    expect(result.onWorkers).toBe(1);
  });

  it("parses batches here while the workers' queues are full, and takes the workers' answers after", async () => {
    const count = QUEUED_PER_WORKER + 4;
    const files = new Map(Array.from({ length: count }, (_, i) => [`n${i}.md`, `- [ ] 2021/03/22 task ${i}\n`]));
    const worker = new InThreadWorker({ holding: true });
    const pool = new ParsePool([worker]);
    const { read } = reader(files);
    const releaseAtEnd = (path: string): ReadResult => {
      if (path === `n${count - 1}.md`) setTimeout(() => worker.release(), 0);
      return read(path);
    };
    const index = new VaultIndex();
    const result = await indexInBatches([...files.keys()], releaseAtEnd, index, { ...quick, pool, workerBatchSize: 1 });
    // The first batches fill the worker's queue; the other four were parsed on this thread.
    expect(worker.requests).toBe(QUEUED_PER_WORKER);
    expect(result.onWorkers).toBe(QUEUED_PER_WORKER);
    expect(index.itemsOn("2021-03-22")).toHaveLength(count);
  });

  it("parses the last batches here once the worker's queue holds more than is left to read", async () => {
    // Ten notes of the same size, one batch each, and a worker that answers only at the end: after five
    // batches are queued, less than that is left to read, so the other five are parsed on this thread.
    const files = new Map(Array.from({ length: 10 }, (_, i) => [`n${i}.md`, `- [ ] 2021/03/22 task ${i}\n`]));
    const size = files.get("n0.md")!.length;
    const worker = new InThreadWorker({ holding: true });
    const pool = new ParsePool([worker]);
    const { read } = reader(files);
    const releaseAtEnd = (path: string): ReadResult => {
      if (path === "n9.md") setTimeout(() => worker.release(), 0);
      return read(path);
    };
    const index = new VaultIndex();
    const stat = (path: string): NoteStat | null => statOf(files.get(path)!);
    const result = await indexInBatches([...files.keys()], releaseAtEnd, index, { ...quick, pool, stat, workerBatchSize: size });
    expect(worker.requests).toBe(5);
    expect(result.onWorkers).toBe(5);
    expect(index.itemsOn("2021-03-22")).toHaveLength(10);
  });

  it("stops when cancelled and leaves the answers still out alone", async () => {
    const files = new Map(Array.from({ length: 6 }, (_, i) => [`n${i}.md`, `- [ ] 2021/03/22 task ${i}\n`]));
    const worker = new InThreadWorker();
    const pool = new ParsePool([worker]);
    const { read } = reader(files);
    let readCount = 0;
    const index = new VaultIndex();
    const result = await indexInBatches([...files.keys()], (path) => { readCount++; return read(path); }, index, {
      ...quick, pool, workerBatchSize: 1, cancelled: () => readCount >= 3,
    });
    await new Promise((resolve) => setTimeout(resolve, 5)); // the answers arrive
    expect(readCount).toBe(3);
    expect(result.onWorkers).toBe(0);
    expect(index.size).toBe(0);
  });
});

describe("ParsePool", () => {
  const request = { options: { trackHeadingLevel: 2, venues: [] }, paths: ["a.md"], texts: ["- [ ] 2021/03/22 a\n"], stats: [null] };

  it("sends each batch to the least busy worker and matches answers by id", async () => {
    const workers = [new InThreadWorker({ holding: true }), new InThreadWorker({ holding: true })];
    const pool = new ParsePool(workers);
    const answers = [pool.parse(request), pool.parse(request), pool.parse(request)];
    expect(workers.map((w) => w.requests)).toEqual([2, 1]);
    workers[1].release();
    workers[0].release();
    const records = await Promise.all(answers);
    expect(records.map((r) => r[0]?.items.count)).toEqual([1, 1, 1]);
  });

  it("rejects a worker's requests when it fails or the pool closes, and stops every worker once", async () => {
    const workers = [new InThreadWorker({ holding: true }), new InThreadWorker({ failOn: 1 })];
    let closed = 0;
    const pool = new ParsePool(workers, { onClose: () => closed++ });
    const held = pool.parse(request);
    await expect(pool.parse(request)).rejects.toThrow("worker crashed");
    expect(pool.size).toBe(1);
    pool.close();
    pool.close();
    await expect(held).rejects.toThrow("closed");
    await expect(pool.parse(request)).rejects.toThrow("no parse worker");
    expect(workers.map((w) => w.terminations)).toEqual([1, 1]); // the failed one when it failed
    expect(closed).toBe(1);
  });

  it("gives up on a worker that holds batches and answers none for its patience, and starts over with each answer", async () => {
    const timers: { run: () => void; ms: number; live: boolean }[] = [];
    const setTimer = (run: () => void, ms: number): (() => void) => {
      const timer = { run, ms, live: true };
      timers.push(timer);
      return () => { timer.live = false; };
    };
    const live = (): number[] => timers.filter((t) => t.live).map((t) => t.ms);
    const worker = new InThreadWorker({ holding: true });
    const pool = new ParsePool([worker], { setTimer, patienceMs: 1234 });
    const answered = Promise.all([pool.parse(request), pool.parse(request)]);
    expect(live()).toEqual([1234]); // one watchdog per worker
    worker.release();
    await answered;
    expect(live()).toEqual([]); // nothing held, nothing to wait for
    const first = pool.parse(request);
    const second = pool.parse(request);
    expect(live()).toEqual([1234]);
    timers.find((t) => t.live)!.run();
    expect(pool.size).toBe(0);
    expect(worker.terminations).toBe(1);
    await expect(first).rejects.toThrow("stopped answering");
    await expect(second).rejects.toThrow("stopped answering");
  });

  it("answers a malformed request with an error, never a throw", () => {
    expect(new ParseAnswerer().answer({ id: 7 } as ParseRequest)).toMatchObject({ id: 7, error: expect.any(String) as string });
  });

  it("keeps one core for the reading thread", () => {
    expect([1, 2, 4, 16, undefined].map(parseWorkerCount)).toEqual([1, 1, 3, 3, 1]);
  });
});
