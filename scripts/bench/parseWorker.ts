// The benchmark's parse worker: the plugin's (src/worker/parseWorker.ts) on a Node worker thread.
import { parentPort } from "node:worker_threads";
import { ParseAnswerer, type ParseRequest } from "../../src/core/storage";

const port = parentPort!;
const answerer = new ParseAnswerer();
port.on("message", (request: ParseRequest) => {
  const reply = answerer.answer(request);
  port.postMessage(reply, "records" in reply ? [reply.columns.buffer as ArrayBuffer] : []);
});
