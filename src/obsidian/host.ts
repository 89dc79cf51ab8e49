// What the view, commands, modals and settings tab need from the plugin. main.ts implements it (the
// views' part by handing on to todaySource.ts); the interface keeps those modules free of a circular
// import of the plugin class.
import type { App } from "obsidian";
import type { QueueState } from "../core/items";
import type { CompletionLookup, TodayModel } from "../core/planner";
import type { IsoDate, LineEdit } from "../core/base";
import type { VaultIndex } from "../core/index";
import type { EditResult } from "./applyEdits";
import type { PluginData } from "./settingsStore";
import { type TrackKey } from "../core/items";

export interface BrainQueueHost {
  app: App;
  data: PluginData;
  /** The clock; tests pin it. */
  now(): Date;
  today(): IsoDate;
  index(): VaultIndex;
  /** True once the first full index is built. */
  isIndexReady(): boolean;
  /** Resolves once the first full index is built (at once when it is). */
  whenIndexReady(): Promise<void>;
  /** Today's model for `day`, cached per index version and settings. */
  model(day: IsoDate): TodayModel;
  queueState(): QueueState;
  /** Subscribes to anything that changes what the views show (index, settings, day). */
  onRefresh(listener: () => void): () => void;
  /** Through the one write path; `keepChanged` leaves out lines edited since (an undo). */
  applyEdits(path: string, edits: LineEdit[], quiet?: boolean, keepChanged?: boolean): Promise<EditResult>;
  reindex(path: string): Promise<void>;
  /** Deletes the index cache and indexes every note again; resolves with how many notes it read. */
  rebuildIndex(): Promise<number>;
  openAt(path: string, line: number): Promise<void>;
  activateView(): Promise<void>;
  /** Saves data.json (settings, journal) and refreshes everything that depends on settings. */
  saveSettings(): Promise<void>;
  setHighlighting(on: boolean): void;
  /** The roll preview for every overdue track, or for one track (a heading in a note). */
  rollPreview(track?: TrackKey): void;
  /** Every device's completions merged (empty until the history files are read). */
  completions(): CompletionLookup;
  /** Reveals the Progress view (burndowns and the heatmap). */
  openProgress(): Promise<void>;
}
