// A queue block inside a callout or blockquote: read fully and edited with its `> ` prefixes kept.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { findQueueBlock, resolveQueue, type TrackInfo } from "../../src/core/items/queue";
import { pauseEdits, promoteEdits } from "../../src/core/planner/queueEdits";

const TRACKS = ["Reading", "Thesis", "Guitar", "深度学习全栈"];
const infos = (names: string[]): TrackInfo[] => names.map((name, i) => ({ name, path: "P.md", line: 100 + i }));
const stateOf = (text: string) => resolveQueue(findQueueBlock("P.md", text), infos(TRACKS), { limit: 3, priority: [] });

function apply(text: string, edits: ReturnType<typeof promoteEdits>): string {
  expect(edits).not.toBeNull();
  const outcome = applyLineEdits(text, edits!);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return outcome.text;
}

describe("a queue block in a callout", () => {
  const CALLOUT = ["> [!note] Queue", "> Active tracks (limit 3):", "> - Reading", "> - Thesis", "> Queue:", "> - Guitar", "", "After", ""].join("\n");

  it("reads the entries behind the quote marks", () => {
    const state = stateOf(CALLOUT);
    expect(state.active).toEqual(["Reading", "Thesis"]);
    expect(state.queued[0]).toBe("Guitar");
    expect(state.problems).toEqual([]);
  });

  it("promote moves the entry inside the callout, keeping every `> `", () => {
    const next = apply(CALLOUT, promoteEdits(stateOf(CALLOUT)));
    expect(next).toBe(["> [!note] Queue", "> Active tracks (limit 3):", "> - Reading", "> - Thesis", "> - Guitar", "> Queue:", "", "After", ""].join("\n"));
    expect(stateOf(next).active).toEqual(["Reading", "Thesis", "Guitar"]);
  });

  it("pause moves an entry to the waiting list inside the callout, creating it with quoted lines", () => {
    const text = ["> 当前 BPU 最大进程数为：3", ">", "> - Reading", "> - 深度学习全栈", "", "## Reading", ""].join("\n");
    const next = apply(text, pauseEdits(stateOf(text), "Reading"));
    expect(next).toBe(["> 当前 BPU 最大进程数为：3", ">", "> - 深度学习全栈", ">", "> Brain Queue", ">", "> - Reading", "", "## Reading", ""].join("\n"));
    const state = stateOf(next);
    expect(state.active).toEqual(["深度学习全栈"]);
    expect(state.queued[0]).toBe("Reading");
  });

  it("nested quotes keep their depth; a list outside the quote is not the block's", () => {
    const nested = [">> Active tracks (limit 3):", ">> - Reading", ">>", ">> Queue:", ">> 1. Guitar", ""].join("\n");
    expect(apply(nested, promoteEdits(stateOf(nested)))).toBe([">> Active tracks (limit 3):", ">> - Reading", ">> - Guitar", ">>", ">> Queue:", ""].join("\n"));
    const outside = ["> Active tracks (limit 3):", "- Reading", ""].join("\n");
    expect(findQueueBlock("P.md", outside)?.active).toEqual([]);
  });

  it("promote then pause in a callout gives the bytes back", () => {
    fc.assert(fc.property(fc.constantFrom("> ", ">", "> > "), fc.constantFrom("\n", "\r\n"), (quote, eol) => {
      const q = (line: string): string => (line === "" ? quote.trimEnd() : quote + line);
      const text = [q("Active tracks (limit 3):"), q("- Reading"), q(""), q("Queue:"), q(""), q("- Guitar"), q("- Thesis"), "", "tail"].join(eol);
      const promoted = apply(text, promoteEdits(stateOf(text)));
      expect(stateOf(promoted).active).toEqual(["Reading", "Guitar"]);
      expect(promoted.split(eol).every((line, i, all) => i >= all.length - 2 || line.startsWith(quote.trimEnd()))).toBe(true);
      expect(apply(promoted, pauseEdits(stateOf(promoted), "Guitar"))).toBe(
        [q("Active tracks (limit 3):"), q("- Reading"), q(""), q("Queue:"), q(""), q("- Thesis"), q("- Guitar"), "", "tail"].join(eol));
    }));
  });
});
