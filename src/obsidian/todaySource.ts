// What the sidebar and the status bar show, and the one source of its changes: the Today model per
// day, the queue in effect, the local day (moved on at midnight) and the daily deadline notice. The
// views subscribe here, and hear of a changed index, changed settings and a new day alike.
import { Component } from "obsidian";
import { localDay, type IsoDate } from "../core/base";
import type { QueueState } from "../core/items";
import { buildToday, queueOn, SIDEBAR_OVERDUE_LIMIT, type TodayModel } from "../core/planner";
import { msUntilMidnight } from "./deadlineLine";
import { showDeadlineNotices } from "./deadlineNotice";
import type { Indexer } from "./indexer";
import type { PluginData } from "./settingsStore";

/** Models kept at once: the day shown, today for the status bar, and a few days paged through. */
const MODELS_KEPT = 8;

export interface TodaySourceNeeds {
  indexer: Pick<Indexer, "index" | "ready" | "onChange">;
  data: () => PluginData;
  /** The clock; tests and the demo pin it. */
  now: () => Date;
  /** Runs on a new local day before the views hear of it (editors redraw their countdowns). */
  onNewDay: () => void;
  /** Saves data.json (the day of the last notice). */
  persist: () => Promise<void>;
}

export class TodaySource extends Component {
  private listeners = new Set<() => void>();
  private settingsVersion = 0;
  private models = new Map<string, TodayModel>();
  private dayShown = "";
  private midnightTimer: number | null = null;

  constructor(private readonly needs: TodaySourceNeeds) {
    super();
  }

  override onload(): void {
    this.register(this.needs.indexer.onChange(() => this.changed()));
    this.watchDay();
    this.register(() => {
      if (this.midnightTimer !== null) window.clearTimeout(this.midnightTimer);
      this.midnightTimer = null;
      this.listeners.clear();
    });
  }

  today(): IsoDate {
    return localDay(this.needs.now());
  }

  /** Today's model for `day`, kept per index version, settings and the real today. */
  model(day: IsoDate): TodayModel {
    const index = this.needs.indexer.index;
    const key = `${index.version}|${this.settingsVersion}|${day}|${this.today()}`;
    let model = this.models.get(key);
    if (!model) {
      if (this.models.size > MODELS_KEPT) this.models.clear();
      model = buildToday(index, day, this.needs.now(), this.needs.data().settings, { overdueLimit: SIDEBAR_OVERDUE_LIMIT });
      this.models.set(key, model);
    }
    return model;
  }

  queueState(): QueueState {
    return queueOn(this.needs.indexer.index, this.today(), this.needs.data().settings);
  }

  /** Subscribes to anything that changes what the views show: the index, the settings, the day. */
  onRefresh(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After the settings were saved: models are built again and the views told. */
  settingsChanged(): void {
    this.settingsVersion++;
    this.changed();
  }

  /** Tells the views to draw again with the same models (the completion history was read). */
  refresh(): void {
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * At local midnight the views move to the new day and the daily deadline notice runs. A timer for
   * midnight, plus a check every minute, because timers stall while a laptop sleeps.
   */
  private watchDay(): void {
    this.dayShown = this.today();
    const scheduleMidnight = (): void => {
      this.midnightTimer = window.setTimeout(() => {
        this.checkDay();
        scheduleMidnight();
      }, msUntilMidnight(this.needs.now()));
    };
    scheduleMidnight();
    this.registerInterval(window.setInterval(() => this.checkDay(), 60_000));
  }

  /** Moves everything to the new day when the local day changed. */
  checkDay(): void {
    if (this.today() === this.dayShown) return;
    this.dayShown = this.today();
    this.needs.onNewDay();
    this.changed();
    this.dailyNotice();
  }

  /** Once a day, once the index is built: the notice of targeted deadlines a week away or less. */
  dailyNotice(): void {
    if (this.needs.indexer.ready && showDeadlineNotices(this.needs.data(), this.model(this.today()))) void this.needs.persist();
  }
}
