// Ticking an undated subtask from the sidebar. Subtasks carry no source line, so the edit is built
// from the note as it is now, and only when that line is still a checklist line with the status and
// text the index saw and its item still reads the same at the same distance above it: a stale tick
// must not land on another item's subtask of the same text. The write path verifies both again.
import { splitLines } from "../core/planner";
import type { Item, LineEdit, Subtask } from "../core/base";

const CHECKLIST = /^([ \t\u3000]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)(.)(\].*)$/u;

export function subtaskEdit(text: string, item: Item, subtask: Subtask): LineEdit | null {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = splitLines(body);
  const line = lines[subtask.line - 1]?.text;
  if (line === undefined || lines[item.line - 1]?.text !== item.source) return null;
  const match = CHECKLIST.exec(line);
  if (!match || match[2] !== subtask.status || !match[3].slice(1).trim().endsWith(subtask.text)) return null;
  const next = subtask.done ? " " : "x";
  return {
    path: item.path, line: subtask.line, expected: line, replacement: match[1] + next + match[3],
    context: [{ line: item.line, expected: item.source }],
  };
}
