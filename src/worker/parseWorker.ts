// The plugin's parse worker (bundled on its own and carried in main.js as text, see esbuild.config.mjs):
// answers each batch of notes with its records, handing the columns' buffer over instead of copying it.
import { ParseAnswerer, type ParseRequest } from "../core/storage";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const answerer = new ParseAnswerer();
scope.onmessage = (event) => {
  const reply = answerer.answer(event.data);
  scope.postMessage(reply, "records" in reply ? [reply.columns.buffer] : []);
};
