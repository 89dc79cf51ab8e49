// THE write path: every change the plugin makes to a note goes through here. Open in an editor → one
// editor transaction touching only the changed ranges (the person's undo works, the cursor stays);
// otherwise `Vault.process` (atomic against other writers). The core verifies every line first.
import { MarkdownView, Notice, TFile, type App, type Editor, type EditorChange } from "obsidian";
import { applyLineEdits, type EditFailure } from "../core/planner";
import { errorMessage } from "../core/base";
import type { LineEdit } from "../core/base";
import { t } from "./i18n";

/** `text`: the note as written; `kept`: edits left out under `keepChanged`. */
export type EditResult = { ok: true; text?: string; kept: number } | { ok: false; message: string };

export interface EditOptions {
  /** Re-reads the note into the index (after a refusal, and after an editor write so the view follows at once). */
  reindex?: (path: string, text?: string) => void | Promise<void>;
  /** No Notice on failure (callers that report several notes at once). */
  quiet?: boolean;
  /** Leave out edits whose line was edited since (an undo), applying the rest as a whole or not at all. */
  keepChanged?: boolean;
}

interface Pending { key: string; result: Promise<EditResult> }
const pendingByApp = new WeakMap<App, Map<string, Pending>>();

/**
 * Edits to one note run one after another, each against the text the one before left. The same
 * request made again while it is pending (a double click) is not made twice: it shares the answer.
 */
export function applyLineEditsToNote(app: App, path: string, edits: LineEdit[], options: EditOptions = {}): Promise<EditResult> {
  let pending = pendingByApp.get(app);
  if (!pending) pendingByApp.set(app, (pending = new Map<string, Pending>()));
  const key = JSON.stringify([edits, options.keepChanged === true]);
  const last = pending.get(path);
  if (last?.key === key) return last.result;
  const run = (): Promise<EditResult> => writeNote(app, path, edits, options);
  const result = last ? last.result.then(run, run) : run();
  const entry = { key, result };
  pending.set(path, entry);
  const settle = (): void => {
    if (pending.get(path) === entry) pending.delete(path);
  };
  result.then(settle, settle);
  return result;
}

async function writeNote(app: App, path: string, edits: LineEdit[], options: EditOptions): Promise<EditResult> {
  if (edits.length === 0) return { ok: true, kept: 0 };
  const file = app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFile)) return fail(path, t("edit.failed", { item: firstText(edits), path, line: edits[0].line, reason: t("edit.noFile") }), options);
  const editor = openEditorFor(app, path);
  let failures: EditFailure[] | null = null;
  let kept = 0;
  let written: string;
  const editOptions = { keepChanged: options.keepChanged };
  try {
    if (editor) {
      const before = editor.getValue();
      const outcome = applyLineEdits(before, edits, editOptions);
      if (!outcome.ok) failures = outcome.failures;
      else {
        kept = outcome.kept.length;
        const changes = editorChanges(before, outcome.text);
        if (changes.length > 0) editor.transaction({ changes }, "brain-queue");
      }
      written = editor.getValue();
      if (!failures) await options.reindex?.(path, written);
    } else {
      written = await app.vault.process(file, (text) => {
        const outcome = applyLineEdits(text, edits, editOptions);
        if (outcome.ok) {
          kept = outcome.kept.length;
          return outcome.text;
        }
        failures = outcome.failures;
        return text; // refused: leave the note exactly as it is
      });
      // The index takes the new text at once, so the view follows without waiting for the modify event.
      if (!failures) await options.reindex?.(path, written);
    }
  } catch (error) {
    const message = errorMessage(error);
    return fail(path, t("edit.failed", { item: firstText(edits), path, line: edits[0].line, reason: message }), options);
  }
  if (failures) return fail(path, describeFailure(failures[0]), options);
  return { ok: true, text: written, kept };
}

async function fail(path: string, message: string, options: EditOptions): Promise<EditResult> {
  try {
    await options.reindex?.(path);
  } catch {
    // The note may be gone; the message below already says so.
  }
  if (!options.quiet) new Notice(message, 8000);
  return { ok: false, message };
}

function firstText(edits: LineEdit[]): string {
  return shorten(edits[0].expected.replace(/^[\s>]*(?:[-*+]|\d+[.)])\s+\[.\]\s*/u, ""));
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}

export function describeFailure(failure: EditFailure): string {
  const reason = t(failure.reason === "changed" ? "edit.changed" : failure.reason === "ambiguous" ? "edit.ambiguous" : "edit.missing");
  const edit = failure.edit;
  return t("edit.failed", { item: firstText([edit]), path: edit.path, line: edit.line, reason });
}

/** The editor showing `path`, if any (a note open twice shares one document; any editor will do). */
export function openEditorFor(app: App, path: string): Editor | null {
  for (const leaf of app.workspace.getLeavesOfType("markdown")) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.file?.path === path) return view.editor;
  }
  return null;
}

/**
 * Minimal editor changes turning `before` into `after`, as positions in `before` (one transaction
 * applies them all against the original document). Same line count: one change per differing line,
 * trimmed to the differing characters, so a cursor elsewhere on the line keeps its place. Otherwise
 * (lines inserted or removed) one change over the differing middle.
 */
export function editorChanges(before: string, after: string): EditorChange[] {
  const oldLines = before.split("\n");
  const newLines = after.split("\n");
  if (oldLines.length === newLines.length) {
    const changes: EditorChange[] = [];
    oldLines.forEach((oldLine, line) => {
      const newLine = newLines[line];
      if (oldLine === newLine) return;
      const [start, oldEnd, newEnd] = differingSpan(oldLine, newLine);
      changes.push({ from: { line, ch: start }, to: { line, ch: oldEnd }, text: newLine.slice(start, newEnd) });
    });
    return changes;
  }
  const [start, oldEnd, newEnd] = differingSpan(before, after);
  return [{ from: offsetToPos(before, start), to: offsetToPos(before, oldEnd), text: after.slice(start, newEnd) }];
}

/** [start, end in a, end in b] of the part between the common prefix and the common suffix. */
function differingSpan(a: string, b: string): [number, number, number] {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return [start, a.length - suffix, b.length - suffix];
}

function offsetToPos(text: string, offset: number): { line: number; ch: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, ch: offset - lineStart };
}

/** What the person sees now: the editor's text when the note is open, else the file on disk. */
export async function currentText(app: App, path: string): Promise<string | null> {
  const editor = openEditorFor(app, path);
  if (editor) return editor.getValue();
  const file = app.vault.getAbstractFileByPath(path);
  return file instanceof TFile ? app.vault.read(file) : null;
}
