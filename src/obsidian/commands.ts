// Commands. No default hotkeys; ids without the plugin id (Obsidian prefixes it).
import { Notice, TFile, type Editor, type MarkdownFileInfo, type MarkdownView, type Plugin } from "obsidian";
import { collectDeadlines } from "../core/items";
import { tickEdit } from "../core/planner";
import { toIcs } from "../core/planner";
import { checklistLines, noteName, parseNote, trackAtLine } from "../core/items";
import { pauseEdits, promoteEdits } from "../core/planner";
import { deadlineCandidates } from "../core/planner";
import { errorMessage } from "../core/base";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { DeadlineSuggestModal, TrackSuggestModal } from "./modals";
import { openPlan, postponeAtCursor } from "./planActions";
import { undoLastRoll } from "./rollActions";
import { type TrackKey, trackKey } from "../core/items";
import { archiveEdits } from "../core/planner";
import { currentText } from "./applyEdits";

export const ICS_PATH = "Brain Queue.ics";
const CHECKLIST_LINE = /^[ \t\u3000]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[.\]/u;

export function registerCommands(plugin: Plugin, host: BrainQueueHost): void {
  plugin.addCommand({ id: "open-today", name: t("cmd.openToday"), callback: () => void host.activateView() });
  plugin.addCommand({ id: "roll-forward", name: t("cmd.rollForward"), callback: () => host.rollPreview() });
  plugin.addCommand({
    id: "roll-track",
    name: t("cmd.rollTrack"),
    editorCheckCallback: (checking, editor, ctx) => {
      const track = trackAtCursor(host, editor, ctx);
      if (!track) return false;
      if (!checking) host.rollPreview(track);
      return true;
    },
  });
  plugin.addCommand({
    id: "archive-plan",
    name: t("cmd.archive"),
    checkCallback: (checking) => {
      const file = plugin.app.workspace.getActiveFile();
      if (!file || file.extension !== "md") return false;
      if (!checking) void archivePlan(host, file.path);
      return true;
    },
  });
  plugin.addCommand({
    id: "plan-track",
    name: t("cmd.planTrack"),
    editorCheckCallback: (checking, editor, ctx) => {
      const path = ctx.file?.path;
      const target = path === undefined ? null : planTarget(host, editor, path);
      if (!target || path === undefined) return false;
      if (!checking) void openPlan(host, path, target.track, target.within);
      return true;
    },
  });
  plugin.addCommand({
    id: "postpone-at-cursor",
    name: t("cmd.postpone"),
    editorCheckCallback: (checking, editor, ctx) => {
      // A cheap look at the line here; the note is parsed only when the command runs.
      if (!ctx.file || !CHECKLIST_LINE.test(editor.getLine(editor.getCursor().line))) return false;
      if (!checking) postponeAtCursor(host, editor, ctx.file.path);
      return true;
    },
  });
  plugin.addCommand({ id: "undo-roll", name: t("cmd.undoRoll"), callback: () => void undoLastRoll(host) });
  plugin.addCommand({ id: "undo-plan", name: t("cmd.undoPlan"), callback: () => void undoLastRoll(host, "plan") });
  plugin.addCommand({ id: "promote-queued-track", name: t("cmd.promote"), callback: () => void promote(host) });
  plugin.addCommand({ id: "pause-track", name: t("cmd.pause"), callback: () => pause(host) });
  plugin.addCommand({ id: "show-deadlines", name: t("cmd.showDeadlines"), callback: () => showDeadlines(host) });
  plugin.addCommand({ id: "export-ics", name: t("cmd.exportIcs"), callback: () => void exportIcs(host) });
  plugin.addCommand({ id: "rebuild-index", name: t("cmd.rebuildIndex"), callback: () => void rebuildIndex(host) });
  plugin.addCommand({
    id: "toggle-deadline-highlighting",
    name: t("cmd.toggleHighlight"),
    callback: () => {
      const on = !host.data.settings.highlightDeadlines;
      host.setHighlighting(on);
      new Notice(t(on ? "highlight.on" : "highlight.off"));
    },
  });
  plugin.addCommand({
    id: "toggle-task-at-cursor",
    name: t("cmd.toggleTask"),
    editorCheckCallback: (checking, editor, ctx) => {
      if (!ctx.file || !CHECKLIST_LINE.test(editor.getLine(editor.getCursor().line))) return false;
      if (!checking) void toggleAtCursor(host, editor, ctx.file.path);
      return true;
    },
  });
}

/** Reads every note again with the cache deleted first (IndexedDB is out of a person's reach on a phone). */
async function rebuildIndex(host: BrainQueueHost): Promise<void> {
  const count = await host.rebuildIndex();
  new Notice(t("index.rebuilt", { count }));
}

/** The track whose heading is the nearest above the cursor (or the note's own name above every heading),
 *  in this note: the same heading in another note is another track. */
