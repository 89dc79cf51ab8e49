// Types for scripts/chromium.mjs, which the browser tests import.
export const CHROMIUM_ARGS: string[];
export function chromiumPath(): string | null;
