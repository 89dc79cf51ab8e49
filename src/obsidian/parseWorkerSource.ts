// The parse worker's code as text. This file is what tests and the type checker see: no worker, so the
// index parses on the main thread. The plugin build replaces it with the bundled src/worker/parseWorker.ts.
const parseWorkerSource: string | null = null;
export default parseWorkerSource;
