// No module-level mutable state in src/core/: a cache, a pool or a scratch buffer belongs to the object
// whose work it serves (the index, a builder), so two callers never share one by accident. This reads
// every core file's top-level declarations and fails on a `let`, a `var`, a `const` that holds a
// container (`new` anything but an empty typed array, `[]`, `{}` of values a caller may change), a
// `const` one of the module's functions changes, and a g/y regex whose `lastIndex` carries over.
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

const CORE = "src/core";

/** Whether a regex's flags make it carry `lastIndex` from one call to the next. */
const keepsLastIndex = (flags: string): boolean => flags.includes("g") || flags.includes("y");

/** A regex literal's flags, or a `new RegExp(…, "flags")`'s ("" without flags; "gy" when they are not a literal). */
function regexFlags(init: ts.Expression): string | null {
  if (ts.isRegularExpressionLiteral(init)) return init.text.slice(init.text.lastIndexOf("/") + 1);
  if (ts.isNewExpression(init) && init.expression.getText() === "RegExp") {
    const flags = init.arguments?.[1];
    if (flags === undefined) return "";
    return ts.isStringLiteralLike(flags) ? flags.text : "gy";
  }
  return null;
}

/** Whether an initializer makes something a caller could change. */
function holdsState(init: ts.Expression | undefined): boolean {
  if (init === undefined) return false;
  if (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)) return holdsState(init.expression);
  if (ts.isCallExpression(init)) return false; // Object.freeze(…), a builder's result: judged where it is made
  if (regexFlags(init) !== null) return false; // judged by how the module uses it (see `changedByModule`)
  if (ts.isNewExpression(init)) {
    const empty = init.arguments?.length === 1 && ts.isNumericLiteral(init.arguments[0]) && init.arguments[0].text === "0";
    return !(empty && /Array$/.test(init.expression.getText()));
  }
  if (ts.isArrayLiteralExpression(init)) return init.elements.length === 0;
  if (ts.isObjectLiteralExpression(init)) return init.properties.length === 0 || init.properties.some((p) => ts.isPropertyAssignment(p) && holdsState(p.initializer));
  return false;
}

const MUTATING_METHODS = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set", "add", "delete", "clear"]);

/**
 * The top-level constants of `source` that one of its functions changes: a property or element assigned
 * (`keys.from = …`, `++counts[i]`, `delete cache[k]`), a mutating method called (`list.push`, `map.set`),
 * or, for a regex that keeps `lastIndex` (g, y), `exec`, `test` or `lastIndex` used: those carry state
 * from call to call. Changes made while the module loads (a table filled once) are not counted; `replace`,
 * `matchAll`, `split` and `match` leave a regex's `lastIndex` as they found it, so they are not either.
 */
function changedByModule(source: ts.SourceFile, constants: Map<string, ts.Expression | undefined>): Set<string> {
  const changed = new Set<string>();
  const root = (e: ts.Expression): string | null => {
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    return ts.isIdentifier(e) && constants.has(e.text) ? e.text : null;
  };
  const changes = (target: ts.Expression): void => {
    if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return;
    const name = root(target);
    if (name !== null) changed.add(name);
  };
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (inFunction) {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) changes(node.left);
      if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) changes(node.operand);
      if (ts.isDeleteExpression(node)) changes(node.expression);
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && constants.has(node.expression.text)) {
        const name = node.expression.text;
        const method = node.name.text;
        const called = ts.isCallExpression(node.parent) && node.parent.expression === node;
        const init = constants.get(name);
        const flags = init === undefined ? null : regexFlags(init);
        if (called && MUTATING_METHODS.has(method) && flags === null) changed.add(name);
        if (flags !== null && keepsLastIndex(flags) && (method === "lastIndex" || (called && (method === "exec" || method === "test")))) changed.add(name);
      }
    }
    ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
  };
  visit(source, false);
  return changed;
}

/** Every top-level `let`/`var`, state-holding `const` and `const` the module changes, as "name" per file. */
function stateOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const constants = new Map<string, ts.Expression | undefined>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const d of statement.declarationList.declarations) {
      const name = d.name.getText();
      if (!isConst || holdsState(d.initializer)) found.push(name);
      else if (ts.isIdentifier(d.name)) constants.set(name, d.initializer);
    }
  }
  for (const name of changedByModule(source, constants)) found.push(name);
  return found;
}

/** Every piece of module state in the core, as "folder/file.ts name". */
function moduleState(): string[] {
  const found: string[] = [];
  const files = readdirSync(CORE, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).sort();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(CORE, file), "utf8"), ts.ScriptTarget.Latest, true);
    for (const name of stateOf(source)) found.push(`${file.split("\\").join("/")} ${name}`);
  }
  return found;
}

describe("module-level state in src/core", () => {
  it("is only the constant tables", () => {
    const state = moduleState();
    expect(state.filter((s) => !TABLES.has(s))).toEqual([]);
  });

  it("sees a top-level let, a container, a constant a function changes and a regex that carries lastIndex", () => {
    const state = (lines: string[]): string[] => stateOf(ts.createSourceFile("x.ts", lines.join("\n"), ts.ScriptTarget.Latest, true)).sort();
    expect(state([
      "let last = null;",
      "const cache = new Map<string, number>();",
      "const recent: string[] = [];",
      "const scratch = { from: 0, list: [] };",
      "const keys = { from: 0, to: 0 };",
      "export function find(s: string) { keys.from = s.length; keys.to++; return keys; }",
      "const WORDS = [\"a\"];",
      "const remember = (w: string) => WORDS.push(w);",
      "const MARK = /\\*\\*/g;",
      "function marks(s: string) { MARK.lastIndex = 0; let n = 0; while (MARK.test(s)) n++; return n; }",
      "const FIELD = new RegExp(\"x\", \"y\");",
      "const field = (s: string) => FIELD.exec(s);",
    ])).toEqual(["FIELD", "MARK", "WORDS", "cache", "keys", "last", "recent", "scratch"]);
  });

  it("lets frozen, empty and constant values pass, tables filled as the module loads, and regexes used without lastIndex", () => {
    const state = (lines: string[]): string[] => stateOf(ts.createSourceFile("x.ts", lines.join("\n"), ts.ScriptTarget.Latest, true));
    expect(state([
      "const NONE = Object.freeze([]);",
      "const EMPTY = new Int32Array(0);",
      "const LIMIT = 8;",
      "const DEFAULTS = { limit: 5, words: [\"DDL\"] };",
      "const copy = () => ({ ...DEFAULTS, words: [...DEFAULTS.words] });",
      "const SPECIAL = [\"#\"];",
      "for (const c of \"*_\") SPECIAL.push(c);",
      "const FIELDS = new RegExp(\"a|b\", \"gu\");",
      "const strip = (s: string) => s.replace(FIELDS, \"\").split(FIELDS).join(\"\");",
      "const WEEKDAY = /mon|tue/gi;",
      "const days = (s: string) => [...s.matchAll(WEEKDAY)];",
      "const PLAIN = /x/u;",
      "const has = (s: string) => PLAIN.test(s) || PLAIN.exec(s) !== null;",
    ])).toEqual([]);
  });
});
