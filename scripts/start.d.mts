// Types for scripts/start.mjs, which the browser tests import.
export function prepare(options?: { log?: (message: string) => void }): Promise<void>;
export function startServer(options?: { port?: number; host?: string; vault?: string }): Promise<{ url: string; close: () => Promise<void> }>;
