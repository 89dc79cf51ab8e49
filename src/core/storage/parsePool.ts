// Workers that parse batches of notes (parseBatch.ts), seen through one small interface so the plugin's
// web workers and the benchmark's Node worker threads share this bookkeeping: request ids, the least busy
// worker first, and a failed worker's requests rejected so the caller parses those notes itself.
import { errorMessage } from "../base";
import type { ParseReply, ParseRequest } from "./parseBatch";
import type { NoteRecord } from "../items";

/** A batch's records as a worker sent them (see parseBatch). */
export type ParsedRecords = (NoteRecord | null)[];

/** One worker as the pool sees it. */
export interface ParseEndpoint {
  /** `transfer`: buffers handed over with the request (a note's bytes), not copied. */
  post(request: ParseRequest, transfer: ArrayBuffer[]): void;
  /** Called once, before the first post. `onFailure`: the worker is gone (crashed, refused to start). */
  listen(onReply: (reply: ParseReply) => void, onFailure: (message: string) => void): void;
  terminate(): void;
}

/**
 * Batches queued on one worker before it counts as busy. Its answers wait until the reading thread ends
 * its slice (several batches long), so a shorter queue would leave the worker idle meanwhile.
 */
export const QUEUED_PER_WORKER = 16;

interface Pending { worker: number; resolve: (records: ParsedRecords) => void; reject: (error: Error) => void }

export interface PoolOptions {
  /** Runs once the workers are stopped (the plugin revokes their script's URL there). */
  onClose?: () => void;
  /**
   * Starts a timer and returns what cancels it. With it, a worker that holds batches and answers none for
   * `patienceMs` counts as failed (its batches are parsed by the caller), so a hung worker cannot stall a
   * start-up. The core keeps no clock of its own.
   */
  setTimer?: (run: () => void, ms: number) => () => void;
  patienceMs?: number;
}

/** A batch takes milliseconds, a 1 MB note a fraction of a second; half a minute without any answer is a hang. */
export const PATIENCE_MS = 30_000;

export class ParsePool {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly busy: number[];
  private readonly alive: boolean[];
  /** Per worker, what cancels its watchdog (armed while it holds batches). */
  private readonly watchdogs: ((() => void) | null)[];
  private closed = false;

  constructor(private readonly workers: ParseEndpoint[], private readonly options: PoolOptions = {}) {
    this.busy = workers.map(() => 0);
    this.alive = workers.map(() => true);
    this.watchdogs = workers.map(() => null);
    workers.forEach((worker, n) => worker.listen((reply) => this.settle(reply), (message) => this.fail(n, message)));
  }

  get size(): number {
    return this.alive.filter(Boolean).length;
  }

  /** Batches sent and not yet answered, on the workers still alive. */
  get queued(): number {
    let queued = 0;
    this.workers.forEach((_, n) => { if (this.alive[n]) queued += this.busy[n]; });
    return queued;
  }

  /** Whether every worker has a full queue (a batch is better parsed by the caller then). */
  get saturated(): boolean {
    return !this.workers.some((_, n) => this.alive[n] && this.busy[n] < QUEUED_PER_WORKER);
  }

  /** The batch's records; rejects when no worker can take it or the one that took it failed. */
  parse(batch: Omit<ParseRequest, "id">, transfer: ArrayBuffer[] = []): Promise<ParsedRecords> {
    let worker = -1;
    for (let n = 0; n < this.workers.length; n++) if (this.alive[n] && (worker < 0 || this.busy[n] < this.busy[worker])) worker = n;
    if (this.closed || worker < 0) return Promise.reject(new Error("no parse worker"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      if (this.busy[worker]++ === 0) this.watch(worker);
      try {
        this.workers[worker].post({ id, ...batch }, transfer);
      } catch (error) {
        this.fail(worker, errorMessage(error));
      }
    });
  }

  /** Stops every worker; requests still out are rejected. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.workers.forEach((worker, n) => {
      if (this.alive[n]) worker.terminate();
      this.fail(n, "closed");
    });
    this.options.onClose?.();
  }

  /** (Re)arms the worker's watchdog: it fails the worker unless an answer comes within the patience. */
  private watch(worker: number): void {
    this.watchdogs[worker]?.();
    const { setTimer } = this.options;
    this.watchdogs[worker] = setTimer
      ? setTimer(() => this.fail(worker, "the parse worker stopped answering"), this.options.patienceMs ?? PATIENCE_MS)
      : null;
  }

  private settle(reply: ParseReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (--this.busy[pending.worker] > 0) this.watch(pending.worker);
    else this.unwatch(pending.worker);
    if ("records" in reply) pending.resolve(reply.records);
    else pending.reject(new Error(reply.error));
  }

  private unwatch(worker: number): void {
    this.watchdogs[worker]?.();
    this.watchdogs[worker] = null;
  }

  private fail(worker: number, message: string): void {
    this.unwatch(worker);
    if (this.alive[worker] && !this.closed) this.workers[worker].terminate(); // a hung worker is stopped too
    this.alive[worker] = false;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(new Error(message));
    }
    this.busy[worker] = 0;
  }
}

/** Workers to start on a machine with `cores` cores: one core stays with the thread that reads the notes. */
export function parseWorkerCount(cores: number | undefined): number {
  return Math.max(1, Math.min(3, (cores ?? 2) - 1));
}
