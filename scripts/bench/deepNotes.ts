// Notes of extreme shapes for the scanner's cost per line: containers nested thousands deep (lists,
// quotes, both), followed by lines that continue, leave or lazily extend them, and blank lines.
// The bench re-indexes them at 1 MB; the tests check the scanner's work on them and mdast agrees at
// depths it can parse.

const TASK = "[ ] 2021/3/4 deep task";

export interface DeepShape { name: string; note: (depth: number, bytes: number) => string }

/** Repeats `line` (with its break) after `head` until the note holds about `bytes` characters. */
function filled(head: string, line: string, bytes: number): string {
  const count = Math.max(1, Math.floor((bytes - head.length) / Math.max(1, line.length)));
  return head + line.repeat(count);
}

export const DEEP_SHAPES: DeepShape[] = [
  {
    // `- - - … [ ] task`, then lines indented to continue every level, each with a task of its own.
    name: "list markers on one line, continued at full depth",
    note: (depth, bytes) => filled(`${"- ".repeat(depth)}${TASK}\n`, `${"  ".repeat(depth)}- ${TASK} child\n`, bytes),
  },
  {
    name: "list markers on one line, then lines continuing half the levels",
    note: (depth, bytes) => filled(`${"- ".repeat(depth)}${TASK}\n\n`, `${"  ".repeat(depth >> 1)}- ${TASK} half\n`, bytes),
  },
  {
    name: "list markers on one line, then blank lines, then a line continuing every level",
    note: (depth, bytes) => `${filled(`${"- ".repeat(depth)}${TASK}\n`, "\n", bytes - 3 * depth)}${"  ".repeat(depth)}- ${TASK} after the blanks\n`,
  },
  {
    name: "list markers on one line, then lazy continuation lines",
    note: (depth, bytes) => filled(`${"- ".repeat(depth)}${TASK}\n`, "lazy continuation text\n", bytes),
  },
  {
    name: "quotes nested on every line",
    note: (depth, bytes) => filled("", `${">".repeat(depth)} - ${TASK}\n`, bytes),
  },
  {
    name: "quotes nested, then blank quoted lines",
    note: (depth, bytes) => filled(`${">".repeat(depth)} - ${TASK}\n`, `${">".repeat(depth >> 1)}\n`, bytes),
  },
  {
    name: "quotes and list items alternating",
    note: (depth, bytes) => filled(`${"> - ".repeat(depth >> 1)}${TASK}\n`, `${">   ".repeat(depth >> 1)}- ${TASK} child\n>\n`, bytes),
  },
  {
    name: "quotes and list items alternating, then quoted blank lines",
    note: (depth, bytes) => filled(`${"> - ".repeat(depth >> 1)}${TASK}\n`, `${">   ".repeat(depth >> 2)}>\n${">   ".repeat(depth >> 1)}- ${TASK} child\n`, bytes),
  },
  {
    name: "a staircase of list items, each one level deeper",
    note: (_depth, bytes) => {
      const lines: string[] = [];
      let size = 0;
      for (let k = 0; size < bytes; k++) {
        const line = `${"  ".repeat(k)}- ${TASK} step ${k}\n`;
        lines.push(line);
        size += line.length;
      }
      return lines.join("");
    },
  },
];
