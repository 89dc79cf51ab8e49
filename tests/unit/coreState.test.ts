// No module-level mutable state in src/core/: a cache, a pool or a scratch buffer belongs to the object
// whose work it serves (the index, a builder), so two callers never share one by accident. This reads
// every core file's top-level declarations and fails on a `let`, a `var`, or a `const` that holds a
// container (`new` anything but an empty typed array, `[]`, `{}` of values a caller may change).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Tables filled once as the module loads and only read after: constants, not state. */
const TABLES = new Set([
  "markdown/blockScanner.ts SPECIAL",
  "markdown/dateExpr.ts BAD_BEFORE",
  "markdown/noteText.ts decoder", // a TextDecoder used without `stream` keeps nothing between calls
  "markdown/scanHtml.ts BLOCK_NAMES",
  "base/settings.ts DEFAULT_SETTINGS", // copied, never changed, by whoever reads settings
]);

/**
 * State still held by modules (issue 18): each is to move into the object it serves, or, for a shared
 * empty value, to be frozen. The list only shrinks.
 */
const STILL_TO_MOVE = new Set([
  "index/vaultIndex.ts NONE",
  "index/vaultIndex.ts NO_RECORDS",
  "markdown/inline.ts TASKS_FIELDS", // a global regex: its lastIndex is state
  "base/ownString.ts pool",
  "base/slabs.ts scratch",
  "items/deadlines.ts keywordCache",
  "items/deadlines.ts lastCustom",
  "items/noteItems.ts columnSlabs",
  "items/noteItems.ts bulkDepth",
  "items/noteItems.ts recentPrefixes",
  "items/noteItems.ts scratch",
  "items/venues.ts cache",
  "planner/today.ts lastQueue",
  "planner/vaultStats.ts remembered", // per-record tallies: belong to the index
]);

const CORE = "src/core";

/** Whether an initializer makes something a caller could change. */
function holdsState(init: ts.Expression | undefined): boolean {
  if (init === undefined) return false;
  if (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)) return holdsState(init.expression);
  if (ts.isCallExpression(init)) return false; // Object.freeze(…), a builder's result: judged where it is made
  if (ts.isNewExpression(init)) {
    const empty = init.arguments?.length === 1 && ts.isNumericLiteral(init.arguments[0]) && init.arguments[0].text === "0";
    return !(empty && /Array$/.test(init.expression.getText()));
  }
  if (ts.isArrayLiteralExpression(init)) return init.elements.length === 0;
  if (ts.isObjectLiteralExpression(init)) return init.properties.length === 0 || init.properties.some((p) => ts.isPropertyAssignment(p) && holdsState(p.initializer));
  return false;
}

/** Every top-level `let`/`var` and state-holding `const` of the core, as "folder/file.ts name". */
function moduleState(): string[] {
  const found: string[] = [];
  const files = readdirSync(CORE, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).sort();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(CORE, file), "utf8"), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of statement.declarationList.declarations) {
        if (!isConst || holdsState(d.initializer)) found.push(`${file.split("\\").join("/")} ${d.name.getText()}`);
      }
    }
  }
  return found;
}

describe("module-level state in src/core", () => {
  it("is only the constant tables and the listed leftovers", () => {
    const state = moduleState();
    expect(state.filter((s) => !TABLES.has(s) && !STILL_TO_MOVE.has(s))).toEqual([]);
    // A leftover that moved comes off the list, so the list says what is left.
    expect([...STILL_TO_MOVE].filter((s) => !state.includes(s))).toEqual([]);
  });

  it("sees a top-level let, a Map, an empty list and a scratch object, and lets frozen and empty constants pass", () => {
    const judge = (text: string): boolean[] => ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true).statements
      .filter(ts.isVariableStatement)
      .map((s) => (s.declarationList.flags & ts.NodeFlags.Const) === 0 || holdsState(s.declarationList.declarations[0].initializer));
    expect(judge([
      "let last = null;",
      "const cache = new Map<string, number>();",
      "const recent: string[] = [];",
      "const keys = { from: 0, list: [] };",
      "const NONE = Object.freeze([]);",
      "const EMPTY = new Int32Array(0);",
      "const WORDS = [\"a\", \"b\"];",
      "const LIMIT = 8;",
    ].join("\n"))).toEqual([true, true, true, true, false, false, false, false]);
  });
});
