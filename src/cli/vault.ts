// The vault on disk: finding notes, reading them, and writing one note whole or not at all.
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import {
  accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, type Stats,
} from "node:fs";
import { dirname, join, sep } from "node:path";
import process from "node:process";
import { applyLineEdits, CompletionHistory, historyDevice, parseEvents, type EditFailure } from "../core/planner";
import { settingsFromData, type BrainQueueSettings } from "../core/base";
import type { LineEdit } from "../core/base";
import { quotedPath, UsageError } from "./args";

export interface VaultNote {
  /** Vault-relative, with `/`. */
  path: string;
  text: string;
  mtime: number;
  size: number;
}

export function assertFolder(folder: string): void {
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`vault folder not found: ${quotedPath(folder)}`);
  }
  if (!isDir) throw new UsageError(`not a folder: ${quotedPath(folder)}`);
}

/** Vault-relative paths of every `.md` note, skipping dot-folders and dot-files (.obsidian, .git, .trash). */
export function listNotes(folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    let entries;
    try {
      entries = readdirSync(relative ? join(folder, relative) : folder, { withFileTypes: true });
    } catch {
      return; // unreadable folder: skip it like Obsidian would
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) found.push(path);
    }
  };
  walk("");
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const fullPath = (folder: string, path: string): string => join(folder, ...path.split("/"));

export function readNote(folder: string, path: string): VaultNote | null {
  try {
    const file = fullPath(folder, path);
    const bytes = readFileSync(file);
    const stat = statSync(file);
    return { path, text: bytes.toString("utf8"), mtime: stat.mtimeMs, size: stat.size };
  } catch {
    return null;
  }
}

/** Settings from a JSON file (the plugin's data.json works), read as the plugin reads them: `settingsFromData`. */
export function loadSettings(file: string | null): BrainQueueSettings {
  if (file === null) return settingsFromData(null);
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    const code = errorCode(error);
    throw new UsageError(`cannot read settings ${quotedPath(file)}: ${code === "ENOENT" ? "no such file" : code}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    // JSON.parse's message quotes the text: a file given by mistake (`/etc/passwd`) must not be echoed.
    throw new UsageError(`cannot read settings ${quotedPath(file)}: not JSON`);
  }
  return settingsFromData(raw);
}

/**
 * Every device's completion history in the plugin's folder, merged as the plugin merges it. A file that
 * cannot be read is skipped like a torn line; a missing or unreadable folder is a usage error.
 */
export function loadHistory(folder: string): CompletionHistory {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    const code = errorCode(error);
    throw new UsageError(`cannot read history folder ${quotedPath(folder)}: ${code === "ENOENT" ? "no such folder" : code}`);
  }
  const history = new CompletionHistory();
  for (const name of names.sort()) {
    const device = historyDevice(name);
    if (device === null) continue;
    let text = "";
    try {
      text = readFileSync(join(folder, name), "utf8");
    } catch {
      continue;
    }
    history.add(parseEvents(device, text));
  }
  return history;
}

export type WriteResult = { path: string; ok: true } | { path: string; ok: false; reason: string; failures?: EditFailure[] };

/** For tests: a step run after the note was read and its new text made, before the check that it is unchanged. */
export interface WriteHooks { beforeCheck?: () => void }

/** Reads and re-applications before a note that keeps changing under another writer is given up. */
const WRITE_TRIES = 3;

/**
 * Applies one note's edits to its current bytes and replaces the file whole (temp file + rename), then
 * checks nothing else wrote the note meanwhile (size, modification time and bytes): when something did,
 * the edits are applied again to the new text (each still checks its line), a few times at most.
 * Refuses notes that are not valid UTF-8 (writing them back would alter bytes) and notes whose lines
 * no longer say what the plan saw.
 */
export function writeEdits(folder: string, path: string, edits: LineEdit[], hooks: WriteHooks = {}): WriteResult {
  const file = fullPath(folder, path);
  for (let attempt = 0; attempt < WRITE_TRIES; attempt++) {
    let bytes: Buffer;
    let stat: Stats;
    try {
      bytes = readFileSync(file);
      stat = statSync(file);
    } catch {
      return { path, ok: false, reason: "the note can no longer be read" };
    }
    const refused = whyNotReplace(file, stat);
    if (refused !== null) return { path, ok: false, reason: refused };
    const text = bytes.toString("utf8");
    if (!Buffer.from(text, "utf8").equals(bytes)) return { path, ok: false, reason: "the note is not valid UTF-8; left untouched" };
    const outcome = applyLineEdits(text, edits);
    if (!outcome.ok) return { path, ok: false, reason: "the note changed since it was read", failures: outcome.failures };
    hooks.beforeCheck?.();
    const temp = join(dirname(file), `.${file.split(sep).pop()}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      const fd = openSync(temp, "wx", 0o600);
      try {
        // The note's owner, group and mode (not the umask's): chown first, as it may clear set-id bits.
        if (userId() !== null) fchownSync(fd, stat.uid, stat.gid);
        fchmodSync(fd, stat.mode & 0o7777);
        writeSync(fd, Buffer.from(outcome.text, "utf8"));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (!unchangedSince(file, bytes, stat)) {
        unlinkSync(temp);
        continue;
      }
      renameSync(temp, file);
    } catch (error) {
      try { unlinkSync(temp); } catch { /* already gone */ }
      return { path, ok: false, reason: `could not write (${errorCode(error)})` };
    }
    return { path, ok: true };
  }
  return { path, ok: false, reason: "the note kept changing while it was being written; left as the other writer left it" };
}

/** The user this process runs as, or null where there are none (Windows). */
const userId = (): number | null => (typeof process.getuid === "function" ? process.getuid() : null);

/**
 * Why the note must not be replaced by a new file, or null. Replacing (not writing in place) keeps a
 * crash or a full disk from leaving half a note; what a new file cannot carry over is refused instead:
 * other hard links, and an owner this user cannot give it. A note the user may not write is never
 * written, as root included: root honours the mode bits (a 0444 note stays as it is).
 */
function whyNotReplace(file: string, stat: Stats): string | null {
  if (stat.nlink > 1) return `it has ${stat.nlink} hard links; replacing it would break them`;
  const uid = userId();
  if (uid === 0) return (stat.mode & 0o222) === 0 ? "it is read-only" : null;
  try {
    accessSync(file, constants.W_OK);
  } catch {
    return "you may not write it";
  }
  if (uid !== null && stat.uid !== uid) return "it belongs to another user; replacing it would make it yours";
  return null;
}

/** Whether the file still has the size, modification time and bytes it had when read. */
function unchangedSince(file: string, bytes: Buffer, stat: Stats): boolean {
  const now = statSync(file);
  return now.ino === stat.ino && now.size === stat.size && now.mtimeMs === stat.mtimeMs && readFileSync(file).equals(bytes);
}

/** A file system error's code (`EACCES`): its message would carry the path unescaped. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z0-9_]+$/u.test(code) ? code : "unexpected error";
}
