// The settings tab: sentence case, sections with `setHeading()`, every change saved at once.
import { PluginSettingTab, Setting, type App, type Plugin } from "obsidian";
import { migrateSettings, type BrainQueueSettings } from "../core/base";
import type { BrainQueueHost } from "./host";
import { t, type MessageKey } from "./i18n";

/** A whole-number slider setting. */
interface SliderSpec {
  name: string;
  desc?: string;
  min: number;
  max: number;
  value: number;
  /** The value as written beside the slider. */
  format: (value: number) => string;
  onChange: (value: number) => Promise<void>;
}

type ListKey = "includePaths" | "excludePaths" | "archiveFolders" | "fixedKeywords" | "deadlineWords" | "customVenues" | "skipDates";

export class BrainQueueSettingTab extends PluginSettingTab {
  constructor(app: App, plugin: Plugin, private readonly host: BrainQueueHost) {
    super(app, plugin);
  }

  private get settings(): BrainQueueSettings {
    return this.host.data.settings;
  }

  private async save(): Promise<void> {
    // Round-trip through the migration so a bad value never reaches the rest of the plugin.
    this.host.data.settings = migrateSettings(this.settings);
    await this.host.saveSettings();
  }

  display(): void {
    const { containerEl } = this;
    containerEl.empty();
    containerEl.addClass("bq-settings");
    new Setting(containerEl).setName(t("set.general")).setHeading();
    new Setting(containerEl)
      .setName(t("set.headingLevel"))
      .setDesc(t("set.headingLevelDesc"))
      .addDropdown((dropdown) => {
        for (let level = 1; level <= 6; level++) dropdown.addOption(String(level), "#".repeat(level));
        dropdown.setValue(String(this.settings.trackHeadingLevel)).onChange(async (value) => {
          this.settings.trackHeadingLevel = Number(value);
          await this.save();
        });
      });
    this.listSetting(containerEl, "includePaths", "set.include", "set.includeDesc");
    this.listSetting(containerEl, "excludePaths", "set.exclude", "set.excludeDesc");
    this.listSetting(containerEl, "archiveFolders", "set.archive", "set.archiveDesc");
    new Setting(containerEl)
      .setName(t("set.doneDates"))
      .setDesc(t("set.doneDatesDesc"))
      .addDropdown((dropdown) => {
        dropdown.addOption("tasks", t("set.doneDatesTasks")).addOption("always", t("set.doneDatesAlways")).addOption("never", t("set.doneDatesNever"));
        dropdown.setValue(this.settings.doneDates).onChange(async (value) => {
          if (value === "tasks" || value === "always" || value === "never") this.settings.doneDates = value;
          await this.save();
        });
      });
    new Setting(containerEl)
      .setName(t("set.termStart"))
      .setDesc(t("set.termStartDesc"))
      .addText((text) =>
        text.setPlaceholder("2021-03-01").setValue(this.settings.termStart ?? "").onChange(async (value) => {
          const trimmed = value.trim();
          if (trimmed !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return; // wait until it is a whole date
          this.settings.termStart = trimmed === "" ? null : trimmed;
          await this.save();
        }),
      );
    this.listSetting(containerEl, "fixedKeywords", "set.fixed", "set.fixedDesc");

    new Setting(containerEl).setName(t("set.queue")).setDesc(t("set.queueDesc")).setHeading();
    const queue = this.host.queueState();
    if (queue.from === "note" && queue.block) {
      containerEl.createDiv({
        cls: "setting-item-description bq-queue-in-effect",
        text: t("set.queueInEffect", { path: queue.block.path, line: queue.block.limitLine, limit: queue.limit }),
      });
    }
    this.slider(containerEl, {
      name: t("set.limit"), min: 1, max: 12, value: this.settings.queueLimit, format: String,
      onChange: async (value) => {
        this.settings.queueLimit = value;
        await this.save();
      },
    });
    this.priorityList(containerEl);

    new Setting(containerEl).setName(t("set.deadlines")).setHeading();
    this.listSetting(containerEl, "deadlineWords", "set.deadlineWords", "set.deadlineWordsDesc");
    this.listSetting(containerEl, "customVenues", "set.venues", "set.venuesDesc");
    this.slider(containerEl, {
      name: t("set.horizon"), desc: t("set.horizonDesc"), min: 1, max: 60, value: this.settings.deadlineHorizonMonths,
      format: (months) => t("set.months", { count: months }),
      onChange: async (value) => {
        this.settings.deadlineHorizonMonths = value;
        await this.save();
      },
    });
    this.toggle(containerEl, "anywhereOnEarth", "set.aoe", "set.aoeDesc");
    this.toggle(containerEl, "deadlineNotice", "set.notice", "set.noticeDesc");
    new Setting(containerEl)
      .setName(t("set.highlight"))
      .setDesc(t("set.highlightDesc"))
      .addToggle((toggle) => toggle.setValue(this.settings.highlightDeadlines).onChange((value) => this.host.setHighlighting(value)));
    this.planningSection(containerEl);
  }

  /** Days a plan, a spread backlog and "the next study day" leave free, and the spread's most a day. */
  private planningSection(containerEl: HTMLElement): void {
    new Setting(containerEl).setName(t("set.planning")).setHeading();
    this.listSetting(containerEl, "skipDates", "set.skipDates", "set.skipDatesDesc");
    this.slider(containerEl, {
      name: t("set.spreadCap"), desc: t("set.spreadCapDesc"), min: 0, max: 20, value: this.settings.spreadCap,
      format: (count) => (count === 0 ? t("set.spreadCapNone") : String(count)),
      onChange: async (value) => {
        this.settings.spreadCap = value;
        await this.save();
      },
    });
  }

  /** A slider with its value written beside it (a tooltip alone shows nothing until dragged, and nothing on touch). */
  private slider(containerEl: HTMLElement, { name, desc, min, max, value, format, onChange }: SliderSpec): void {
    const setting = new Setting(containerEl).setName(name);
    if (desc) setting.setDesc(desc);
    const shown = setting.controlEl.createSpan({ cls: "bq-slider-value", text: format(value) });
    setting.addSlider((slider) => {
      slider.setLimits(min, max, 1).setValue(value).setDynamicTooltip().onChange(async (next) => {
        shown.setText(format(next));
        await onChange(next);
      });
      // Live while dragging, before the change is saved.
      slider.sliderEl.addEventListener("input", () => shown.setText(format(Number(slider.sliderEl.value))));
    });
  }

  private listSetting(containerEl: HTMLElement, key: ListKey, name: MessageKey, desc: MessageKey): void {
    new Setting(containerEl)
      .setName(t(name))
      .setDesc(t(desc))
      .addTextArea((area) =>
        area.setValue(this.settings[key].join("\n")).onChange(async (value) => {
          this.settings[key] = value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
          await this.save();
        }),
      );
  }

  private toggle(containerEl: HTMLElement, key: "anywhereOnEarth" | "deadlineNotice", name: MessageKey, desc: MessageKey): void {
    new Setting(containerEl)
      .setName(t(name))
      .setDesc(t(desc))
      .addToggle((toggle) =>
        toggle.setValue(this.settings[key]).onChange(async (value) => {
          this.settings[key] = value;
          await this.save();
        }),
      );
  }

  /** The priority list: one row per track with up, down and remove; an add field at the end. */
  private priorityList(containerEl: HTMLElement): void {
    new Setting(containerEl).setName(t("set.priority"));
    const listEl = containerEl.createDiv({ cls: "bq-priority-list" });
    const redraw = (): void => {
      listEl.empty();
      const priority = this.settings.priority;
      priority.forEach((track, index) => {
        const row = new Setting(listEl).setName(`${index + 1}. ${track}`).setClass("bq-priority-row");
        const move = async (to: number): Promise<void> => {
          const [moved] = priority.splice(index, 1);
          priority.splice(to, 0, moved);
          await this.save();
          redraw();
        };
        row.addExtraButton((b) => b.setIcon("arrow-up").setTooltip(t("set.moveUp")).setDisabled(index === 0).onClick(() => void move(index - 1)));
        row.addExtraButton((b) =>
          b.setIcon("arrow-down").setTooltip(t("set.moveDown")).setDisabled(index === priority.length - 1).onClick(() => void move(index + 1)),
        );
        row.addExtraButton((b) =>
          b.setIcon("x").setTooltip(t("set.remove")).onClick(async () => {
            priority.splice(index, 1);
            await this.save();
            redraw();
          }),
        );
      });
      let draft = "";
      const add = async (): Promise<void> => {
        const name = draft.trim();
        if (name === "" || priority.includes(name)) return;
        priority.push(name);
        await this.save();
        redraw();
      };
      new Setting(listEl)
        .setName(t("set.addTrack"))
        .addText((text) => {
          text.setPlaceholder(t("set.addTrackPlaceholder")).onChange((value) => (draft = value));
          text.inputEl.addEventListener("keydown", (event) => {
            if (event.key === "Enter") void add();
          });
        })
        .addButton((button) => button.setButtonText(t("set.add")).onClick(() => void add()));
    };
    redraw();
  }
}
