// What every measurement of one vault needs: its files, absolute paths and stats (taken once, untimed,
// the way Obsidian already knows every file's stat before a plugin asks).
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NoteStat } from "../../src/core/index";
import type { Vault, VaultFile } from "./vault";

export interface BenchVault {
  vault: Vault;
  files: VaultFile[];
  paths: string[];
  abs: string[];
  stats: NoteStat[];
}

export function openVault(vault: Vault): BenchVault {
  const files = [...vault.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const onDisk = countMarkdown(vault.dir);
  if (onDisk !== files.length) throw new Error(`${vault.dir}: ${onDisk} notes on disk, ${files.length} expected`);
  const paths = files.map((f) => f.path);
  const abs = paths.map((p) => join(vault.dir, p));
  const stats = abs.map((file) => {
    const stat = statSync(file);
    return { mtime: stat.mtimeMs, size: stat.size };
  });
  return { vault, files, paths, abs, stats };
}

/** The repository root, wherever this code was bundled to: the nearest folder with a package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function countMarkdown(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".md")) count++;
  }
  return count;
}
