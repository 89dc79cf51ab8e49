// Status bar: `Today 3/7 · 12 overdue · AAAI 2021 · 12d`; a click opens the Today view.
import type { Deadline } from "../core/items";
import type { TodayModel } from "../core/planner";
import type { BrainQueueHost } from "./host";
import { t } from "./i18n";
import { deadlineLabel, deadlineStatusLabel } from "./todayRender";

/** The nearest deadline the person targets (not dropped, not passed). */
export function nearestTargeted(deadlines: Deadline[]): Deadline | null {
  return deadlines.find((d) => d.targeted && !d.dropped && d.daysLeft >= 0) ?? null;
}

export function statusText(model: TodayModel): string {
  const parts = [t("status.today", { done: model.done, total: model.total })];
  const overdue = model.overdueCount;
  if (overdue > 0) parts.push(t("status.overdue", { count: overdue }));
  const deadline = nearestTargeted(model.deadlines);
  if (deadline) parts.push(`${deadlineLabel(deadline)} · ${deadlineStatusLabel(deadline)}`);
  return parts.join(" · ");
}

/** Wires a status bar item to the host; returns the function that updates it. */
export function setUpStatusBar(el: HTMLElement, host: BrainQueueHost): () => void {
  el.addClass("bq-status", "mod-clickable");
  el.setAttribute("aria-label", t("status.tooltip"));
  el.setAttribute("data-tooltip-position", "top");
  el.addEventListener("click", () => void host.activateView());
  return () => {
    el.setText(host.isIndexReady() ? statusText(host.model(host.today())) : "");
  };
}
