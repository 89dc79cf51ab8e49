// Modals: the roll-forward preview, the pause-track suggester and the upcoming-deadlines suggester.
import { FuzzySuggestModal, Modal, Setting, SuggestModal, type App } from "obsidian";
import type { Deadline } from "../core/items";
import { summarizeChanges, type RollChange, type RollPlan, type RollSummary } from "../core/planner";
import type { RollMode } from "../core/base";
import { t } from "./i18n";
import { deadlineLabel, deadlineStatusLabel } from "./todayRender";
import { type TrackKey, splitTrackKey, trackKeyOf } from "../core/items";

export interface RollPreviewHandlers {
  /** Re-plans with the given per-track modes (the modal shows the result). */
  plan(modes: Record<string, RollMode>): RollPlan;
  /** Writes the plan; resolves to a message when some notes had to be re-planned, else null. */
  write(plan: RollPlan): Promise<string | null>;
  initialModes: Record<TrackKey, RollMode>;
  onModeChange(track: TrackKey, mode: RollMode): void;
  /** A track's name, with its note's name when the name is a heading in several notes. */
  label(track: TrackKey): string;
}

/** Rows a track shows before "Show N more": a roll of a whole vault can hold tens of thousands. */
const ROWS_PER_PAGE = 50;

const changeKey = (change: RollChange): string => `${change.path}\n${change.line}`;

export class RollPreviewModal extends Modal {
  private modes: Record<TrackKey, RollMode>;
  private plan: RollPlan;
  private notice: string | null = null;
  private busy = false;
  /** Changes the person unticked, by note and line: they survive a re-plan. */
  private readonly left = new Set<string>();
  /** Rows shown per track, past the first page. */
  private readonly shown = new Map<string, number>();

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

  /** The plan as it will be written: without the unticked changes. */
  private chosenPlan(): RollPlan {
    return { ...this.plan, changes: this.plan.changes.filter((change) => !this.left.has(changeKey(change))) };
  }

  private render(): void {
    const { contentEl } = this;
    contentEl.empty();
    this.setTitle(t("roll.title", { date: this.plan.date }));
    if (this.notice) contentEl.createDiv({ cls: "bq-roll-notice mod-warning", text: this.notice });
    const chosen = this.chosenPlan();
    if (this.plan.changes.length > 0) contentEl.createDiv({ cls: "bq-roll-summary", text: summaryText(summarizeChanges(chosen.changes)) });
    const list = contentEl.createDiv({ cls: "bq-roll-list" });
    const byTrack = new Map<TrackKey, RollChange[]>();
    for (const track of Object.keys(this.modes)) byTrack.set(track, []);
    for (const change of this.plan.changes) {
      const track = trackKeyOf(change);
      const changes = byTrack.get(track);
      if (changes) changes.push(change);
      else byTrack.set(track, [change]);
    }
    if (this.plan.changes.length === 0) list.createDiv({ cls: "bq-empty", text: t("roll.nothing") });
    for (const [track, changes] of byTrack) this.renderTrack(list, track, changes);
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
    confirm.disabled = chosen.changes.length === 0 || this.busy;
    confirm.addEventListener("click", () => void this.confirm());
  }

  private renderTrack(list: HTMLElement, track: TrackKey, changes: RollChange[]): void {
    const block = list.createDiv({ cls: "bq-roll-track-block" });
    const { path, name } = splitTrackKey(track);
    block.dataset.track = name;
    block.dataset.path = path;
    const head = new Setting(block).setName(this.handlers.label(track)).setClass("bq-roll-track-head");
    if (changes.length > 0) {
      // On while any of the track's changes is ticked: a click leaves the whole track out, the next takes it all.
      const any = changes.some((change) => !this.left.has(changeKey(change)));
      head.addToggle((toggle) =>
        toggle
          .setValue(any)
          .setTooltip(t("roll.includeTrack"))
          .onChange((on) => {
            for (const change of changes) {
              if (on) this.left.delete(changeKey(change));
              else this.left.add(changeKey(change));
            }
            this.render();
          }),
      );
    }
    head.addDropdown((dropdown) =>
      dropdown
        .addOption("auto", this.autoLabel(track))
        .addOption("today", t("roll.modeToday"))
        .addOption("shift", t("roll.modeShift"))
        .addOption("spread", t("roll.modeSpread"))
        .setValue(this.modes[track] ?? "auto")
        .onChange((value) => {
          const mode = value as RollMode;
          this.modes[track] = mode;
          this.handlers.onModeChange(track, mode);
          this.plan = this.handlers.plan(this.modes);
          this.render();
        }),
    );
    const visible = Math.min(changes.length, this.shown.get(track) ?? ROWS_PER_PAGE);
    for (let i = 0; i < visible; i++) this.renderChange(block, changes[i]);
    if (visible < changes.length) {
      const more = block.createDiv({ cls: "bq-roll-more", text: t("view.showMore", { count: Math.min(ROWS_PER_PAGE, changes.length - visible) }) });
      more.setAttr("role", "button");
      more.tabIndex = 0;
      more.addEventListener("click", () => {
        this.shown.set(track, visible + ROWS_PER_PAGE);
        this.render();
      });
    }
  }

  private renderChange(block: HTMLElement, change: RollChange): void {
    const key = changeKey(change);
    const row = block.createEl("label", { cls: "bq-roll-change" });
    row.dataset.path = change.path;
    row.dataset.line = String(change.line);
    if (this.left.has(key)) row.addClass("is-left");
    const box = row.createEl("input", { type: "checkbox", cls: "bq-roll-include" });
    box.checked = !this.left.has(key);
    box.addEventListener("change", () => {
      if (box.checked) this.left.delete(key);
      else this.left.add(key);
      this.render();
    });
    row.createSpan({ cls: "bq-roll-dates", text: `${change.from} → ${change.to}` });
    row.createSpan({ cls: "bq-roll-text", text: change.text || "—" });
  }

  /** "Auto (shift the schedule)": what auto resolved to for this track. */
  private autoLabel(track: TrackKey): string {
    const resolved = this.modes[track] === "auto" || this.modes[track] === undefined ? this.plan.modes[track] : undefined;
    if (!resolved) return t("roll.modeAuto");
    const label = resolved === "shift" ? "roll.modeShift" : resolved === "spread" ? "roll.modeSpread" : "roll.modeToday";
    return t("roll.modeAutoAs", { mode: t(label).toLowerCase() });
  }

  private async confirm(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.render();
    const replanned = await this.handlers.write(this.chosenPlan());
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

/** "33 lines in 3 notes: 11 overdue moved, 22 later items shifted": the preview's line and the notice's after writing. */
export function summaryText(summary: RollSummary): string {
  return t("roll.summary", {
    lines: t("roll.lines", { count: summary.lines }),
    notes: t("roll.notes", { count: summary.notes }),
    overdue: summary.overdue,
    later: t("roll.laterItems", { count: summary.later }),
  });
}
