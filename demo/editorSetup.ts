// The demo editor's basics: line wrapping and Obsidian-like markdown classes
// (HyperMD-header-N, HyperMD-task-line, cm-strong, …) so that themes and the plugin's styles apply.
import type { Extension, Range } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";

function lineDecorations(text: string, from: number, out: Range<Decoration>[]): void {
  const mark = (start: number, end: number, cls: string): void => {
    if (end > start) out.push(Decoration.mark({ class: cls }).range(from + start, from + end));
  };
  const heading = /^(#{1,6})\s/.exec(text);
  if (heading) {
    const level = heading[1].length;
    out.push(Decoration.line({ class: `HyperMD-header HyperMD-header-${level}` }).range(from));
    mark(0, level + 1, `cm-formatting cm-formatting-header cm-header cm-header-${level}`);
    mark(level + 1, text.length, `cm-header cm-header-${level}`);
    return;
  }
  if (/^(-{3,}|\*{3,})\s*$/.test(text)) {
    out.push(Decoration.line({ class: "HyperMD-hr" }).range(from));
    mark(0, text.length, "cm-hr");
    return;
  }
  const list = /^(\s*)([-*+]|\d+[.)])\s(\[(.)\]\s?)?/.exec(text);
  if (list) {
    const bulletEnd = list[1].length + list[2].length + 1;
    out.push(Decoration.line({ class: `HyperMD-list-line HyperMD-list-line-${Math.floor(list[1].length / 2) + 1}${list[3] ? " HyperMD-task-line" : ""}`, attributes: list[3] ? { "data-task": list[4] } : {} }).range(from));
    mark(list[1].length, bulletEnd, "cm-formatting cm-formatting-list");
    if (list[3]) mark(bulletEnd, bulletEnd + 3, "cm-formatting cm-formatting-task");
  }
  const inline = /(\*\*[^*\n]+\*\*)|(~~[^~\n]+~~)|(https?:\/\/\S+)/g;
  for (const match of text.matchAll(inline)) {
    const start = match.index;
    mark(start, start + match[0].length, match[1] ? "cm-strong" : match[2] ? "cm-strikethrough" : "cm-url");
  }
}

const markdownStyling = ViewPlugin.fromClass(class {
  decorations: DecorationSet;
  constructor(view: EditorView) {
    this.decorations = this.build(view);
  }
  update(update: ViewUpdate): void {
    if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
  }
  build(view: EditorView): DecorationSet {
    const ranges: Range<Decoration>[] = [];
    for (const { from, to } of view.visibleRanges) {
      for (let pos = from; pos <= to;) {
        const line = view.state.doc.lineAt(pos);
        lineDecorations(line.text, line.from, ranges);
        pos = line.to + 1;
      }
    }
    return Decoration.set(ranges, true);
  }
}, { decorations: (plugin) => plugin.decorations });

export function demoEditorExtensions(): Extension[] {
  return [
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ spellcheck: "false", "aria-label": "Note editor" }),
    markdownStyling,
  ];
}
