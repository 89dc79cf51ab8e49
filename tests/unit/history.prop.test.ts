// Completion history merged from two devices' append-only files: whatever order their events arrive in,
// and however often a file is read again, the history is the same; an untick wins over an earlier tick.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompletionHistory, eventLine, parseEvents, type CompletionEvent } from "../../src/core/planner/history";

const PATH = "2021 学期计划.md";
const TEXTS = ["第一周 深度学习概论", "2.4　设备管理", "组会汇报"];

/** What one device appends: ticks and unticks of a few items (twins included), its clock always moving on. */
const deviceLog = (device: string): fc.Arbitrary<CompletionEvent[]> =>
  fc.array(fc.record({
    text: fc.constantFrom(...TEXTS),
    occurrence: fc.integer({ min: 0, max: 1 }),
    step: fc.integer({ min: 0, max: 3 }), // 0: the same millisecond as the event before
    day: fc.option(fc.constantFrom("2021-04-08", "2021-04-09", "2021-04-10"), { nil: null }),
  }), { maxLength: 25 }).map((steps) => {
    let at = 1_617_000_000_000;
    return steps.map((s, seq) => ({ device, seq, at: (at += s.step), path: PATH, text: s.text, occurrence: s.occurrence, day: s.day }));
  });

/** An arrival order: each device's events in order, interleaved, with some read again. */
const arrivals = (a: CompletionEvent[], b: CompletionEvent[]): fc.Arbitrary<CompletionEvent[]> =>
  fc.tuple(fc.array(fc.boolean(), { minLength: a.length + b.length, maxLength: a.length + b.length }), fc.array(fc.nat(), { maxLength: 10 }))
    .map(([picks, again]) => {
      const out: CompletionEvent[] = [];
      let i = 0;
      let j = 0;
      for (const fromA of picks) {
        if ((fromA && i < a.length) || j >= b.length) out.push(a[i++]);
        else out.push(b[j++]);
      }
      for (const k of again) if (out.length > 0) out.push(out[k % out.length]);
      return out;
    });

const merged = (events: CompletionEvent[]): CompletionHistory => {
  const history = new CompletionHistory();
  history.add(events);
  return history;
};

describe("completion history merge", () => {
  it("any interleaving of two devices' appends, with events read twice, gives the same history", () => {
    fc.assert(fc.property(
      deviceLog("phone"), deviceLog("laptop"),
      (a, b) => {
        const reference = merged([...a, ...b]).completions();
        fc.assert(fc.property(arrivals(a, b), fc.integer({ min: 0, max: 60 }), (order, cut) => {
          // Read in two sittings, as a reader that merges what has synced so far and later the rest.
          const history = new CompletionHistory();
          history.add(order.slice(0, cut));
          history.add(order.slice(cut));
          expect(history.completions()).toEqual(reference);
          expect(history.eventCount).toBe(a.length + b.length); // no duplicates
        }), { numRuns: 20 });
      },
    ), { numRuns: 100 });
  });

  it("an item's latest event decides: an untick wins over an earlier tick, a later tick over an untick", () => {
    fc.assert(fc.property(deviceLog("phone"), deviceLog("laptop"), (a, b) => {
      const history = merged([...b, ...a]);
      for (const text of TEXTS) {
        for (const occurrence of [0, 1]) {
          const events = [...a, ...b].filter((e) => e.text === text && e.occurrence === occurrence);
          if (events.length === 0) {
            expect(history.dayOf(PATH, text, occurrence)).toBeNull();
            continue;
          }
          const at = Math.max(...events.map((e) => e.at));
          const last = events.filter((e) => e.at === at);
          // The latest event decides; at the same instant an untick wins, then the later device name and number.
          const expected = last.some((e) => e.day === null) ? null
            : [...last].sort((x, y) => (x.device === y.device ? y.seq - x.seq : x.device < y.device ? 1 : -1))[0].day;
          expect(history.dayOf(PATH, text, occurrence)).toBe(expected);
        }
      }
    }), { numRuns: 200 });
  });

  it("a device's file reads back what it appended, and a torn last line loses only that line", () => {
    fc.assert(fc.property(deviceLog("phone"), fc.nat(), (events, tear) => {
      const file = events.map(eventLine).join("");
      expect(parseEvents("phone", file)).toEqual(events);
      if (events.length === 0) return;
      const lastLine = eventLine(events[events.length - 1]);
      // Cut inside the last line (at least its newline and closing brace): that line no longer parses.
      const torn = file.slice(0, file.length - 2 - (tear % (lastLine.length - 2)));
      expect(parseEvents("phone", torn)).toEqual(events.slice(0, -1));
    }), { numRuns: 200 });
  });
});

describe("completion history", () => {
  it("twins stay apart, and an untick on one device removes a tick the other made before", () => {
    const events: CompletionEvent[] = [
      { device: "laptop", seq: 0, at: 1000, path: PATH, text: "组会汇报", occurrence: 0, day: "2021-04-08" },
      { device: "laptop", seq: 1, at: 1001, path: PATH, text: "组会汇报", occurrence: 1, day: "2021-04-09" },
      { device: "phone", seq: 0, at: 2000, path: PATH, text: "组会汇报", occurrence: 0, day: null },
    ];
    const history = merged(events);
    expect(history.completions()).toEqual([{ path: PATH, text: "组会汇报", occurrence: 1, day: "2021-04-09" }]);
    expect(history.hasNote(PATH)).toBe(true);
    expect(history.hasNote("Other.md")).toBe(false);
    expect(parseEvents("phone", '{"seq":1,"at":5,"path":"a.md","text":"x","n":0,"day":"2021-02-30"}\n{"seq":"2"}\nnot json\n')).toEqual([]);
  });
});
