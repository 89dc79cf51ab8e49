// "Plan this track…": a form (start, pace or end date, weekdays, days to skip, chapter days) over a
// live preview of every item with its new date, the last day used and the days a week.
import { Modal, Setting, SuggestModal, type App } from "obsidian";
import { addDays, isValidYmd, type IsoDate, type Item } from "../core/base";
import { planDays, type Pace, type PlanOptions, type TrackPlan } from "../core/planner";
import { t } from "./i18n";
import type { PostponeChoice } from "./todayMenu";

export interface PlanModalHandlers {
  track: string;
  /** The first day offered (tomorrow). */
  start: IsoDate;
  /** Days holding a fixed item (exams, deadlines) that "skip fixed days" adds. */
  fixedDays: readonly IsoDate[];
  /** The study weekdays offered (ISO, 1 = Monday) and the dates to skip; the ones written with are remembered. */
  weekdays: readonly number[];
  skip: readonly IsoDate[];
  rememberStudyDays(weekdays: number[], skip: IsoDate[]): void;
  plan(options: PlanOptions): { ok: true; plan: TrackPlan } | { ok: false; error: string };
  /** Writes the plan; resolves to a message when it could not, else null. */
  write(plan: TrackPlan): Promise<string | null>;
}

type PaceKind = "perDay" | "every" | "end";

/** Rows shown before "Show N more". */
const ROWS_PER_PAGE = 50;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** `YYYY-MM-DD` that names a real day, else null. */
export function parseDay(text: string): IsoDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text.trim());
  return m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : null;
}

export class PlanModal extends Modal {
  private start: string;
  private paceKind: PaceKind = "perDay";
  private count = "1";
  private end: string;
  private readonly weekdays: Set<number>;
  private skip = "";
  private skipFixed = false;
  private chapterDays = false;
  private shown = ROWS_PER_PAGE;
  private busy = false;
  private notice: string | null = null;
  private result: ReturnType<PlanModalHandlers["plan"]> | null = null;
  /** The options the result was planned with (its study days give the days a week). */
  private planned: PlanOptions | null = null;
  private previewEl!: HTMLElement;
  private confirmEl!: HTMLButtonElement;
  private countSetting!: Setting;
  private endSetting!: Setting;

  constructor(app: App, private readonly handlers: PlanModalHandlers) {
    super(app);
    this.start = handlers.start;
    this.weekdays = new Set(handlers.weekdays);
    this.skip = handlers.skip.join(", ");
    this.end = addDays(handlers.start, 27);
  }

