import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyLineEdits } from "../../src/core/planner/edits";
import { findQueueBlock, resolveQueue, type TrackInfo } from "../../src/core/items/queue";
import { pauseEdits, promoteEdits } from "../../src/core/planner/queueEdits";

const infos = (names: string[]): TrackInfo[] => names.map((name, i) => ({ name, path: "P.md", line: 100 + i }));

function stateOf(text: string, tracks: string[], path = "P.md") {
  return resolveQueue(findQueueBlock(path, text), infos(tracks), { limit: 3, priority: [] });
}

function apply(text: string, edits: ReturnType<typeof promoteEdits>): string {
  expect(edits).not.toBeNull();
  const outcome = applyLineEdits(text, edits!);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failures));
  return outcome.text;
}

const TRACKS = ["读书", "算法每日一题", "网课", "游戏引擎"];

describe("promoteEdits", () => {
  it("moves the first waiting entry into the active list, keeping the marker style", () => {
    const text = "最大进程数为：3\n\n* 读书\n* 算法\n\nBrain Queue\n\n* **游戏引擎**\n* 网课\n\n## 读书\n";
    const next = apply(text, promoteEdits(stateOf(text, TRACKS)));
    expect(next).toBe("最大进程数为：3\n\n* 读书\n* 算法\n* **游戏引擎**\n\nBrain Queue\n\n* 网课\n\n## 读书\n");
    expect(stateOf(next, TRACKS).active).toEqual(["读书", "算法每日一题", "游戏引擎"]);
  });

  it("adds an unlisted track by name when the waiting list is empty (CRLF kept, numbering continued)", () => {
    const text = "Active tracks (limit 3):\r\n1. 读书\r\n2. 网课\r\n\r\nQueue:\r\n\r\nTail\r\n";
    const next = apply(text, promoteEdits(stateOf(text, TRACKS)));
    expect(next).toBe("Active tracks (limit 3):\r\n1. 读书\r\n2. 网课\r\n3. 算法每日一题\r\n\r\nQueue:\r\n\r\nTail\r\n");
  });

  it("starts the active list after the limit line when it is empty", () => {
    const text = "最大进程数为：1\n\nBrain Queue\n- 网课\n";
    const next = apply(text, promoteEdits(stateOf(text, TRACKS)));
    expect(next).toBe("最大进程数为：1\n\n- 网课\n\nBrain Queue\n");
  });

  it("refuses without a block, without a free slot, or with nothing queued", () => {
    expect(promoteEdits(resolveQueue(null, infos(TRACKS), { limit: 9, priority: [] }))).toBeNull();
    const full = "最大进程数为：2\n- 读书\n- 网课\n\nBrain Queue\n- 算法\n";
    expect(promoteEdits(stateOf(full, TRACKS))).toBeNull();
    const all = "最大进程数为：9\n- 读书\n- 网课\n";
    expect(promoteEdits(stateOf(all, ["读书", "网课"]))).toBeNull();
  });
});

describe("pauseEdits", () => {
  it("moves an active entry to the end of the waiting list", () => {
    const text = "最大进程数为：3\n\n- 读书\n- 算法\n- 网课\n\nBrain Queue\n\n- 游戏\n\n## x\n";
    const next = apply(text, pauseEdits(stateOf(text, TRACKS), "算法每日一题"));
    expect(next).toBe("最大进程数为：3\n\n- 读书\n- 网课\n\nBrain Queue\n\n- 游戏\n- 算法\n\n## x\n");
  });

  it("fills an empty waiting list right after its line, like the person's note", () => {
    const text = "最大进程数为：5\n\n- 读书\n- 网课\n\n\n\nBrain Queue\n\n\n\n## 读书\n";
    const next = apply(text, pauseEdits(stateOf(text, TRACKS), "读书"));
    expect(next).toBe("最大进程数为：5\n\n- 网课\n\n\n\nBrain Queue\n\n- 读书\n\n\n\n## 读书\n");
  });

  it("pausing the last active track then promoting it gives back the exact bytes", () => {
    const text = "# Daily\r\n\r\n最大进程数为：5\r\n\r\n- 读书\r\n- 网课\r\n\r\n\r\nBrain Queue\r\n\r\n\r\n\r\n## 读书\r\n";
    const paused = apply(text, pauseEdits(stateOf(text, TRACKS), "网课"));
    expect(paused).toBe("# Daily\r\n\r\n最大进程数为：5\r\n\r\n- 读书\r\n\r\n\r\nBrain Queue\r\n\r\n- 网课\r\n\r\n\r\n\r\n## 读书\r\n");
    expect(apply(paused, promoteEdits(stateOf(paused, TRACKS)))).toBe(text);
  });

  it("creates the waiting line when the block has none", () => {
    const text = "Active tracks (limit 2):\n+ 读书\n+ 网课\n\nText\n";
    const next = apply(text, pauseEdits(stateOf(text, TRACKS), "网课"));
    expect(next).toBe("Active tracks (limit 2):\n+ 读书\n\nQueue:\n\n+ 网课\n\nText\n");
  });

  it("refuses a track that is not in the priority list, or without a block", () => {
    const text = "最大进程数为：3\n- 读书\n\nBrain Queue\n- 网课\n";
    expect(pauseEdits(stateOf(text, TRACKS), "网课")).toBeNull();
    expect(pauseEdits(resolveQueue(null, infos(TRACKS), { limit: 3, priority: ["读书"] }), "读书")).toBeNull();
  });

  it("pause then promote round-trips the active set (property)", () => {
    const names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
    fc.assert(fc.property(
      fc.shuffledSubarray(names, { minLength: 1 }),
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom("\n", "\r\n"),
      fc.constantFrom("- ", "* ", "1. "),
      (active, pick, eol, marker) => {
        const list = active.map((n) => `${marker}${n}`).join(eol);
        const text = `Before${eol}${eol}Active tracks (limit ${active.length}):${eol}${list}${eol}${eol}Queue:${eol}${eol}After${eol}`;
        const state = resolveQueue(findQueueBlock("P.md", text), infos(names), { limit: 1, priority: [] });
        const paused = active[pick % active.length];
        const afterPause = apply(text, pauseEdits(state, paused));
        const pausedState = resolveQueue(findQueueBlock("P.md", afterPause), infos(names), { limit: 1, priority: [] });
        expect(pausedState.active).toEqual(active.filter((n) => n !== paused));
        expect(pausedState.queued[0]).toBe(paused);
        const back = apply(afterPause, promoteEdits(pausedState));
        const finalState = resolveQueue(findQueueBlock("P.md", back), infos(names), { limit: 1, priority: [] });
        expect(new Set(finalState.active)).toEqual(new Set(active));
        expect(back.startsWith(`Before${eol}${eol}`) && back.endsWith(`After${eol}`)).toBe(true);
        expect(back.split(eol).every((line) => !line.includes("\r") && !line.includes("\n"))).toBe(true);
      },
    ));
  });
});
