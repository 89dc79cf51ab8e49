// Deadlines say the same everywhere: one rule for "dropped", one word for day 0, one daily notice.
import { describe, expect, it } from "vitest";
import "obsidian"; // the stand-in's DOM helpers
import { createApp } from "../../demo/shim/testing";
import { DEFAULT_SETTINGS } from "../../src/core/base/settings";
import { buildToday } from "../../src/core/planner/today";
import { VaultIndex } from "../../src/core/index/vaultIndex";
import { showDeadlineNotices } from "../../src/obsidian/deadlineNotice";
import { setLanguage } from "../../src/obsidian/i18n";
import { DeadlineSuggestModal } from "../../src/obsidian/modals";
import { readPluginData } from "../../src/obsidian/settingsStore";
import { statusText } from "../../src/obsidian/statusBar";
import { daysLeftLabel, renderToday } from "../../src/obsidian/todayRender";
import { daysLeftText } from "../../src/core/items/deadlines";
import { badgeText } from "../../src/obsidian/deadlineLine";

const PLAN = [
  "# TIME",
  "- [ ] 2021/09/09    AAAI 2022 论文投稿截止",
  "- [ ] 2021/09/12    CVPR 2022 投稿截止",
  "- [ ] 2021/09/28    ACL 2022 投稿截止",
  "- [ ] 2023/01/10    ICRA 2023 投稿截止",
  "## 会议",
  "**AAAI2022**/**CVPR2022**/~~ACL2022~~/**ICRA2023**",
].join("\n");

function modelOn(day: string) {
  const index = new VaultIndex();
  index.update("Plan.md", PLAN);
  return buildToday(index, day, new Date(`${day}T09:00:00`), structuredClone(DEFAULT_SETTINGS));
}

const notices = (): string[] => Array.from(document.body.querySelectorAll(".notice")).map((n) => n.textContent ?? "");

describe("deadline wording", () => {
  it("says 'today' for day 0 in the status bar and the sidebar", () => {
    setLanguage("en");
    const model = modelOn("2021-09-09");
    expect(statusText(model)).toBe("Today 0/1 · AAAI 2022 · today");
    const container = document.body.createDiv();
    renderToday(container, model, { today: "2021-09-09" });
    expect(container.querySelector(".bq-deadline-row .bq-days-left")?.textContent).toBe("today");
  });

  it("words days left by the CLI's rule, in the interface's language", () => {
    setLanguage("en");
    expect([12, 1, 0, -3].map(daysLeftLabel)).toEqual([12, 1, 0, -3].map((days) => daysLeftText(days)));
    expect([12, 0, -3].map(daysLeftLabel)).toEqual(["12d", "today", "3d ago"]);
    setLanguage("zh");
    expect([12, 0, -3].map(daysLeftLabel)).toEqual(["12天", "今天", "3天前"]);
    setLanguage("en");
  });

  it("the editor's badge says today on the day too; around it, its compact D-n and D+n", () => {
    setLanguage("en");
    expect([12, 0, -3].map(badgeText)).toEqual(["D-12", "today", "D+3"]);
    setLanguage("zh");
    expect(badgeText(0)).toBe("今天");
    setLanguage("en");
  });

  it("shows one daily notice that lists every targeted deadline of the week", () => {
    setLanguage("en");
    document.body.querySelectorAll(".notice").forEach((n) => n.remove());
    const data = readPluginData(null);
    expect(showDeadlineNotices(data, modelOn("2021-09-09"))).toBe(true);
    expect(notices()).toEqual(["Deadlines this week:AAAI 2022 · today (2021-09-09)CVPR 2022 · 3d (2021-09-12)"]);
    document.body.querySelectorAll(".notice").forEach((n) => n.remove());
    setLanguage("zh");
    expect(showDeadlineNotices(readPluginData(null), modelOn("2021-09-09"))).toBe(true);
    expect(notices()).toEqual(["本周截止：AAAI 2022 · 今天（2021-09-09）CVPR 2022 · 3天（2021-09-12）"]);
    setLanguage("en");
  });

  it("marks a dropped venue as dropped in the suggester as in the sidebar", () => {
    setLanguage("en");
    const model = modelOn("2021-09-09");
    const acl = model.deadlines.find((d) => d.venue === "ACL")!;
    expect(acl.dropped).toBe(true);
    const modal = new DeadlineSuggestModal(createApp() as never, model.deadlines, () => {});
    const el = document.body.createDiv();
    modal.renderSuggestion(acl, el);
    expect(el.querySelector(".bq-days-left")?.textContent).toBe("dropped");
  });

  it("lists deadlines within the horizon and counts the later ones", () => {
    setLanguage("en");
    const container = document.body.createDiv();
    renderToday(container, modelOn("2021-09-09"), { today: "2021-09-09" });
    expect(Array.from(container.querySelectorAll(".bq-deadline-venue")).map((v) => v.textContent)).toEqual(["AAAI 2022", "CVPR 2022", "ACL 2022"]);
    expect(container.querySelector(".bq-deadlines-later")?.textContent).toBe("1 later");
  });
});
