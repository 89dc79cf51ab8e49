// Obsidian's Editor API over a CodeMirror 6 EditorView (lines and `ch` are 0-based, as in Obsidian).
import { EditorSelection as CmSelection, type TransactionSpec } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { redo, undo } from "./history";
import type {
  Editor as RealEditor, EditorChange, EditorCommandName, EditorPosition, EditorRange, EditorSelection, EditorSelectionOrCaret,
  EditorTransaction,
} from "obsidian";

type Modelled =
  | "getValue" | "setValue" | "getLine" | "setLine" | "lineCount" | "lastLine" | "getSelection" | "somethingSelected" | "getRange"
  | "replaceSelection" | "replaceRange" | "getCursor" | "listSelections" | "setCursor" | "setSelection" | "setSelections" | "focus"
  | "blur" | "hasFocus" | "getScrollInfo" | "scrollTo" | "scrollIntoView" | "undo" | "redo" | "exec" | "transaction" | "wordAt"
  | "posToOffset" | "offsetToPos" | "refresh" | "processLines";

export class Editor implements Pick<RealEditor, Modelled> {
  constructor(readonly cm: EditorView) {}

  getDoc(): this {
    return this;
  }

  refresh(): void {
    this.cm.requestMeasure();
  }

  getValue(): string {
    return this.cm.state.doc.toString();
  }

  setValue(content: string): void {
    this.cm.dispatch({ changes: { from: 0, to: this.cm.state.doc.length, insert: content } });
  }

  getLine(line: number): string {
    if (line < 0 || line >= this.cm.state.doc.lines) return "";
    return this.cm.state.doc.line(line + 1).text;
  }

  setLine(n: number, text: string): void {
    this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
  }

  lineCount(): number {
    return this.cm.state.doc.lines;
  }

  lastLine(): number {
    return this.cm.state.doc.lines - 1;
  }

  getSelection(): string {
    const { from, to } = this.cm.state.selection.main;
    return this.cm.state.sliceDoc(from, to);
  }

  somethingSelected(): boolean {
    return !this.cm.state.selection.main.empty;
  }

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.cm.state.sliceDoc(this.posToOffset(from), this.posToOffset(to));
  }

  replaceSelection(replacement: string, _origin?: string): void {
    this.cm.dispatch(this.cm.state.replaceSelection(replacement));
  }

  replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, _origin?: string): void {
    const start = this.posToOffset(from);
    this.cm.dispatch({ changes: { from: start, to: to ? this.posToOffset(to) : start, insert: replacement } });
  }

  getCursor(side: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
    const range = this.cm.state.selection.main;
    const offset = side === "from" ? range.from : side === "to" ? range.to : side === "anchor" ? range.anchor : range.head;
    return this.offsetToPos(offset);
  }

  listSelections(): EditorSelection[] {
    return this.cm.state.selection.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
  }

  setCursor(pos: EditorPosition | number, ch?: number): void {
    const position = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
    this.setSelection(position);
  }

  setSelection(anchor: EditorPosition, head?: EditorPosition): void {
    const a = this.posToOffset(anchor);
    this.cm.dispatch({ selection: { anchor: a, head: head ? this.posToOffset(head) : a } });
  }

  setSelections(ranges: EditorSelectionOrCaret[], main?: number): void {
    const cmRanges = ranges.map((r) => CmSelection.range(this.posToOffset(r.anchor), this.posToOffset(r.head ?? r.anchor)));
    this.cm.dispatch({ selection: CmSelection.create(cmRanges, main ?? 0) });
  }

  focus(): void {
    this.cm.focus();
  }

  blur(): void {
    this.cm.contentDOM.blur();
  }

  hasFocus(): boolean {
    return this.cm.hasFocus;
  }

  getScrollInfo(): { top: number; left: number } {
    return { top: this.cm.scrollDOM.scrollTop, left: this.cm.scrollDOM.scrollLeft };
  }

  scrollTo(x?: number | null, y?: number | null): void {
    if (typeof x === "number") this.cm.scrollDOM.scrollLeft = x;
    if (typeof y === "number") this.cm.scrollDOM.scrollTop = y;
  }

  scrollIntoView(range: EditorRange, center?: boolean): void {
    const from = this.posToOffset(range.from);
    this.cm.dispatch({ effects: EditorView.scrollIntoView(from, { y: center ? "center" : "nearest" }) });
  }

  undo(): void {
    undo(this.cm);
  }

  redo(): void {
    redo(this.cm);
  }

  exec(command: EditorCommandName): void {
    const cursor = this.getCursor();
    if (command === "goStart") this.setCursor({ line: 0, ch: 0 });
    else if (command === "goEnd") this.setCursor(this.offsetToPos(this.cm.state.doc.length));
    else if (command === "deleteLine") {
      const line = this.cm.state.doc.line(cursor.line + 1);
      this.cm.dispatch({ changes: { from: line.from, to: Math.min(line.to + 1, this.cm.state.doc.length) } });
    }
  }

  transaction(tx: EditorTransaction, _origin?: string): void {
    const spec: TransactionSpec = {};
    const changes = [...(tx.changes ?? [])];
    if (tx.replaceSelection !== undefined) {
      const { from, to } = this.cm.state.selection.main;
      changes.push({ from: this.offsetToPos(from), to: this.offsetToPos(to), text: tx.replaceSelection });
    }
    spec.changes = changes.map((c) => ({ from: this.posToOffset(c.from), to: c.to ? this.posToOffset(c.to) : undefined, insert: c.text }));
    const selection = tx.selection ?? tx.selections?.[0];
    if (selection) {
      const from = this.posToOffset(selection.from);
      spec.selection = { anchor: from, head: selection.to ? this.posToOffset(selection.to) : from };
    }
    this.cm.dispatch(spec);
  }

  wordAt(pos: EditorPosition): EditorRange | null {
    const range = this.cm.state.wordAt(this.posToOffset(pos));
    return range ? { from: this.offsetToPos(range.from), to: this.offsetToPos(range.to) } : null;
  }

  posToOffset(pos: EditorPosition): number {
    const doc = this.cm.state.doc;
    const lineNumber = Math.min(Math.max(pos.line, 0), doc.lines - 1) + 1;
    const line = doc.line(lineNumber);
    return line.from + Math.min(Math.max(pos.ch, 0), line.length);
  }

  offsetToPos(offset: number): EditorPosition {
    const line = this.cm.state.doc.lineAt(Math.min(Math.max(offset, 0), this.cm.state.doc.length));
    return { line: line.number - 1, ch: offset - line.from };
  }

  processLines<T>(
    read: (line: number, lineText: string) => T | null,
    write: (line: number, lineText: string, value: T | null) => EditorChange | void,
    ignoreEmpty = false,
  ): void {
    const changes: EditorChange[] = [];
    for (let line = 0; line < this.lineCount(); line++) {
      const text = this.getLine(line);
      if (ignoreEmpty && text.trim() === "") continue;
      const change = write(line, text, read(line, text));
      if (change) changes.push(change);
    }
    if (changes.length > 0) this.transaction({ changes });
  }
}
