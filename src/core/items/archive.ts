// Archived plans: a note whose frontmatter says `brain-queue: archived` (or one in an archive folder)
// counts for nothing — no items in Today, Overdue, deadlines or the queue, and no roll touches it.
// Last term's plan can stay next to this term's without haunting it.
import type { BrainQueueSettings } from "../base";
import { splitLines } from "../markdown";

export const ARCHIVE_KEY = "brain-queue";
export const ARCHIVE_VALUE = "archived";
export const ARCHIVE_LINE = `${ARCHIVE_KEY}: ${ARCHIVE_VALUE}`;
// The key's line in the frontmatter, its value bare or quoted, with an optional comment.
export const KEY_LINE = /^brain-queue[ \t]*:(.*)$/u;
const ARCHIVED_VALUE = /^[ \t]*(["']?)archived\1[ \t]*(?:#.*)?$/iu;

/** Where the frontmatter is: the indexes (0-based, in `lines`) of its opening and closing lines, or null. */
export function frontmatter(lines: readonly { text: string }[]): { open: number; close: number } | null {
  if (lines.length === 0 || lines[0].text.trimEnd() !== "---") return null;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].text.trimEnd();
    if (t === "---" || t === "...") return { open: 0, close: i };
  }
  return null; // never closes: not frontmatter (as the scanner reads it)
}

/** Whether the note's frontmatter archives it. Cheap for the notes without frontmatter (most). */
export function isArchived(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith("---", start) || !text.includes(ARCHIVE_KEY)) return false;
  const lines = splitLines(text).map((line) => ({ text: line })); // rare: frontmatter that names the key
  const block = frontmatter(lines);
  if (!block) return false;
  for (let i = block.open + 1; i < block.close; i++) {
    const key = KEY_LINE.exec(lines[i].text);
    if (key) return ARCHIVED_VALUE.test(key[1]);
  }
  return false;
}

/** Whether a note's path is in the settings' scope: include (empty: all) minus exclude and archive folders. */
export function inScope(path: string, settings: Pick<BrainQueueSettings, "includePaths" | "excludePaths" | "archiveFolders">): boolean {
  const under = (prefix: string): boolean => {
    const clean = prefix.trim().replace(/^\/+|\/+$/gu, "");
    return clean === "" || path === clean || path === `${clean}.md` || path.startsWith(`${clean}/`);
  };
  const listed = (list: string[]): boolean => list.some((p) => p.trim() !== "" && under(p));
  if (listed(settings.excludePaths) || listed(settings.archiveFolders)) return false;
  return settings.includePaths.length === 0 || settings.includePaths.some(under);
}
