// The import graph of src/ and demo/, and the rules it must keep so the code reads one way:
// - no cycle, counting type-only imports (a cycle of types is still two files that need each other);
// - src/core/ is in stage folders only, and a stage imports only the stages before it (CORE_STAGES);
// - from another folder, a stage is reached through its index.ts (its public face), never a file inside.
// `node scripts/imports.mjs` prints every problem and fails on one; a unit test runs the same check.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

/** The core's folders in pipeline order: each may import only the ones before it. */
export const CORE_STAGES = ["base", "markdown", "items", "storage", "index", "planner"];

const SKIP = new Set(["node_modules", "dist", "vault", "output"]);

/** Every .ts file under `dirs` of `root`, as paths relative to `root` with `/`. */
export function sourceFiles(root, dirs) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (SKIP.has(name)) continue;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`; comments are blanked first.
const SPECIFIER = /\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** The relative specifiers a module's text imports or re-exports. */
export function specifiersOf(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return [...code.matchAll(SPECIFIER)].map((m) => m[1]).filter((s) => s.startsWith("."));
}

/** The graph: file → the files it imports (only those among `files`), all relative to `root`. */
export function importGraph(root, files, read = (f) => readFileSync(join(root, f), "utf8")) {
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const targets = [];
    for (const spec of specifiersOf(read(file))) {
      const base = relative(root, resolve(root, dirname(file), spec)).split(sep).join("/");
      const target = [base, `${base}.ts`, `${base}/index.ts`].find((t) => known.has(t));
      if (target !== undefined && !targets.includes(target)) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Each cycle as one closed path (first file repeated at the end), one per strongly connected group. */
export function findCycles(graph) {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  const order = new Map(), low = new Map(), onStack = new Set(), stack = [], groups = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (order.has(start)) continue;
    const work = [[start, 0]];
    order.set(start, next); low.set(start, next++); stack.push(start); onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const [node, i] = top;
      const targets = graph.get(node) ?? [];
      if (i < targets.length) {
        top[1]++;
        const t = targets[i];
        if (!order.has(t)) {
          order.set(t, next); low.set(t, next++); stack.push(t); onStack.add(t);
          work.push([t, 0]);
        } else if (onStack.has(t)) low.set(node, Math.min(low.get(node), order.get(t)));
        continue;
      }
      work.pop();
      if (work.length > 0) { const parent = work[work.length - 1][0]; low.set(parent, Math.min(low.get(parent), low.get(node))); }
      if (low.get(node) !== order.get(node)) continue;
      const group = [];
      for (let f = stack.pop(); ; f = stack.pop()) { onStack.delete(f); group.push(f); if (f === node) break; }
      if (group.length > 1 || targets.includes(node)) groups.push(group);
    }
  }
  return groups.map((group) => pathThrough(graph, new Set(group), group.sort()[0]));
}

/** A shortest closed path from `start` back to itself inside `group`. */
function pathThrough(graph, group, start) {
  const from = new Map([[start, null]]);
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    for (const t of graph.get(queue[q]) ?? []) {
      if (t === start) {
        const path = [start];
        for (let f = queue[q]; f !== start; f = from.get(f)) path.splice(1, 0, f);
        return [...path, start];
      }
      if (group.has(t) && !from.has(t)) { from.set(t, queue[q]); queue.push(t); }
    }
  }
  return [start, start];
}

/** Where a file sits in the core: its stage and whether it is the stage's index.ts; null outside. */
function coreSpot(file) {
  if (!file.startsWith("src/core/")) return null;
  const parts = file.slice("src/core/".length).split("/");
  return { stage: parts.length > 1 ? parts[0] : null, face: parts.length === 2 && parts[1] === "index.ts" };
}

/** Breaches of the core's layout: files outside a stage, imports up the pipeline, imports past a face. */
export function layoutProblems(graph, stages = CORE_STAGES) {
  const problems = [];
  for (const [file, targets] of graph) {
    const own = coreSpot(file);
    if (own && (own.stage === null || !stages.includes(own.stage))) {
      problems.push(`${file}: a core file belongs in one of the stage folders (${stages.join(", ")})`);
    }
    for (const target of targets) {
      const spot = coreSpot(target);
      if (!spot || spot.stage === null || spot.stage === own?.stage) continue;
      if (own && stages.indexOf(spot.stage) > stages.indexOf(own.stage)) {
        problems.push(`${file} imports ${target}: ${own.stage} comes before ${spot.stage} in the pipeline`);
      }
      if (!spot.face) problems.push(`${file} imports ${target}: another folder reaches ${spot.stage} through its index.ts`);
    }
  }
  return problems;
}

/** Every problem of the project under `root`: cycles in `dirs`, then the core's layout. */
export function importProblems(root, dirs = ["src", "demo"]) {
  const graph = importGraph(root, sourceFiles(root, dirs));
  return [
    ...findCycles(graph).map((cycle) => `import cycle: ${cycle.join(" → ")}`),
    ...layoutProblems(graph),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = importProblems(process.cwd());
  for (const p of problems) console.error(p);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
