// The seven CommonMark HTML block kinds: how one starts and, for kinds 1–5, how it ends.

const RAW_TAGS = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const BLOCK_TAG = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ \t]|\/?>|$)/;
// A complete open or closing tag followed only by whitespace (kind 7). Every repetition must
// consume a name after mandatory whitespace, so matching stays linear.
const COMPLETE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^"'=<>`\s]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
const BLOCK_NAMES = new Set(
  ("address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt " +
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li " +
    "link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th " +
    "thead title tr track ul").split(" "),
);

/** The HTML block kind (1–7) that `rest` (a line from its first non-space, a `<`) opens, or 0. */
export function htmlBlockKind(rest: string, canInterruptParagraph: boolean): number {
  if (RAW_TAGS.test(rest)) return 1;
  if (rest.startsWith("<!--")) return 2;
  if (rest.startsWith("<?")) return 3;
  if (rest.startsWith("<![CDATA[")) return 5;
  if (rest.length > 2 && rest[1] === "!" && /[A-Za-z]/.test(rest[2])) return 4;
  const block = BLOCK_TAG.exec(rest);
  if (block && BLOCK_NAMES.has(block[1].toLowerCase())) return 6;
  if (!canInterruptParagraph) return 0;
  // Raw-text names only reach here as closing tags (`</pre>`), which micromark treats as kind 7.
  return COMPLETE_TAG.test(rest) ? 7 : 0;
}

const RAW_END = /<\/(?:script|pre|style|textarea)>/i;

/** Whether `text` holds the end condition of an HTML block of `kind` 1–5. */
export function htmlBlockEnds(kind: number, text: string): boolean {
  switch (kind) {
    case 1: return RAW_END.test(text);
    case 2: return text.includes("-->");
    case 3: return text.includes("?>");
    case 4: return text.includes(">");
    case 5: return text.includes("]]>");
    default: return false;
  }
}
