// Writes a generated vault into the temp folder once; later runs reuse it when the marker matches.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { GENERATOR_VERSION, generateNote, planVault, type NoteKind } from "./generator";

export interface VaultFile { path: string; kind: NoteKind; bytes: number }
export interface Vault { dir: string; seed: number; size: number; files: VaultFile[]; bytes: number; reused: boolean }

const MARKER = ".bench-vault.json";
const encoder = new TextEncoder();

export function vaultDir(seed: number, size: number, root = tmpdir()): string {
  return join(root, `brain-queue-bench-${seed}-${size}`);
}

export function ensureVault(seed: number, size: number, root = tmpdir()): Vault {
  const dir = vaultDir(seed, size, root);
  const markerPath = join(dir, MARKER);
  if (existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, "utf8")) as { version: number; seed: number; size: number; files: VaultFile[] };
    if (marker.version === GENERATOR_VERSION && marker.seed === seed && marker.size === size) {
      return { dir, seed, size, files: marker.files, bytes: totalBytes(marker.files), reused: true };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const files: VaultFile[] = [];
  const made = new Set<string>();
  for (const spec of planVault(seed, size)) {
    const target = join(dir, spec.path);
    const folder = dirname(target);
    if (!made.has(folder)) { mkdirSync(folder, { recursive: true }); made.add(folder); }
    const data = encoder.encode(generateNote(seed, spec));
    writeFileSync(target, data);
    files.push({ path: spec.path, kind: spec.kind, bytes: data.length });
  }
  // Written last: an interrupted generation never looks complete.
  writeFileSync(markerPath, JSON.stringify({ version: GENERATOR_VERSION, seed, size, files }));
  return { dir, seed, size, files, bytes: totalBytes(files), reused: false };
}

function totalBytes(files: VaultFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}
