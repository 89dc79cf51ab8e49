// Ticking in the sidebar writes Tasks' done date on a Tasks line, by default only there: a line in the
// note's own shapes is ticked and nothing more; the setting "always" marks it too.
import { describe, expect, it } from "vitest";
import { flush } from "../../demo/shim/testing";
import { openToday, startPlugin } from "./pluginFixtures";

// The plugin's day is 2021-04-14.
const NOTE = [
  "## 阅读",
  "",
  "- [ ] Read chapter 3 📅 2021-04-14 ^ch3",
  "- [ ] 2021/04/14    第一周 深度学习概论",
  "",
].join("\n");

async function tickAll(settings: Record<string, unknown>): Promise<string> {
  // The track is active (by the settings' priority list): its items are rows of Today.
  const { app, plugin } = await startPlugin({ "Reading.md": NOTE }, { settings: { priority: ["阅读"], ...settings } });
  const { el } = await openToday(plugin);
  for (const text of ["Read chapter 3", "第一周 深度学习概论"]) {
    const row = Array.from(el.querySelectorAll<HTMLElement>(".bq-item")).find((r) => r.textContent?.includes(text))!;
    row.querySelector<HTMLInputElement>("input")!.click();
    await flush(5);
    await new Promise((resolve) => window.setTimeout(resolve, 40));
    await flush();
  }
  const text = app.vault.readNow("Reading.md");
  plugin.unload();
  return text;
}

describe("done date when ticking", () => {
  it("is written on lines in Tasks' format only, by default", async () => {
    expect(await tickAll({})).toBe(NOTE.replace("- [ ] Read chapter 3 📅 2021-04-14 ^ch3", "- [x] Read chapter 3 📅 2021-04-14 ✅ 2021-04-14 ^ch3")
      .replace("- [ ] 2021/04/14    第一周", "- [x] 2021/04/14    第一周"));
  });

  it("on every line with always, and on none with never", async () => {
    expect(await tickAll({ doneDates: "always" })).toBe(NOTE.replace("📅 2021-04-14 ^ch3", "📅 2021-04-14 ✅ 2021-04-14 ^ch3").replace("深度学习概论", "深度学习概论 ✅ 2021-04-14").replaceAll("[ ]", "[x]"));
    expect(await tickAll({ doneDates: "never" })).toBe(NOTE.replaceAll("[ ]", "[x]"));
  });
});
