// Undo history for the stand-in's editors (Obsidian's editor always has one): every change is recorded —
// typing, plugin transactions, reloads from the vault — so undo steps back through all of them.
import { Annotation, type ChangeSet, type EditorSelection, type Extension, StateEffect, StateField } from "@codemirror/state";
import { type EditorView, keymap } from "@codemirror/view";

interface Entry { changes: ChangeSet; selection: EditorSelection; time: number; user: boolean }
interface History { done: Entry[]; undone: Entry[] }

const fromHistory = Annotation.define<"undo" | "redo">();
/** Dispatched when a file is loaded into an editor: undo never reaches into the previous file. */
export const clearHistory = StateEffect.define<null>();
const GROUP_MS = 600;

const historyField = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(history, tr) {
    if (tr.effects.some((effect) => effect.is(clearHistory))) return { done: [], undone: [] };
    if (!tr.docChanged) return history;
    const entry: Entry = {
      changes: tr.changes.invert(tr.startState.doc), selection: tr.startState.selection, time: performance.now(),
      user: tr.isUserEvent("input") || tr.isUserEvent("delete"),
    };
    const kind = tr.annotation(fromHistory);
    if (kind === "undo") return { done: history.done.slice(0, -1), undone: [...history.undone, entry] };
    if (kind === "redo") return { done: [...history.done, entry], undone: history.undone.slice(0, -1) };
    const last = history.done[history.done.length - 1];
    if (last && last.user && entry.user && entry.time - last.time < GROUP_MS) {
      const merged: Entry = { ...last, changes: entry.changes.compose(last.changes), time: entry.time };
      return { done: [...history.done.slice(0, -1), merged], undone: [] };
    }
    return { done: [...history.done, entry].slice(-200), undone: [] };
  },
});

function step(kind: "undo" | "redo") {
  return (view: EditorView): boolean => {
    const history = view.state.field(historyField);
    const entry = (kind === "undo" ? history.done : history.undone).at(-1);
    if (!entry) return false;
    view.dispatch({ changes: entry.changes, selection: entry.selection, annotations: fromHistory.of(kind), scrollIntoView: true });
    return true;
  };
}

export const undo = step("undo");
export const redo = step("redo");

export function historyExtension(): Extension {
  return [
    historyField,
    keymap.of([
      { key: "Mod-z", run: undo, preventDefault: true },
      { key: "Mod-Shift-z", run: redo, preventDefault: true },
      { key: "Mod-y", run: redo, preventDefault: true },
    ]),
  ];
}
