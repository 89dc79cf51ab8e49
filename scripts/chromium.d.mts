// Types for scripts/chromium.mjs, which the browser tests and the bench import.
export const CHROMIUM_ARGS: string[];
export function wantsBundled(): boolean;
export function installedChromiumPath(): string | null;
export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Variables added to the browser's environment. */
  env: Record<string, string>;
  source: string;
}
export function chromiumLaunch(): Promise<ChromiumLaunch | null>;
