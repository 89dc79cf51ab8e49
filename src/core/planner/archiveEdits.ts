// The edit that archives a plan: the reading rule (what archived means) is in items/archive.ts.
import type { LineEdit } from "../base";
import { ARCHIVE_LINE, frontmatter, isArchived, KEY_LINE } from "../items";
import { splitLines } from "./edits";

/**
 * Edits that archive the note: the `brain-queue` key set to `archived` in its frontmatter, the key
 * added before the closing line, or a frontmatter made for it at the top. Null when already archived.
 */
export function archiveEdits(path: string, text: string): LineEdit[] | null {
  if (isArchived(text)) return null;
  // A BOM is not part of line 1 for the write path either.
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const block = frontmatter(lines);
  if (!block) {
    const first = lines[0].text;
    return [{ path, line: 1, expected: first, replacement: `---\n${ARCHIVE_LINE}\n---\n${first}` }];
  }
  for (let i = block.open + 1; i < block.close; i++) {
    if (KEY_LINE.test(lines[i].text)) return [{ path, line: i + 1, expected: lines[i].text, replacement: ARCHIVE_LINE, frontmatter: true }];
  }
  const closing = lines[block.close].text;
  return [{ path, line: block.close + 1, expected: closing, replacement: `${ARCHIVE_LINE}\n${closing}`, frontmatter: true }];
}
