// Web workers for the start-up index (src/worker/parseWorker.ts, carried in main.js as text): the main
// thread reads notes while another core parses them. Null wherever workers are unavailable (no Worker, a
// refused blob URL, the test build): the index then parses on the main thread, as before.
import { ParsePool, parseWorkerCount, type ParseEndpoint } from "../core/storage";
import type { ParseReply } from "../core/storage";
import parseWorkerSource from "./parseWorkerSource";

export function startParseWorkers(): ParsePool | null {
  if (parseWorkerSource === null || typeof Worker !== "function" || typeof URL.createObjectURL !== "function") return null;
  let url: string | null = null;
  const workers: ParseEndpoint[] = [];
  try {
    url = URL.createObjectURL(new Blob([parseWorkerSource], { type: "text/javascript" }));
    const count = parseWorkerCount(navigator.hardwareConcurrency || undefined);
    for (let n = 0; n < count; n++) workers.push(endpoint(new Worker(url, { name: "brain-queue-parse" })));
  } catch {
    for (const worker of workers) worker.terminate();
    if (url !== null) URL.revokeObjectURL(url);
    return null;
  }
  // The URL stays valid while the workers live: revoking it early can fail a worker still fetching it.
  const blobUrl = url;
  return new ParsePool(workers, {
    onClose: () => URL.revokeObjectURL(blobUrl),
    setTimer: (run, ms) => {
      const timer = window.setTimeout(run, ms);
      return () => window.clearTimeout(timer);
    },
  });
}

function endpoint(worker: Worker): ParseEndpoint {
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onReply, onFailure) => {
      worker.onmessage = (event: MessageEvent<ParseReply>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(event.message || "the parse worker failed");
      };
      worker.onmessageerror = () => onFailure("a parse worker's message could not be read");
    },
    terminate: () => worker.terminate(),
  };
}
