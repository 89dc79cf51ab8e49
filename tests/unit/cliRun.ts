// Running the built CLI in the CLI's end-to-end tests: built once per file (through the npm entry, which
// builds .build/cli.mjs on demand), run with the time zone pinned, its JSON checked for a clean exit.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import process from "node:process";
import { beforeAll, expect } from "vitest";

export const ROOT = join(import.meta.dirname, "../..");
export const BUILT = join(ROOT, ".build/cli.mjs");

export interface Run { code: number | null; stdout: string; stderr: string }

/** Builds the CLI before the calling file's tests (once; later files find it built). */
export function useBuiltCli(): void {
  beforeAll(() => {
    const built = spawnSync(process.execPath, [join(ROOT, "scripts/cli.mjs"), "--help"], { encoding: "utf8", cwd: ROOT });
    expect(built.status).toBe(0);
    expect(built.stdout).toContain("Usage:");
  }, 60_000);
}

/** Runs the CLI in Asia/Shanghai (the person's zone), as user `uid` when given (root tests drop to nobody). */
export function cliAs(uid: number | undefined, args: string[]): Run {
  const result = spawnSync(process.execPath, [BUILT, ...args], {
    encoding: "utf8", cwd: ROOT, env: { ...process.env, TZ: "Asia/Shanghai" }, ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const cli = (...args: string[]): Run => cliAs(undefined, args);

/** The command's `--json` answer, after checking it exited 0 and wrote nothing to stderr. */
export function cliJson<T>(...args: string[]): T {
  const run = cli(...args, "--json");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}
