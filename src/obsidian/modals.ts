// Modals: the roll-forward preview, the pause-track suggester and the upcoming-deadlines suggester.
import { FuzzySuggestModal, Modal, Setting, SuggestModal, type App } from "obsidian";
import type { Deadline } from "../core/deadlines";
import type { RollPlan } from "../core/roll";
import type { RollMode } from "../core/types";
import { t } from "./i18n";
import { deadlineLabel, deadlineStatusLabel } from "./todayRender";

export interface RollPreviewHandlers {
  /** Re-plans with the given per-track modes (the modal shows the result). */
  plan(modes: Record<string, RollMode>): RollPlan;
  /** Writes the plan; resolves to a message when some notes had to be re-planned, else null. */
  write(plan: RollPlan): Promise<string | null>;
  initialModes: Record<string, RollMode>;
  onModeChange(track: string, mode: RollMode): void;
}

export class RollPreviewModal extends Modal {
  private modes: Record<string, RollMode>;
  private plan: RollPlan;
  private notice: string | null = null;
  private busy = false;

  constructor(app: App, private readonly handlers: RollPreviewHandlers) {
    super(app);
    this.modes = { ...handlers.initialModes };
    this.plan = handlers.plan(this.modes);
  }

  override onOpen(): void {
    this.modalEl.addClass("bq-roll-modal");
    this.render();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private render(): void {
    const { contentEl } = this;
    contentEl.empty();
    this.setTitle(t("roll.title", { date: this.plan.date }));
    if (this.notice) contentEl.createDiv({ cls: "bq-roll-notice mod-warning", text: this.notice });
    const list = contentEl.createDiv({ cls: "bq-roll-list" });
    const tracks = new Set<string>([...Object.keys(this.modes), ...this.plan.changes.map((c) => c.track)]);
    if (this.plan.changes.length === 0) list.createDiv({ cls: "bq-empty", text: t("roll.nothing") });
    for (const track of tracks) this.renderTrack(list, track);
    if (this.plan.skipped.length > 0) {
      const skipped = list.createDiv({ cls: "bq-roll-track-block bq-roll-skipped" });
      skipped.createDiv({ cls: "bq-roll-track-head", text: t("roll.skipped") });
      for (const skip of this.plan.skipped) {
        const row = skipped.createDiv({ cls: "bq-roll-skip" });
        row.createSpan({ cls: "bq-roll-text", text: skip.text });
        row.createSpan({ cls: "bq-roll-reason", text: skip.reason });
      }
    }
    const buttons = contentEl.createDiv({ cls: "bq-modal-buttons" });
    buttons.createEl("button", { text: t("roll.cancel") }).addEventListener("click", () => this.close());
    const confirm = buttons.createEl("button", { cls: "mod-cta bq-roll-confirm", text: t("roll.confirm") });
    confirm.disabled = this.plan.changes.length === 0 || this.busy;
    confirm.addEventListener("click", () => void this.confirm());
  }

  private renderTrack(list: HTMLElement, track: string): void {
    const changes = this.plan.changes.filter((c) => c.track === track);
    const block = list.createDiv({ cls: "bq-roll-track-block" });
    block.dataset.track = track;
    new Setting(block)
      .setName(track)
      .setClass("bq-roll-track-head")
      .addDropdown((dropdown) =>
        dropdown
          .addOption("auto", this.autoLabel(track))
          .addOption("today", t("roll.modeToday"))
          .addOption("shift", t("roll.modeShift"))
          .setValue(this.modes[track] ?? "auto")
          .onChange((value) => {
            const mode = value as RollMode;
            this.modes[track] = mode;
            this.handlers.onModeChange(track, mode);
            this.plan = this.handlers.plan(this.modes);
            this.render();
          }),
      );
    for (const change of changes) {
      const row = block.createDiv({ cls: "bq-roll-change" });
      row.createSpan({ cls: "bq-roll-dates", text: `${change.from} → ${change.to}` });
      row.createSpan({ cls: "bq-roll-text", text: change.text || "—" });
    }
  }

  /** "Auto (shift the schedule)": what auto resolved to for this track. */
  private autoLabel(track: string): string {
    const resolved = this.modes[track] === "auto" || this.modes[track] === undefined ? this.plan.modes[track] : undefined;
    if (!resolved) return t("roll.modeAuto");
    return `${t("roll.modeAuto")} (${t(resolved === "shift" ? "roll.modeShift" : "roll.modeToday").toLowerCase()})`;
  }

  private async confirm(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.render();
    const replanned = await this.handlers.write(this.plan);
    this.busy = false;
    if (replanned === null) {
      this.close();
      return;
    }
    // Some notes changed under us: show the fresh plan instead of overwriting anything.
    this.notice = replanned;
    this.plan = this.handlers.plan(this.modes);
    this.render();
  }
}

/** Pick a track by fuzzy name (pause-track). */
export class TrackSuggestModal extends FuzzySuggestModal<string> {
  constructor(app: App, private readonly tracks: string[], private readonly onPick: (track: string) => void) {
    super(app);
    this.setPlaceholder(t("queue.pickTrack"));
  }
  getItems(): string[] {
    return this.tracks;
  }
  getItemText(track: string): string {
    return track;
  }
  onChooseItem(track: string): void {
    this.onPick(track);
  }
}

/** Every upcoming deadline: days left, venue, note; choosing one opens its line. */
export class DeadlineSuggestModal extends SuggestModal<Deadline> {
  constructor(app: App, private readonly deadlines: Deadline[], private readonly onPick: (deadline: Deadline) => void) {
    super(app);
    this.setPlaceholder(t("deadline.pick"));
  }
  getSuggestions(query: string): Deadline[] {
    const q = query.trim().toLowerCase();
    if (q === "") return this.deadlines;
    return this.deadlines.filter((d) => `${deadlineLabel(d)} ${d.text} ${d.path}`.toLowerCase().includes(q));
  }
  renderSuggestion(deadline: Deadline, el: HTMLElement): void {
    el.addClass("bq-deadline-suggestion", `bq-urgency-${deadline.urgency}`);
    el.toggleClass("bq-dropped", deadline.dropped);
    const top = el.createDiv({ cls: "bq-deadline-row" });
    top.createSpan({ cls: "bq-deadline-venue", text: deadlineLabel(deadline) });
    top.createSpan({ cls: "bq-date", text: deadline.date });
    top.createSpan({ cls: "bq-days-left", text: deadlineStatusLabel(deadline) });
    el.createEl("small", { cls: "bq-group", text: `${deadline.path}:${deadline.line}` });
  }
  onChooseSuggestion(deadline: Deadline): void {
    this.onPick(deadline);
  }
}
