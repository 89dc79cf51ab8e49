// Once a day (the first start, or the first minute after midnight): one notice listing the targeted
// deadlines a week away or less. The day is remembered in the plugin's data.
import { Notice } from "obsidian";
import type { TodayModel } from "../core/planner";
import type { PluginData } from "./settingsStore";
import { t } from "./i18n";
import { deadlineLabel, deadlineStatusLabel } from "./todayRender";

/** Shows the notice when due; returns true when the day was checked (so the caller saves the day). */
export function showDeadlineNotices(data: PluginData, model: TodayModel): boolean {
  if (!data.settings.deadlineNotice || data.lastNoticeDay === model.date) return false;
  const soon = model.deadlines.filter((d) => d.targeted && !d.dropped && d.daysLeft >= 0 && d.daysLeft <= 7);
  data.lastNoticeDay = model.date;
  if (soon.length === 0) return true;
  // One notice, not one per deadline: several stacked covered the sidebar's header.
  const message = createFragment((el) => {
    el.createDiv({ cls: "bq-notice-title", text: t("deadline.noticeTitle") });
    for (const deadline of soon) el.createDiv({ text: t("deadline.noticeLine", { label: deadlineLabel(deadline), days: deadlineStatusLabel(deadline), date: deadline.date }) });
  });
  new Notice(message, 10_000);
  return true;
}
