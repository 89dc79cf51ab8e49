// Node worker threads behind the plugin's ParsePool, so the cold start measured is the plugin's: this
// thread reads the notes, the workers parse them (one per core beyond this one, as in the plugin).
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import { ParsePool, parseWorkerCount, type ParseEndpoint } from "../../src/core/parsePool";
import type { ParseReply } from "../../src/core/parseBatch";

/** Written next to the bench bundle by scripts/bench.mjs. */
const WORKER_FILE = new URL("./bench-worker.mjs", import.meta.url);

export function startNodeParseWorkers(count = parseWorkerCount(cpus().length)): ParsePool {
  const workers: ParseEndpoint[] = [];
  for (let n = 0; n < count; n++) workers.push(endpoint(new Worker(WORKER_FILE)));
  return new ParsePool(workers);
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
