// Archived plans count for nothing: the frontmatter key, the edit that writes it (byte-exact), the
// archive folders, and an index, a Today model and a roll that never see an archived note's items.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inScope, isArchived } from "../../src/core/items/archive";
import { archiveEdits } from "../../src/core/planner/archiveEdits";
import { applyLineEdits, splitLines } from "../../src/core/planner/edits";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday, deadlineCandidates } from "../../src/core/planner/today";
import { VaultIndex } from "../../src/core/index/vaultIndex";

const VAULT = join(import.meta.dirname, "../fixtures/vaults/terms");
const OLD = "Plans/2020 秋季计划.md";
const NEW = "Plans/2021 秋季计划.md";
const texts: Record<string, string> = Object.fromEntries([OLD, NEW].map((path) => [path, readFileSync(join(VAULT, path), "utf8")]));

function archived(text: string): string {
  const edits = archiveEdits("n.md", text);
  if (!edits) throw new Error("already archived");
  const outcome = applyLineEdits(text, edits);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return outcome.text;
}

describe("the archive key", () => {
  it("reads `brain-queue: archived` in the frontmatter only", () => {
    expect(isArchived("---\nbrain-queue: archived\n---\n# Plan\n")).toBe(true);
    expect(isArchived("\uFEFF---\r\ntags: [plan]\r\nbrain-queue: \"archived\" # last term\r\n...\r\nbody")).toBe(true);
    expect(isArchived("---\nbrain-queue: Archived\n---\n")).toBe(true);
    expect(isArchived("---\nbrain-queue: active\n---\n")).toBe(false);
    expect(isArchived("---\nbrain-queue: archived\n")).toBe(false); // never closes: not frontmatter
    expect(isArchived("# Plan\n---\nbrain-queue: archived\n---\n")).toBe(false);
    expect(isArchived("```\n---\nbrain-queue: archived\n---\n```\n")).toBe(false);
    expect(isArchived("- [ ] 2021/09/01 brain-queue: archived\n")).toBe(false);
  });

  it("the edit makes a frontmatter when there is none, byte-exact, keeping line endings and the BOM", () => {
    expect(archived("# Plan\n- [ ] 2021/09/01 a\n")).toBe("---\nbrain-queue: archived\n---\n# Plan\n- [ ] 2021/09/01 a\n");
    expect(archived("# Plan\r\n- [ ] 2021/09/01 a")).toBe("---\r\nbrain-queue: archived\r\n---\r\n# Plan\r\n- [ ] 2021/09/01 a");
    expect(archived("\uFEFF# 计划\n")).toBe("\uFEFF---\nbrain-queue: archived\n---\n# 计划\n");
    expect(archived("")).toBe("---\nbrain-queue: archived\n---\n");
  });

  it("the edit adds the key to a frontmatter, or sets it, and leaves an archived note alone", () => {
    expect(archived("---\ntags: [plan]\n---\n# Plan\n")).toBe("---\ntags: [plan]\nbrain-queue: archived\n---\n# Plan\n");
    expect(archived("---\r\ntags: [plan]\r\n...\r\nbody")).toBe("---\r\ntags: [plan]\r\nbrain-queue: archived\r\n...\r\nbody");
    expect(archived("---\nbrain-queue: active\naliases: []\n---\n")).toBe("---\nbrain-queue: archived\naliases: []\n---\n");
    expect(archiveEdits("n.md", "---\nbrain-queue: archived\n---\n")).toBeNull();
  });

  it("archiving any note changes nothing but the frontmatter, and the result reads as archived", () => {
    const line = fc.constantFrom("---", "...", "# Plan", "- [ ] 2021/09/01 a", "tags: [x]", "brain-queue: active", "", "  ", "正文");
    const eol = fc.constantFrom("\n", "\r\n", "\r");
    const note = fc.tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 8 }), line)
      .map(([bom, lines, last]) => `${bom ? "\uFEFF" : ""}${lines.map(([l, e]) => l + e).join("")}${last}`);
    fc.assert(fc.property(note, (text) => {
      const edits = archiveEdits("n.md", text);
      if (!edits) return expect(isArchived(text)).toBe(true);
      const out = archived(text);
      expect(isArchived(out)).toBe(true);
      expect(archiveEdits("n.md", out)).toBeNull();
      // Every line but the one edited stays byte for byte; the edited one is kept or is the old key.
      const [edit] = edits;
      const before = splitLines(text.replace(/^\uFEFF/u, ""));
      const after = splitLines(out.replace(/^\uFEFF/u, ""));
      expect(out.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
      expect(after.slice(0, edit.line - 1)).toEqual(before.slice(0, edit.line - 1));
      const added = after.length - before.length;
      expect(after.slice(edit.line + added)).toEqual(before.slice(edit.line));
    }), { numRuns: 300 });
  });
});

describe("archived notes count for nothing", () => {
  const archivedOld = { [OLD]: archived(texts[OLD]), [NEW]: texts[NEW] };
  const index = new VaultIndex();
  for (const [path, text] of Object.entries(archivedOld)) index.update(path, text);
  const day = "2021-09-06";

  it("no items, tracks, queue block or deadlines of the archived note anywhere", () => {
    expect(index.items().some((item) => item.path === OLD)).toBe(false);
    expect(index.tracks().some((track) => track.path === OLD)).toBe(false);
    expect(index.queueBlocks().map((b) => b.path)).toEqual([NEW]);
    expect(deadlineCandidates(index, DEFAULT_SETTINGS).some((item) => item.path === OLD)).toBe(false);
    const model = buildToday(index, day, new Date(2021, 8, 6, 9), DEFAULT_SETTINGS);
    // This term's queue block is in use now, and its LeetCode needs no note name beside it.
    expect(model.tracks.filter((t) => t.state === "active").map((t) => [t.name, t.path, t.note])).toEqual([
      ["LeetCode", NEW, null], ["网课", NEW, null],
    ]);
    expect(model.overdue.every((group) => group.path === NEW)).toBe(true);
    // Only the archived note had a 读书 heading: this term's block now names a track that is gone.
    expect(model.problems.map((p) => p.message)).toEqual(["Queue entry “读书” matches no track"]);
  });

  it("no roll touches it", () => {
    const plan = planRoll(index.items(), day, { mode: "auto", settings: DEFAULT_SETTINGS });
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(plan.changes.some((c) => c.path === OLD) || plan.skipped.some((s) => s.path === OLD)).toBe(false);
  });

  it("an edit that removes the key brings the note back", () => {
    const again = new VaultIndex();
    again.update(OLD, archivedOld[OLD]);
    expect(again.items()).toEqual([]);
    again.update(OLD, texts[OLD]);
    expect(again.items().length).toBeGreaterThan(0);
  });

  it("archive folders are out of scope like excluded ones", () => {
    const settings = { ...DEFAULT_SETTINGS, archiveFolders: ["Archive/", " Plans/2020 秋季计划 "] };
    expect(inScope("Archive/2019.md", settings)).toBe(false);
    expect(inScope(OLD, settings)).toBe(false);
    expect(inScope(NEW, settings)).toBe(true);
    expect(inScope("Archived notes.md", settings)).toBe(true);
    expect(inScope("x.md", { ...settings, archiveFolders: ["", "  "] })).toBe(true);
  });
});
