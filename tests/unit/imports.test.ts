// The import graph reads one way (scripts/imports.mjs): no cycles in src/ and demo/, the core's stages
// import only the stages before them, and another folder reaches a stage through its index.ts.
import { readdirSync, readFileSync } from "node:fs";
import { cwd } from "node:process";
import { describe, expect, it } from "vitest";
import { CORE_STAGES, findCycles, importGraph, importProblems, layoutProblems, specifiersOf } from "../../scripts/imports.mjs";

/** A graph over made-up files: `files` maps a path to its text. */
function graphOf(files: Record<string, string>): Map<string, string[]> {
  return importGraph("/repo", Object.keys(files), (file) => files[file]);
}

describe("import graph", () => {
  it("reads imports, re-exports, type imports and dynamic imports, not comments or packages", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "../b";',
      'export { c } from "./c/index";',
      "import {",
      "  d,",
      '} from "./d";',
      'const e = await import("./e");',
      '// import { f } from "./f";',
      '/* import { g } from "./g"; */',
      'import { h } from "obsidian";',
    ].join("\n");
    expect(specifiersOf(text)).toEqual(["./a", "../b", "./c/index", "./d", "./e"]);
  });

  it("resolves a specifier to a file, a file with .ts or a folder's index.ts", () => {
    const graph = graphOf({
      "src/x.ts": 'import { a } from "./a"; import { b } from "./b"; import { c } from "./missing";',
      "src/a.ts": "",
      "src/b/index.ts": "",
    });
    expect(graph.get("src/x.ts")).toEqual(["src/a.ts", "src/b/index.ts"]);
  });

  it("finds a cycle through type-only imports and a longer one, and none in a tree", () => {
    const graph = graphOf({
      "demo/app.ts": 'import { Modal } from "./modal";',
      "demo/modal.ts": 'import type { App } from "./app";',
      "src/a.ts": 'import { b } from "./b";',
      "src/b.ts": 'import { c } from "./c";',
      "src/c.ts": 'export { a } from "./a";',
      "src/leaf.ts": "",
      "src/root.ts": 'import "./leaf"; import "./a";',
    });
    expect(findCycles(graph)).toEqual([
      ["demo/app.ts", "demo/modal.ts", "demo/app.ts"],
      ["src/a.ts", "src/b.ts", "src/c.ts", "src/a.ts"],
    ]);
    expect(findCycles(graphOf({ "src/a.ts": 'import "./b"; import "./c";', "src/b.ts": 'import "./c";', "src/c.ts": "" }))).toEqual([]);
  });

  it("refuses a core file outside the stages, an import up the pipeline and one past a stage's index.ts", () => {
    const graph = graphOf({
      "src/core/loose.ts": "",
      "src/core/base/index.ts": 'export { day } from "./dates";',
      "src/core/base/dates.ts": "",
      "src/core/markdown/index.ts": 'export { scan } from "./scan";',
      "src/core/markdown/scan.ts": 'import { day } from "../base"; import { plan } from "../planner";',
      "src/core/planner/index.ts": 'export { plan } from "./today";',
      "src/core/planner/today.ts": 'import { scan } from "../markdown"; import { day } from "../base/dates";',
      "src/obsidian/view.ts": 'import { plan } from "../core/planner"; import { scan } from "../core/markdown/scan";',
    });
    expect(layoutProblems(graph, ["base", "markdown", "planner"])).toEqual([
      "src/core/loose.ts: a core file belongs in one of the stage folders (base, markdown, planner)",
      "src/core/markdown/scan.ts imports src/core/planner/index.ts: markdown comes before planner in the pipeline",
      "src/core/planner/today.ts imports src/core/base/dates.ts: another folder reaches base through its index.ts",
      "src/obsidian/view.ts imports src/core/markdown/scan.ts: another folder reaches markdown through its index.ts",
    ]);
  });

  it("every folder of the core is a stage, with an index.ts that says what it owns and may import", () => {
    const folders = readdirSync("src/core", { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...CORE_STAGES].sort());
    for (const stage of CORE_STAGES) {
      const face = readFileSync(`src/core/${stage}/index.ts`, "utf8");
      expect(face, stage).toMatch(/^\/\/ /);
      expect(face, stage).toMatch(stage === "base" ? /imports nothing else from src\/core/ : /May import: /);
    }
  });

  it("src/ and demo/ have no import cycle, and the core keeps its layout", () => {
    expect(importProblems(cwd())).toEqual([]);
  });
});
