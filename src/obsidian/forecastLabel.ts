// What a track's forecast says in words, in the interface's language: the sidebar's line under each
// active track and the Progress view's chart titles share it.
import { forecastOf, type Forecast, type TrackStats } from "../core/planner";
import { t } from "./i18n";

export interface ForecastLabel {
  kind: Forecast["kind"];
  /** "5/25 · at this pace +18 d", "… · on plan", "… · no pace yet", "… · all done". */
  text: string;
  /** The dates behind it, for a tooltip. */
  tip: string;
}

/** Null for a track with nothing counted. */
export function forecastLabel(stats: TrackStats): ForecastLabel | null {
  const forecast = forecastOf(stats);
  if (!forecast) return null;
  const counts = { done: stats.done, total: stats.total, planned: stats.plannedEnd ?? "" };
  switch (forecast.kind) {
    case "late":
      return { kind: "late", text: t("view.forecastLate", { ...counts, days: forecast.days }), tip: t("view.forecastLateTip", { ...counts, days: forecast.days, on: forecast.on }) };
    case "onPlan":
      return { kind: "onPlan", text: t("view.forecastOnPlan", counts), tip: t("view.forecastOnPlanTip", { ...counts, on: forecast.on }) };
    case "done":
      return { kind: "done", text: t("view.forecastDone", counts), tip: t("view.forecastDoneTip", { on: forecast.on }) };
    case "noPace":
      return { kind: "noPace", text: t("view.forecastNoPace", counts), tip: t("view.forecastNoPaceTip") };
  }
}
