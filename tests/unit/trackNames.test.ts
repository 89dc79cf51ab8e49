// Tracks may be called anything, including names that plain objects inherit (`constructor`,
// `hasOwnProperty`) or treat specially (`__proto__`): they plan, print and are remembered like any other.
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/items/parse";
import { planRoll } from "../../src/core/planner/roll";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { readPluginData } from "../../src/obsidian/settingsStore";
import { trackKey } from "../../src/core/items/tracks";

const NAMES = ["constructor", "hasOwnProperty", "__proto__", "toString"];
/** Each name is the heading of its own note (a plan is keyed by note and heading). */
const keyOf = (name: string): string => trackKey(`${name}.md`, name);
// Items above any heading belong to the note's name (a heading `## __proto__` reads as bold "proto").
const itemsOf = () => NAMES.flatMap((name) => parseNote(`${name}.md`, ["- [ ] 2021/4/1    a", "- [ ] 2021/4/2    b", "- [ ] 2021/4/20    c", ""].join("\n")).items);

describe("tracks named like Object.prototype's members", () => {
  it("a roll plans every such track with its own mode, and the plan names them all", () => {
    const items = itemsOf();
    expect(new Set(items.map((i) => i.track))).toEqual(new Set(NAMES));
    const plan = planRoll(items, "2021-04-14", { mode: "auto", settings: DEFAULT_SETTINGS });
    expect(Object.keys(plan.modes).sort()).toEqual(NAMES.map(keyOf).sort());
    expect(Object.entries(plan.modes).every(([, mode]) => mode === "today")).toBe(true);
    expect(plan.changes).toHaveLength(NAMES.length * 2);
  });

  it("remembered modes are read as stored, and a track never remembered reads nothing inherited", () => {
    const data = readPluginData(JSON.parse('{"settings":{"trackModes":{"__proto__":"shift","constructor":"shift","bogus":"x"}}}'));
    const modes = data.settings.trackModes;
    expect(Object.keys(modes).sort()).toEqual(["__proto__", "constructor"]);
    expect(JSON.stringify(modes)).toBe('{"__proto__":"shift","constructor":"shift"}'); // saved as read
    const items = itemsOf();
    const plan = planRoll(items, "2021-04-14", { mode: "auto", settings: data.settings });
    expect(plan.modes[keyOf("__proto__")]).toBe("shift");
    expect(plan.modes[keyOf("constructor")]).toBe("shift");
    expect(plan.modes[keyOf("hasOwnProperty")]).toBe("today");
    const name: string = "toString";
    modes[name] = "today";
    expect(Object.keys(modes).sort()).toEqual(["__proto__", "constructor", "toString"]);
  });
});
