// Stage 5, answers and edits: the Today model, roll-forward, fixed items, queue edits, iCalendar,
// the term week, and verified all-or-nothing line edits. Reads the index through its API.
// May import: every stage below.
export { tickEdit, withDoneDate, withoutDoneDate, writesDoneDate } from "./doneDate";
export { applyLineEdits, type EditFailure, splitLines, toggleEdit } from "./edits";
export { toIcs } from "./ics";
export { FixedRules, fixedRulesOf, notOverdueKey, overdueGroups } from "./fixed";
export { assignDates, fixedDays, type Pace, planDays, type PlanOptions } from "./plan";
export { planTrack, type TrackPlan } from "./planTrack";
export { postponeDay, postponePlan } from "./postpone";
export { type DateHabit, type PlanChange } from "./planText";
export { pauseEdits, promoteEdits } from "./queueEdits";
export { changesByNote, isSchedule, type JournalKind, journalOf, planRoll, planTracks, rememberedMode, rememberMode, type RollChange, type RollPlan, type RollSummary, summarizeChanges, undoEdits } from "./roll";
export { buildToday, oneNotePerName, deadlineCandidates, queueBlocksInUse, queueOn, SIDEBAR_OVERDUE_LIMIT, type TodayModel, type TodayTrack } from "./today";
export { archiveEdits } from "./archiveEdits";
export { completionKey, doneDateKey, type Forecast, forecastOf, PACE_DAYS, paceWindow, statsOfTally, tallyItem, trackStats, type StatsItem, type StatsTally, type TrackStats } from "./stats";
export { type CompletionLookup, HISTORY_DAYS, statsOfTracks, vaultStats, walkNote, type VaultStats, type VaultTrackStats } from "./vaultStats";
export { type CompletionChange, completionChanges, CompletionHistory, type CompletionEvent, eventLine, historyDevice, type ItemIdentity, parseEvents } from "./history";
export { axisTicks, type AxisTick, burndown, type Burndown, type BurndownPoint, type CompletedItem, heatmap, type Heatmap, type HeatmapDay, HEATMAP_WEEKS, noteProgress, type NoteProgress, statsOfDays, type TrackDays } from "./progress";
export { type AxisLanguage, burndownGeometry, type BurndownGeometry, type ChartDomain, heatmapGeometry, type HeatmapGeometry, labelWidth, MIN_TICK_GAP, MONTHS_EN, sharedDomain, tickLabel } from "./chartGeometry";
