// A much reduced reading view: splits a note into blank-line separated sections, renders headings,
// paragraphs and (task) lists with Obsidian's classes, then runs the registered post-processors with a
// context whose getSectionInfo gives each section's source lines, as Obsidian's does.
import type { MarkdownPostProcessor, MarkdownPostProcessorContext, MarkdownSectionInformation } from "obsidian";
import type { MarkdownRenderChild } from "./misc";

interface Section { lineStart: number; lineEnd: number; lines: string[] }

function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  text.split(/\r?\n/).forEach((line, index) => {
    const isHeading = /^#{1,6}\s/.test(line);
    if (line.trim() === "" || isHeading) current = null;
    if (line.trim() === "") return;
    if (!current) {
      current = { lineStart: index, lineEnd: index, lines: [] };
      sections.push(current);
    }
    current.lines.push(line);
    current.lineEnd = index;
    if (isHeading) current = null;
  });
  return sections;
}

function renderInline(el: HTMLElement, text: string): void {
  const pattern = /(\*\*[^*]+\*\*|~~[^~]+~~)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    el.appendText(text.slice(at, match.index));
    const inner = match[0].slice(2, -2);
    el.createEl(match[0].startsWith("**") ? "strong" : "del", { text: inner });
    at = match.index + match[0].length;
  }
  el.appendText(text.slice(at));
}

function renderSection(el: HTMLElement, section: Section): void {
  const first = section.lines[0];
  const heading = /^(#{1,6})\s+(.*)$/.exec(first);
  if (heading) {
    renderInline(el.createEl(`h${heading[1].length}` as "h1"), heading[2]);
    return;
  }
  if (/^\s*[-*+]\s/.test(first)) {
    const list = el.createEl("ul", "contains-task-list");
    section.lines.forEach((line, offset) => {
      const item = /^\s*[-*+]\s+(?:\[(.)\]\s?)?(.*)$/.exec(line);
      if (!item) return;
      const li = list.createEl("li", { attr: { "data-line": offset } });
      if (item[1] !== undefined) {
        li.addClass("task-list-item");
        li.setAttr("data-task", item[1] === " " ? "" : item[1]);
        if (item[1] !== " ") li.addClass("is-checked");
        li.createEl("input", { cls: "task-list-item-checkbox", type: "checkbox" }).checked = item[1] !== " ";
      }
      renderInline(li, item[2]);
    });
    return;
  }
  renderInline(el.createEl("p"), section.lines.join("\n"));
}

/** Stand-in only: renders `text` into `containerEl` like reading view and runs the post-processors. */
/** What reading view rendering uses of the app: the plugins' post-processors. */
export interface ReadingHost { readonly postProcessors: readonly MarkdownPostProcessor[] }

export async function renderReadingView(app: ReadingHost, sourcePath: string, text: string, containerEl: HTMLElement): Promise<void> {
  containerEl.empty();
  containerEl.addClass("markdown-preview-view", "markdown-rendered");
  const sectionOf = new Map<HTMLElement, Section>();
  const ctx: MarkdownPostProcessorContext = {
    docId: sourcePath,
    sourcePath,
    frontmatter: null,
    addChild: (child) => (child as unknown as MarkdownRenderChild).load(),
    getSectionInfo: (el): MarkdownSectionInformation | null => {
      let node: HTMLElement | null = el;
      while (node && !sectionOf.has(node)) node = node.parentElement;
      const section = node ? sectionOf.get(node) : undefined;
      return section ? { text, lineStart: section.lineStart, lineEnd: section.lineEnd } : null;
    },
  };
  const processors = [...app.postProcessors].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  for (const section of splitSections(text)) {
    const el = containerEl.createDiv("markdown-preview-section-block");
    sectionOf.set(el, section);
    renderSection(el, section);
    for (const processor of processors) await processor(el, ctx);
  }
}
