// Deterministic synthetic vaults: the same seed and size always give the same files, byte for byte.
// A note's text depends only on the seed, its index and its path, never on the vault size.
import { LINKS_AND_PROSE, PLANNER_BLOCKS, queueBlock, trackHeading, weighted } from "./blocks";
import { NEAR_TRAPS, PROSE_BLOCKS, TRAPS, UNCLOSED_FENCE } from "./prose";
import { createRng, hashSeed, type Rng } from "./prng";

export const GENERATOR_VERSION = 3;
export type NoteKind = "prose" | "planner" | "big";

export interface NoteSpec {
  index: number;
  path: string;
  kind: NoteKind;
  /** UTF-8 size the note grows to (it may overshoot by one block). */
  targetBytes: number;
}

/** The 25 KB planner note the re-index latency is measured on. */
export const REINDEX_NOTE = "Planner/Term plan.md";
const KB = 1024;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) { bytes += 4; i++; } // surrogate pair
    else bytes += 3;
  }
  return bytes;
}

function bigNoteCount(size: number): number {
  return size >= 10_000 ? 3 : 1;
}

/** What the vault of `size` notes holds, in a stable order. */
export function planVault(seed: number, size: number): NoteSpec[] {
  const specs: NoteSpec[] = [{ index: 0, path: REINDEX_NOTE, kind: "planner", targetBytes: 25 * KB }];
  const bigs = bigNoteCount(size);
  for (let b = 0; b < bigs; b++) specs.push({ index: 1 + b, path: `Archive/Journal ${2020 + b}.md`, kind: "big", targetBytes: 1024 * KB });
  for (let index = specs.length; index < size; index++) {
    const rng = createRng(hashSeed(seed, "spec", index));
    const planner = rng.chance(0.3);
    const folder = `Area ${String(index % 40).padStart(2, "0")}/Topic ${String(Math.floor(index / 40) % 25).padStart(2, "0")}`;
    const name = planner ? rng.pick(["计划", "Plan", "学习计划", "Sprint"]) : rng.pick(["Note", "笔记", "Meeting", "读书"]);
    // Planner sizes skew small (most 5–10 KB, a few near 25 KB); prose is 2–6 KB.
    const targetBytes = planner ? Math.round(5 * KB * Math.pow(5, rng.next() ** 2)) : rng.int(2 * KB, 6 * KB);
    specs.push({ index, path: `${folder}/${name} ${index}.md`, kind: planner ? "planner" : "prose", targetBytes });
  }
  return specs;
}

class NoteWriter {
  readonly lines: string[] = [];
  bytes = 0;
  add(block: string[]): void {
    if (this.lines.length > 0) { this.lines.push(""); this.bytes += 1; }
    for (const line of block) { this.lines.push(line); this.bytes += utf8Length(line) + 1; }
  }
}

/** Closes any open list/quote so the next block's meaning does not depend on what came before. */
const SEPARATOR = ["Before the next example:"];

function addTrap(rng: Rng, note: NoteWriter, near: boolean): void {
  note.add(SEPARATOR);
  note.add(rng.pick(near && rng.chance(0.5) ? NEAR_TRAPS : TRAPS)(rng));
}

function plannerSections(rng: Rng, note: NoteWriter, untilBytes: number): void {
  while (note.bytes < untilBytes) {
    note.add([rng.pick(["---", "------", "----"])]);
    note.add([trackHeading(rng)]);
    if (rng.chance(0.1)) note.add([`### ${rng.pick(["阶段一", "Phase 2", "复习"])}`]);
    note.add(LINKS_AND_PROSE(rng)); // like a real planner: links and notes under each track, then the plan
    for (let n = rng.int(1, 3); n > 0; n--) note.add(weighted(rng, PLANNER_BLOCKS)(rng));
    if (rng.chance(0.06)) addTrap(rng, note, true);
  }
}

/** About one prose note in eight shows checklist syntax in code or comments (a how-to, a template). */
const PROSE_TRAP_NOTES = 0.12;

function proseSections(rng: Rng, note: NoteWriter, untilBytes: number, trapPerBlock: number): void {
  while (note.bytes < untilBytes) {
    note.add(weighted(rng, PROSE_BLOCKS)(rng));
    if (rng.chance(trapPerBlock)) addTrap(rng, note, false);
  }
}

function plannerNote(rng: Rng, spec: NoteSpec): string[] {
  const note = new NoteWriter();
  if (rng.chance(0.2)) note.add(["---", `tags: [plan, ${rng.pick(["term", "sprint", "daily"])}]`, "created: 2026-01-05", "---"]);
  note.add([rng.pick(["# TIME", "# 计划", "# Plan"])]);
  note.add(PLANNER_BLOCKS[0][0](rng)); // items above any heading belong to the note's name
  if (spec.path === REINDEX_NOTE || rng.chance(0.002)) note.add(queueBlock(rng));
  plannerSections(rng, note, spec.targetBytes);
  return note.lines;
}

function proseNote(rng: Rng, spec: NoteSpec): string[] {
  const note = new NoteWriter();
  if (rng.chance(0.3)) note.add(["---", `aliases: [${rng.pick(["draft", "ref"])}]`, "---"]);
  note.add([`# ${rng.pick(["Reading notes", "会议纪要", "Ideas", "实验日志", "Project log"])} ${spec.index}`]);
  proseSections(rng, note, spec.targetBytes, rng.chance(PROSE_TRAP_NOTES) ? 0.1 : 0);
  if (rng.chance(0.01)) { note.add(SEPARATOR); note.add(UNCLOSED_FENCE(rng)); }
  return note.lines;
}

/** A 1 MB journal: planner and prose stretches alternating, traps included. */
function bigNote(rng: Rng, spec: NoteSpec): string[] {
  const note = new NoteWriter();
  note.add([`# Journal ${spec.index}`]);
  for (let part = 0; note.bytes < spec.targetBytes; part++) {
    if (part % 3 === 0) plannerSections(rng, note, note.bytes + 12 * KB);
    else proseSections(rng, note, note.bytes + 12 * KB, 0.01);
  }
  return note.lines;
}

/** The note's full text, line endings and BOM included. */
export function generateNote(seed: number, spec: NoteSpec): string {
  const rng = createRng(hashSeed(seed, "note", spec.index, spec.path));
  const lines = spec.kind === "planner" ? plannerNote(rng, spec) : spec.kind === "big" ? bigNote(rng, spec) : proseNote(rng, spec);
  const special = spec.kind !== "prose" && spec.index < 10; // the measured notes stay plain LF
  const eol = !special && rng.chance(0.03) ? "\r\n" : "\n";
  const bom = !special && rng.chance(0.02) ? "\uFEFF" : "";
  return bom + lines.join(eol) + eol;
}
