// Regex lookbehind (`(?<=`, `(?<!`) is a syntax error on iOS before 16.4: one regex literal with it stops
// the whole plugin from loading there. The build refuses a bundle that has one, in any form (a literal, a
// string given to RegExp, the parse worker's source); `node scripts/lookbehind.mjs FILE…` checks files.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Each lookbehind in `text`: its line (1-based) and a little of the text around it. */
export function lookbehindsIn(text) {
  const found = [];
  for (let at = text.indexOf("(?<"); at >= 0; at = text.indexOf("(?<", at + 3)) {
    const next = text[at + 3];
    if (next !== "=" && next !== "!") continue;
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
    found.push({ line, excerpt: text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/gu, " ") });
  }
  return found;
}

/** A message naming every lookbehind in `file`, or null when it has none. */
export function checkFile(file) {
  const found = lookbehindsIn(readFileSync(file, "utf8"));
  if (found.length === 0) return null;
  return `${file}: ${found.length} regex lookbehind(s), a syntax error on iOS before 16.4:\n` +
    found.map((f) => `  line ${f.line}: …${f.excerpt}…`).join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = process.argv.slice(2).map(checkFile).filter((p) => p !== null);
  for (const p of problems) console.error(p);
  process.exit(problems.length > 0 ? 1 : 0);
}
