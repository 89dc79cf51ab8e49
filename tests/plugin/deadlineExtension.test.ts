// The CM6 deadline decorations: only over the visible ranges, never in code or frontmatter, rebuilt on
// edits and when the day changes.
import "obsidian"; // the stand-in installs Obsidian's DOM helpers (createSpan) that the badge widget uses
import { afterEach, describe, expect, it, vi } from "vitest";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, type DecorationSet } from "@codemirror/view";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { DeadlineRules } from "../../src/core/items/deadlines";
import { buildDeadlineDecorations, deadlineExtension, setDeadlineHighlight } from "../../src/obsidian/deadlineExtension";
import { badgeText, type DeadlineContext } from "../../src/obsidian/deadlineLine";

const DOC = [
  "---",
  "due: - [ ] 2021/04/18    ICRA 2022 投稿截止日期",
  "---",
  "- [ ] 2021/04/18    ICRA  2022 投稿截止日期",
  "- [ ] 2021/04/15    read a CVPR 2022 paper",
  "```",
  "- [ ] 2021/04/16    AAAI 2021 deadline",
  "```",
  "- [x] 2021/04/16    IROS 2022 submission",
  "- [ ] 2021/04/10    NeurIPS 2021 deadline",
  "- [ ] 2021/04/14 DDL for the report",
].join("\n");

function context(now: { value: Date }, dropped: string[] = []): DeadlineContext {
  const rules = DeadlineRules.of(DEFAULT_SETTINGS);
  return {
    now: () => now.value,
    settings: () => DEFAULT_SETTINGS,
    rules: () => rules,
    isDropped: (venue) => dropped.includes(venue),
  };
}

/** line number → "classes|badge" for every decorated line. */
function summary(set: DecorationSet, state: EditorState): Record<number, string> {
  const out: Record<number, string> = {};
  set.between(0, state.doc.length, (from, _to, deco) => {
    const line = state.doc.lineAt(from).number;
    const spec = deco.spec as { class?: string; widget?: { text: string } };
    out[line] = [out[line], spec.class ?? spec.widget?.text].filter(Boolean).join("|");
  });
  return out;
}

afterEach(() => vi.useRealTimers());

describe("buildDeadlineDecorations", () => {
  const state = EditorState.create({ doc: DOC });
  const whole = [{ from: 0, to: state.doc.length }];
  const now = { value: new Date(2021, 3, 14, 9) };

  it("decorates unfinished deadline lines with urgency class and badge, skipping frontmatter and code", () => {
    expect(summary(buildDeadlineDecorations(state, whole, now.value, context(now)), state)).toEqual({
      4: "bq-deadline bq-urgency-soon|D-4",
      10: "bq-deadline bq-urgency-past|D+4",
      11: "bq-deadline bq-urgency-urgent|today",
    });
  });

  it("marks dropped venues", () => {
    const decorations = buildDeadlineDecorations(state, whole, now.value, context(now, ["NeurIPS"]));
    expect(summary(decorations, state)[10]).toBe("bq-deadline bq-urgency-past bq-dropped|D+4");
  });

  it("builds only over the visible ranges", () => {
    const line4 = state.doc.line(4);
    const line11 = state.doc.line(11);
    const ranges = [{ from: line4.from, to: line4.to }, { from: line11.from, to: line11.to }];
    expect(Object.keys(summary(buildDeadlineDecorations(state, ranges, now.value, context(now)), state))).toEqual(["4", "11"]);
    expect(summary(buildDeadlineDecorations(state, [{ from: 0, to: state.doc.line(3).to }], now.value, context(now)), state)).toEqual({});
  });

  it("follows the day", () => {
    const later = new Date(2021, 3, 18, 23, 59);
    expect(summary(buildDeadlineDecorations(state, whole, later, context(now)), state)[4]).toBe("bq-deadline bq-urgency-urgent|today");
    expect(badgeText(-3)).toBe("D+3");
  });
});

describe("deadlineExtension in an EditorView", () => {
  function mount(extension: Extension, doc = DOC): EditorView {
    const parent = document.body.createDiv();
    return new EditorView({ parent, state: EditorState.create({ doc, extensions: [extension] }) });
  }
  const badges = (view: EditorView): string[] => Array.from(view.dom.querySelectorAll(".bq-deadline-badge")).map((b) => b.textContent ?? "");

  it("renders badges, updates on edit, turns off with the effect, and refreshes at midnight", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const now = { value: new Date(2021, 3, 14, 23, 0) };
    const view = mount(deadlineExtension(context(now)));
    expect(badges(view)).toEqual(["D-4", "D+4", "today"]);
    expect(view.dom.querySelectorAll(".cm-line.bq-deadline")).toHaveLength(3);

    view.dispatch({ changes: { from: view.state.doc.line(5).from, insert: "- [ ] 2021/04/30    ECCV 2022 deadline\n" } });
    expect(badges(view)).toEqual(["D-4", "D-16", "D+4", "today"]);

    now.value = new Date(2021, 3, 15, 0, 0, 2);
    vi.advanceTimersByTime(60 * 60 * 1000 + 5000);
    expect(badges(view)).toEqual(["D-3", "D-15", "D+5", "D+1"]);

    view.dispatch({ effects: setDeadlineHighlight.of(false) });
    expect(badges(view)).toEqual([]);
    view.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("in a very large note, maps decorations on edits and rebuilds after a pause", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const now = { value: new Date(2021, 3, 14, 9) };
    const filler = "plain text line without a task\n".repeat(8000);
    const view = mount(deadlineExtension(context(now)), "- [ ] 2021/04/18    ICRA 2022 投稿截止日期\n" + filler);
    expect(badges(view)).toEqual(["D-4"]);
    view.dispatch({ changes: { from: 0, insert: "- [ ] 2021/04/30    ECCV 2022 deadline\n" } });
    expect(badges(view)).toEqual(["D-4"]); // mapped, not rebuilt yet
    vi.advanceTimersByTime(300);
    expect(badges(view)).toEqual(["D-16", "D-4"]);
    view.destroy();
  });
});
