// The benchmark's parse worker: the plugin's (src/worker/parseWorker.ts) on a Node worker thread.
import { parentPort } from "node:worker_threads";
import { answerParseRequest, type ParseRequest } from "../../src/core/storage";

const port = parentPort!;
port.on("message", (request: ParseRequest) => {
  const reply = answerParseRequest(request);
  port.postMessage(reply, "records" in reply ? [reply.columns.buffer as ArrayBuffer] : []);
});