  override onOpen(): void {
    this.modalEl.addClass("bq-plan-modal");
    this.setTitle(t("plan.title", { track: this.handlers.track }));
    const form = this.contentEl.createDiv({ cls: "bq-plan-form" });
    this.dateSetting(form, t("plan.start"), this.start, "bq-plan-start", (value) => { this.start = value; });
    new Setting(form).setName(t("plan.pace")).setClass("bq-plan-pace").addDropdown((dropdown) => dropdown
      .addOption("perDay", t("plan.perDay"))
      .addOption("every", t("plan.every"))
      .addOption("end", t("plan.end"))
      .setValue(this.paceKind)
      .onChange((value) => {
        this.paceKind = value as PaceKind;
        this.showPaceFields();
        this.update();
      }));
    this.countSetting = new Setting(form).setName(t("plan.count")).setClass("bq-plan-count").addText((text) => {
      text.inputEl.type = "number";
      text.inputEl.min = "1";
      text.setValue(this.count).onChange((value) => {
        this.count = value;
        this.update();
      });
    });
    this.endSetting = this.dateSetting(form, t("plan.endDate"), this.end, "bq-plan-end", (value) => { this.end = value; });
    const days = new Setting(form).setName(t("plan.weekdays")).setClass("bq-plan-weekdays");
    for (const day of WEEKDAYS) {
      const button = days.controlEl.createEl("button", { cls: "bq-plan-weekday", text: t(`plan.day${day}` as "plan.day1") });
      button.toggleClass("is-on", this.weekdays.has(day));
      button.setAttr("aria-pressed", String(this.weekdays.has(day)));
      button.dataset.weekday = String(day);
      button.addEventListener("click", () => {
        if (this.weekdays.has(day)) this.weekdays.delete(day);
        else this.weekdays.add(day);
        button.toggleClass("is-on", this.weekdays.has(day));
        button.setAttr("aria-pressed", String(this.weekdays.has(day)));
        this.update();
      });
    }
    new Setting(form).setName(t("plan.skip")).setDesc(t("plan.skipDesc")).setClass("bq-plan-skip").addText((text) => text
      .setPlaceholder("2026-05-01, 2026-05-02")
      .setValue(this.skip)
      .onChange((value) => {
        this.skip = value;
        this.update();
      }));
    new Setting(form).setName(t("plan.skipFixed")).setDesc(t("plan.skipFixedDesc", { count: this.handlers.fixedDays.length }))
      .setClass("bq-plan-skip-fixed").addToggle((toggle) => toggle.setValue(this.skipFixed).onChange((on) => {
        this.skipFixed = on;
        this.update();
      }));
    new Setting(form).setName(t("plan.chapterDays")).setDesc(t("plan.chapterDaysDesc")).setClass("bq-plan-chapter-days")
      .addToggle((toggle) => toggle.setValue(this.chapterDays).onChange((on) => {
        this.chapterDays = on;
        this.update();
      }));
    this.previewEl = this.contentEl.createDiv({ cls: "bq-plan-preview" });
    const buttons = this.contentEl.createDiv({ cls: "bq-modal-buttons" });
    buttons.createEl("button", { text: t("roll.cancel") }).addEventListener("click", () => this.close());
    this.confirmEl = buttons.createEl("button", { cls: "mod-cta bq-plan-confirm", text: t("plan.confirm") });
    this.confirmEl.addEventListener("click", () => void this.confirm());
    this.showPaceFields();
    this.update();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private dateSetting(form: HTMLElement, name: string, value: string, cls: string, set: (value: string) => void): Setting {
    return new Setting(form).setName(name).setClass(cls).addText((text) => {
      text.inputEl.type = "date";
      text.setValue(value).onChange((next) => {
        set(next);
        this.update();
      });
    });
  }

  private showPaceFields(): void {
    this.countSetting.settingEl.toggleClass("bq-hidden", this.paceKind === "end");
    this.endSetting.settingEl.toggleClass("bq-hidden", this.paceKind !== "end");
    this.countSetting.setName(t(this.paceKind === "every" ? "plan.everyCount" : "plan.count"));
  }

  /** The options the form says, or what is wrong with them. */
  private options(): PlanOptions | string {
    const start = parseDay(this.start);
    if (start === null) return t("plan.badStart");
    let pace: Pace;
    if (this.paceKind === "end") {
      const end = parseDay(this.end);
      if (end === null) return t("plan.badEnd");
      pace = { end };
    } else {
      const n = Number(this.count);
      if (!Number.isInteger(n) || n < 1) return t("plan.badCount");
      pace = this.paceKind === "perDay" ? { perDay: n } : { every: n };
    }
    const skip = this.typedSkip();
    if (typeof skip === "string") return skip;
    if (this.skipFixed) skip.push(...this.handlers.fixedDays);
    return { start, pace, weekdays: WEEKDAYS.filter((d) => this.weekdays.has(d)), skip, chapterDays: this.chapterDays };
  }

  /** The dates typed into "dates to skip", or what is wrong with one. */
  private typedSkip(): IsoDate[] | string {
    const skip: IsoDate[] = [];
    for (const part of this.skip.split(/[\s,，、;；]+/u)) {
      if (part === "") continue;
      const day = parseDay(part);
      if (day === null) return t("plan.badSkip", { text: part });
      skip.push(day);
    }
    return skip;
  }

  private update(): void {
    const options = this.options();
    this.planned = typeof options === "string" ? null : options;
    this.result = typeof options === "string" ? { ok: false, error: options } : this.handlers.plan(options);
    this.renderPreview();
  }

  private renderPreview(): void {
    const el = this.previewEl;
    el.empty();
    const result = this.result;
    if (this.notice) el.createDiv({ cls: "bq-roll-notice mod-warning", text: this.notice });
    this.confirmEl.disabled = this.busy || !result?.ok || result.plan.changes.length === 0;
    if (!result) return;
    if (!result.ok) {
      el.createDiv({ cls: "bq-plan-error mod-warning", text: result.error });
      return;
    }
    const { plan } = result;
    if (plan.assignments.length === 0) {
      el.createDiv({ cls: "bq-empty", text: t("plan.nothing") });
      return;
    }
    const { days, perWeek } = planDays(plan.assignments, this.planned ?? {});
    const figures = { count: plan.assignments.length, days, end: plan.end ?? "" };
    el.createDiv({
      cls: "bq-roll-summary bq-plan-summary",
      text: perWeek === null ? t("plan.summaryOneDay", figures) : t("plan.summary", { ...figures, perWeek }),
    });
    const list = el.createDiv({ cls: "bq-roll-list bq-plan-list" });
    const changed = new Set(plan.changes.map((c) => c.line));
    const visible = Math.min(plan.assignments.length, this.shown);
    let lastDay = "";
    for (let k = 0; k < visible; k++) {
      const { line, date } = plan.assignments[k];
      const row = list.createDiv({ cls: "bq-plan-row" });
      row.dataset.line = String(line.line);
      row.toggleClass("is-same", !changed.has(line.line));
      row.createSpan({ cls: "bq-roll-dates", text: date === lastDay ? "" : date });
      row.createSpan({ cls: "bq-roll-text", text: line.text });
      lastDay = date;
    }
    if (visible < plan.assignments.length) {
      const more = list.createDiv({ cls: "bq-roll-more", text: t("view.showMore", { count: Math.min(ROWS_PER_PAGE, plan.assignments.length - visible) }) });
      more.setAttr("role", "button");
      more.tabIndex = 0;
      more.addEventListener("click", () => {
        this.shown += ROWS_PER_PAGE;
        this.renderPreview();
      });
    }
    this.confirmEl.setText(t("plan.confirmCount", { count: plan.changes.length }));
  }

  private async confirm(): Promise<void> {
    const result = this.result;
    if (this.busy || !result?.ok) return;
    this.busy = true;
    this.renderPreview();
    const typed = this.typedSkip();
    this.handlers.rememberStudyDays(WEEKDAYS.filter((d) => this.weekdays.has(d)), typeof typed === "string" ? [] : typed);
    const message = await this.handlers.write(result.plan);
    this.busy = false;
    if (message === null) {
      this.close();
      return;
    }
    this.notice = message;
    this.update();
  }
}

/** "Postpone to a date…": one date field, tomorrow to begin with, under the item it is for and its day now. */
export class PostponeDateModal extends Modal {
  private value: string;
  constructor(app: App, start: IsoDate, private readonly item: Pick<Item, "text" | "date" | "end">, private readonly onPick: (day: IsoDate) => void) {
    super(app);
    this.value = start;
  }

