// Node worker threads behind the plugin's ParsePool, so the cold start measured is the plugin's: this
// thread reads the notes, the workers parse them (one per core beyond this one, as in the plugin).
import { cpus } from "node:os";
import { clearTimeout, setTimeout } from "node:timers";
import { Worker } from "node:worker_threads";
import { ParsePool, parseWorkerCount, type ParseEndpoint } from "../../src/core/storage";
import type { ParseReply } from "../../src/core/storage";

/** Written next to the bench bundle by scripts/bench.mjs. */
const WORKER_FILE = new URL("./bench-worker.mjs", import.meta.url);

/** The pool, and `stop()`, which resolves once every worker thread has exited. */
export interface NodeParseWorkers {
  pool: ParsePool;
  stop(): Promise<void>;
}

export function startNodeParseWorkers(count = parseWorkerCount(cpus().length)): NodeParseWorkers {
  const threads = Array.from({ length: count }, () => new Worker(WORKER_FILE));
  const exited = threads.map((thread) => new Promise<void>((resolve) => thread.once("exit", () => resolve())));
  const pool = new ParsePool(threads.map(endpoint), {
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  return {
    pool,
    // Awaited outside the timed stretches: a thread tearing its heap down would take a core from the next one.
    stop: async () => {
      pool.close();
      await Promise.all(exited);
    },
  };
}

function endpoint(worker: Worker): ParseEndpoint {
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onReply, onFailure) => {
      worker.on("message", (reply: ParseReply) => onReply(reply));
      worker.on("error", (error) => onFailure(error.message));
      worker.on("exit", (code) => onFailure(`parse worker exited (${code})`));
    },
    terminate: () => void worker.terminate(),
  };
}
