// Records the day items are ticked, in a file of this device's own in the plugin's folder
// (`history-<device>.jsonl`), and reads every device's file back into one merged history. A tick from
// the sidebar, the editor or the palette, or one synced in from another device, all reach the index as
// a change of the note: the log compares each changed note with the version it saw before.
import { normalizePath, type App, type PluginManifest } from "obsidian";
import { localDay } from "../core/base";
import type { NoteItems } from "../core/items";
import type { VaultIndex } from "../core/index";
import { completionChanges, CompletionHistory, eventLine, historyDevice, parseEvents, type CompletionEvent } from "../core/planner";

const DEVICE_KEY = "brain-queue-device";

export class CompletionLog {
  readonly history = new CompletionHistory();
  private readonly folder: string;
  private device = "";
  private seq = 0;
  /** Each note's items as last seen, to tell what a change ticked. */
  private seen = new Map<string, NoteItems>();
  private index: VaultIndex | null = null;
  private detach: (() => void) | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly app: App, manifest: PluginManifest, private readonly clock: () => Date) {
    this.folder = normalizePath(manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`);
  }

  private get file(): string {
    return `${this.folder}/history-${this.device}.jsonl`;
  }

  /** This device's id (kept per vault and device), and every device's events read and merged. */
  async load(): Promise<void> {
    // The device's own storage, never synced (App.loadLocalStorage is 1.8.7+; the minimum app is older).
    // One id per device serves every vault: each vault's folder holds only the files of its own devices.
    const kept = window.localStorage.getItem(DEVICE_KEY);
    this.device = kept !== null && /^[A-Za-z0-9_-]{1,64}$/.test(kept) ? kept : newDeviceId();
    if (kept !== this.device) window.localStorage.setItem(DEVICE_KEY, this.device);
    const adapter = this.app.vault.adapter;
    let files: string[] = [];
    try {
      files = (await adapter.list(this.folder)).files;
    } catch {
      return; // no folder yet: no history
    }
    for (const path of files) {
      const device = historyDevice(path.slice(path.lastIndexOf("/") + 1));
      if (device === null) continue;
      const events = parseEvents(device, await adapter.read(path).catch(() => ""));
      this.history.add(events);
      if (device === this.device) for (const event of events) this.seq = Math.max(this.seq, event.seq + 1);
    }
  }

  /** Follows this index from now on (the state it holds now is the baseline), and no other. */
  watch(index: VaultIndex): void {
    if (this.index === index) return;
    this.close();
    this.index = index;
    this.seen = new Map(index.notesWithItems().map((record) => [record.path, record.items]));
    this.detach = index.onChange((paths) => this.changed(paths));
  }

  close(): void {
    this.detach?.();
    this.detach = null;
    this.index = null;
  }

  private changed(paths: string[]): void {
    const index = this.index;
    if (!index) return;
    const day = localDay(this.clock());
    const events: CompletionEvent[] = [];
    for (const path of paths) {
      const after = index.note(path)?.items;
      const before = this.seen.get(path);
      if (after && after.count > 0) this.seen.set(path, after);
      else this.seen.delete(path);
      if (!before || !after) continue;
      for (const change of completionChanges(path, before, after)) {
        const { text, occurrence } = change;
        events.push({ device: this.device, seq: this.seq++, at: this.clock().getTime(), path, text, occurrence, day: change.done ? day : null });
      }
    }
    if (events.length === 0) return;
    this.history.add(events);
    const lines = events.map(eventLine).join("");
    // One append at a time, in order; a failed write loses those events, not the log.
    this.writing = this.writing.then(() => this.app.vault.adapter.append(this.file, lines)).catch((error: unknown) => {
      console.error("Brain Queue: could not record completions", error);
    });
  }

  /** Resolves when the events recorded so far are written. */
  flushed(): Promise<void> {
    return this.writing;
  }
}

function newDeviceId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
