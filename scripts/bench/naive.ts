// The straightforward design, and the reference for correctness: a full CommonMark parse
// (mdast-util-from-markdown + GFM task list items) of the note, then every list item whose first
// paragraph starts with a status box and carries a valid date.
import type { ListItem, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { findDateExpr } from "../../src/core/markdown";

const micromarkExtensions = [gfmTaskListItem()];
const mdastExtensions = [gfmTaskListItemFromMarkdown()];
/** At the item's marker: the marker, spacing, then a one-character status box. */
const CHECKBOX = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([^\]\r\n])\]/;

/**
 * Obsidian syntax CommonMark does not know: YAML frontmatter and `%%` comment blocks. Blanked with
 * spaces so offsets and line numbers stay exactly those of the note.
 */
export function blankObsidianRegions(text: string): string {
  const lines = text.split("\n");
  const blank = (i: number): void => { lines[i] = lines[i].replace(/[^\r]/g, " "); };
  const bare = (i: number): string => lines[i].replace(/^\uFEFF/, "").replace(/\r$/, "");
  let i = 0;
  if (bare(0) === "---") {
    const close = lines.findIndex((_, k) => k > 0 && (bare(k) === "---" || bare(k) === "..."));
    if (close > 0) for (; i <= close; i++) blank(i);
  }
  for (let open = -1; i < lines.length; i++) {
    if (bare(i).trim() === "%%") {
      if (open < 0) open = i;
      else { for (let k = open; k <= i; k++) blank(k); open = -1; }
    }
  }
  return lines.join("\n");
}

/** 1-based lines of the note's items, in order. */
export function naiveItemLines(text: string): number[] {
  // micromark drops a BOM and counts offsets without it; dropping it here keeps offsets aligned.
  const source = blankObsidianRegions(text).replace(/^\uFEFF/, "");
  const tree = fromMarkdown(source, { extensions: micromarkExtensions, mdastExtensions });
  const lines: number[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "listItem" && isDatedTask(node, source)) lines.push(node.position!.start.line);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return lines.sort((a, b) => a - b);
}

function isDatedTask(item: ListItem, source: string): boolean {
  const first = item.children[0] as ListItem["children"][number] | undefined;
  const start = item.position!.start;
  if (!first || first.type !== "paragraph" || first.position!.start.line !== start.line) return false;
  const offset = start.offset ?? 0;
  let lineEnd = source.indexOf("\n", offset);
  if (lineEnd < 0) lineEnd = source.length;
  const rest = source.slice(offset, lineEnd).replace(/\r$/, "");
  const box = CHECKBOX.exec(rest);
  if (!box) return false;
  const after = rest.slice(box[0].length);
  // GFM wants whitespace (or the end) after the box; other status characters follow the same rule.
  if (after !== "" && after[0] !== " " && after[0] !== "\t") return false;
  const date = findDateExpr(after);
  return date !== null && !("error" in date);
}
