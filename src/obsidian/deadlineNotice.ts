// Once a day (the first start, or the first minute after midnight): a notice for each targeted
// deadline a week away or less. The day is remembered in the plugin's data.
import { Notice } from "obsidian";
import type { TodayModel } from "../core/today";
import type { PluginData } from "./settingsStore";
import { t } from "./i18n";
import { deadlineLabel } from "./todayRender";

/** Shows the notices when due; returns true when it did (so the caller saves the day). */
export function showDeadlineNotices(data: PluginData, model: TodayModel): boolean {
  if (!data.settings.deadlineNotice || data.lastNoticeDay === model.date) return false;
  const soon = model.deadlines.filter((d) => d.targeted && !d.dropped && d.daysLeft >= 0 && d.daysLeft <= 7);
  data.lastNoticeDay = model.date;
  for (const deadline of soon) {
    new Notice(t("deadline.notice", { venue: deadlineLabel(deadline), days: deadline.daysLeft, date: deadline.date }), 10_000);
  }
  return true;
}