export function trackAtCursor(host: BrainQueueHost, editor: Editor, ctx: MarkdownView | MarkdownFileInfo): TrackKey | null {
  const path = ctx.file?.path;
  if (!path) return null;
  const line = editor.getCursor().line + 1;
  const record = host.index().note(path);
  const headings = (record?.tracks ?? []).filter((track) => track.line <= line);
  const name = headings.length > 0 ? headings[headings.length - 1].name : noteName(path);
  return host.index().itemsOf(path).some((item) => item.track === name) ? trackKey(path, name) : null;
}

/** Writes `brain-queue: archived` into the note's frontmatter (made when missing), through the one write path. */
export async function archivePlan(host: BrainQueueHost, path: string): Promise<void> {
  const text = await currentText(host.app, path);
  if (text === null) return;
  const edits = archiveEdits(path, text);
  if (!edits) {
    new Notice(t("archive.already", { note: noteName(path) }));
    return;
  }
  const result = await host.applyEdits(path, edits, true);
  if (result.ok) new Notice(t("archive.done", { note: noteName(path) }));
}

/**
 * What "Plan this track…" plans from the editor: the selected checklist lines when the selection spans
 * lines, else the track under the cursor; null when that holds no unfinished checklist line.
 */
export function planTarget(host: BrainQueueHost, editor: Editor, path: string): { track: string; within?: { from: number; to: number } } | null {
  const text = editor.getValue();
  const level = host.data.settings.trackHeadingLevel;
  const from = editor.getCursor("from").line + 1;
  const to = editor.getCursor("to").line + 1;
  const lines = checklistLines(path, text, level).filter((line) => line.open && !line.subtask);
  if (to > from) {
    const chosen = lines.filter((line) => line.line >= from && line.line <= to);
    return chosen.length === 0 ? null : { track: chosen[0].track, within: { from, to } };
  }
  const track = trackAtLine(path, text, from, level);
  return lines.some((line) => line.track === track) ? { track } : null;
}

async function toggleAtCursor(host: BrainQueueHost, editor: Editor, path: string): Promise<void> {
  // Parse what the editor shows now, not the index, which follows saves.
  const line = editor.getCursor().line + 1;
  const item = parseNote(path, editor.getValue(), { trackHeadingLevel: host.data.settings.trackHeadingLevel }).items.find((i) => i.line === line);
  if (!item) {
    new Notice(t("edit.noTask"));
    return;
  }
  await host.applyEdits(path, [tickEdit(item, host.data.settings, host.today())]);
}

async function promote(host: BrainQueueHost): Promise<void> {
  const state = host.queueState();
  const next = state.queued[0];
  if (!next) {
    new Notice(t("queue.nothingQueued"));
    return;
  }
  if (state.from === "settings" || !state.block) {
    // No queue block in the vault: the settings' priority list is the queue.
    const priority = host.data.settings.priority.filter((name) => name !== next);
    priority.splice(Math.min(state.active.length, priority.length), 0, next);
    host.data.settings.priority = priority;
    await host.saveSettings();
    new Notice(t("queue.promoted", { track: next }));
    return;
  }
  if (state.used >= state.limit) {
    new Notice(t("queue.full", { used: state.used, limit: state.limit }));
    return;
  }
  const edits = promoteEdits(state);
  if (!edits) {
    new Notice(t("queue.nothingQueued"));
    return;
  }
  const result = await host.applyEdits(state.block.path, edits);
  if (result.ok) new Notice(t("queue.promoted", { track: next }));
}

function pause(host: BrainQueueHost): void {
  const state = host.queueState();
  new TrackSuggestModal(host.app, state.active, (track) => {
    void (async () => {
      if (state.from === "settings" || !state.block) {
        host.data.settings.priority = host.data.settings.priority.filter((name) => name !== track);
        await host.saveSettings();
        new Notice(t("queue.paused", { track }));
        return;
      }
      const edits = pauseEdits(state, track);
      if (!edits) return;
      const result = await host.applyEdits(state.block.path, edits);
      if (result.ok) new Notice(t("queue.paused", { track }));
    })();
  }).open();
}

function showDeadlines(host: BrainQueueHost): void {
  const index = host.index();
  const settings = host.data.settings;
  const deadlines = collectDeadlines(deadlineCandidates(index, settings), index.venueMarks(), host.now(), settings).filter((d) => d.daysLeft >= 0);
  new DeadlineSuggestModal(host.app, deadlines, (deadline) => void host.openAt(deadline.path, deadline.line)).open();
}

async function exportIcs(host: BrainQueueHost): Promise<void> {
  const index = host.index();
  const now = host.now();
  const settings = host.data.settings;
  const ics = toIcs(index.items(), collectDeadlines(deadlineCandidates(index, settings), index.venueMarks(), now, settings), now);
  const vault = host.app.vault;
  const existing = vault.getAbstractFileByPath(ICS_PATH);
  if (existing !== null && !(existing instanceof TFile)) {
    new Notice(t("ics.isFolder", { path: ICS_PATH }));
    return;
  }
  try {
    if (existing instanceof TFile) await vault.process(existing, () => ics);
    else await vault.create(ICS_PATH, ics);
  } catch (error) {
    new Notice(t("ics.failed", { path: ICS_PATH, reason: errorMessage(error) }));
    return;
  }
  new Notice(t("ics.written", { path: ICS_PATH }));
}
