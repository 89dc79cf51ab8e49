// Deadlines in the notes themselves: the editor extension and the reading view's marks, what they
// read (settings, venues, the vault's venue lists) and when they are drawn again (settings, a new day,
// venue lists edited in another note).
import { MarkdownView, type App } from "obsidian";
import type { Extension } from "@codemirror/state";
import { DeadlineRules, isVenueDropped } from "../core/items";
import type { VaultIndex } from "../core/index";
import { deadlineExtension } from "./deadlineExtension";
import type { DeadlineContext } from "./deadlineLine";
import type { PluginData } from "./settingsStore";

export interface DeadlineHighlightNeeds {
  app: App;
  data: () => PluginData;
  now: () => Date;
  indexer: { readonly index: VaultIndex; readonly ready: boolean };
}

export class DeadlineHighlights {
  /** What the editors run: registered once, emptied or filled when highlighting is turned off or on. */
  readonly extensions: Extension[] = [];
  readonly context: DeadlineContext = {
    now: () => this.needs.now(),
    settings: () => this.needs.data().settings,
    rules: () => this.rules(),
    isDropped: (venue, year) => isVenueDropped(this.needs.indexer.index.venueMarks(), venue, year),
  };
  private rulesCache: { words: string[]; custom: string[]; rules: DeadlineRules } | null = null;
  /** The venue lists the editors were last drawn with (none before the index is built). */
  private venueMarksSeen: { marks: unknown; key: string } = { marks: null, key: "[]" };

  constructor(private readonly needs: DeadlineHighlightNeeds) {
    this.setOn(needs.data().settings.highlightDeadlines);
  }

  /** Turns the editor highlighting on or off (the caller saves the setting and redraws). */
  setOn(on: boolean): void {
    this.extensions.length = 0;
    if (on) this.extensions.push(deadlineExtension(this.context));
  }

  /** The deadline words and venues, compiled again only when the settings' lists change. */
  private rules(): DeadlineRules {
    const settings = this.needs.data().settings;
    const cache = this.rulesCache;
    if (cache?.words === settings.deadlineWords && cache.custom === settings.customVenues) return cache.rules;
    const rules = DeadlineRules.of(settings);
    this.rulesCache = { words: settings.deadlineWords, custom: settings.customVenues, rules };
    return rules;
  }

  /**
   * Editors and reading views dim deadlines of dropped venues by the index's venue lists, but draw only
   * on their own changes: one opened before the index was built (or before a list was edited elsewhere)
   * is redrawn when the lists change.
   */
  indexChanged(): void {
    if (!this.needs.indexer.ready) return;
    const marks = this.needs.indexer.index.venueMarks();
    if (marks === this.venueMarksSeen.marks) return;
    const key = JSON.stringify(marks);
    const changed = key !== this.venueMarksSeen.key;
    this.venueMarksSeen = { marks, key };
    if (changed) this.redraw();
  }

  /** Editors rebuild their decorations on reconfiguration; notes in reading view render again. */
  redraw(): void {
    const { workspace } = this.needs.app;
    workspace.updateOptions();
    for (const leaf of workspace.getLeavesOfType("markdown")) {
      if (leaf.view instanceof MarkdownView && leaf.view.getMode() === "preview") leaf.view.previewMode.rerender(true);
    }
  }
}
