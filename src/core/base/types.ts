// Shared domain types. Pure data: no behaviour, no `obsidian` import.

/** A calendar day as `YYYY-MM-DD`. Calendar days carry no time zone. */
export type IsoDate = string;

/** How a date was written, so a rewrite can keep the person's style. */
export type DateForm = "plain" | "cjk" | "tasks-due" | "tasks-scheduled" | "dataview" | "tasks-start";

export interface Subtask {
  line: number;
  status: string;
  done: boolean;
  text: string;
}

/** One dated checklist line. */
export interface Item {
  /** Vault-relative path with `/`. */
  path: string;
  /** 1-based line number. */
  line: number;
  /** The single character between the brackets (` `, `x`, `X`, `-`, `/`, `>`, …). */
  status: string;
  done: boolean;
  /** The line without marker, checkbox and date expression, trimmed, as a Tasks user sees it: without Tasks'
   *  fields, block id and a leading separator (`：`, `:`, `/`, `- `). */
  text: string;
  date: IsoDate;
  /** Last day of a range, or null. */
  end: IsoDate | null;
  /** Nearest heading of level ≤ trackHeadingLevel (emphasis stripped), else the note's name. */
  track: string;
  /** Nearest deeper heading or bold-only line within the track, or null. */
  group: string | null;
  subtasks: Subtask[];
  /** The whole source line without its line terminator: what every edit checks before writing. */
  source: string;
  /** UTF-16 offsets in `source` of the whole date expression (`2021/3/27`, `2021/11/17 - 2021/11/30`, `📅 2026-03-04`, `[due:: 2026-03-04]`). */
  dateFrom: number;
  dateTo: number;
  form: DateForm;
}

export interface Problem {
  path: string;
  line: number;
  message: string;
  /** What the person can do about it in one step: archive the note (last term's plan beside this one's). */
  fix?: "archive";
}

/** A heading or a bold-only line, as the scanner saw it. */
export interface Heading {
  line: number;
  /** 1–6 for ATX/setext headings; 7 for a bold-only line (a chapter label). */
  level: number;
  /** Inline text with emphasis stripped. */
  text: string;
}

export interface ParsedNote {
  path: string;
  items: Item[];
  problems: Problem[];
  /** Track headings (level ≤ trackHeadingLevel) that exist in this note, in order, with their line. */
  tracks: { name: string; line: number }[];
}

export interface ParseOptions {
  /** Headings of this level or shallower are tracks. Default 2. */
  trackHeadingLevel: number;
}

/**
 * A replacement of one whole line (without its terminator). The applier writes it only if the
 * line still reads `expected`; when lines moved it looks for a unique exact match nearby (see
 * `applyLineEdits`). `replacement` may contain `\n` to become several lines (written with that
 * line's own terminator) or be null to delete the line together with its terminator.
 */
export interface LineEdit {
  path: string;
  line: number;
  expected: string;
  replacement: string | null;
  /** Other lines that must still read `expected` at the same distance (a subtask's parent item). */
  context?: { line: number; expected: string }[];
  /** The line is in the note's YAML frontmatter (an archive mark): found there only, never in the body. */
  frontmatter?: true;
  /** The track the line must stand in (its nearest heading of `level` or shallower; above any, the note's
   *  name): an undated line such as `- [ ] 习题` has twins in other tracks. */
  track?: { name: string; level: number };
}

export type RollMode = "auto" | "today" | "shift" | "spread";