  override onOpen(): void {
    this.modalEl.addClass("bq-postpone-modal");
    const { text, date, end } = this.item;
    // An empty slot has no text to name it by: its day does (as the undo notice names it).
    this.setTitle(t("postpone.pickFor", { item: text === "" ? t("postpone.slotLabel", { date }) : text }));
    let confirm: HTMLButtonElement | null = null;
    const now = end === null ? date : `${date} – ${end}`;
    new Setting(this.contentEl).setName(t("postpone.newDate")).setDesc(t("postpone.currentDate", { date: now })).addText((text) => {
      text.inputEl.type = "date";
      text.setValue(this.value).onChange((value) => {
        this.value = value;
        if (confirm) confirm.disabled = parseDay(value) === null;
      });
    });
    const buttons = this.contentEl.createDiv({ cls: "bq-modal-buttons" });
    buttons.createEl("button", { text: t("roll.cancel") }).addEventListener("click", () => this.close());
    confirm = buttons.createEl("button", { cls: "mod-cta bq-postpone-confirm", text: t("postpone.confirm") });
    confirm.addEventListener("click", () => {
      const day = parseDay(this.value);
      if (day === null) return;
      this.close();
      this.onPick(day);
    });
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

/** The postpone choices for one item (the editor command's picker), each with the day it means. */
export class PostponeChoiceModal extends SuggestModal<PostponeChoice> {
  constructor(app: App, itemText: string, private readonly choices: readonly PostponeChoice[],
    private readonly dayOf: (choice: PostponeChoice) => IsoDate | null, private readonly onPick: (choice: PostponeChoice) => void) {
    super(app);
    this.setPlaceholder(t("postpone.pickFor", { item: itemText }));
  }
  getSuggestions(query: string): PostponeChoice[] {
    const q = query.trim().toLowerCase();
    return this.choices.filter((choice) => t(`postpone.${choice}`).toLowerCase().includes(q));
  }
  renderSuggestion(choice: PostponeChoice, el: HTMLElement): void {
    el.addClass("bq-postpone-choice");
    el.createSpan({ cls: "bq-postpone-title", text: t(`postpone.${choice}`) });
    const day = this.dayOf(choice);
    if (day !== null) el.createSpan({ cls: "bq-date", text: day });
  }
  onChooseSuggestion(choice: PostponeChoice): void {
    this.onPick(choice);
  }
}
