// The words every stage speaks and the small tools they share: the domain types, calendar days,
// the settings, their defaults and how data.json stores them, error text, a binary search, and memory
// helpers (slabs, strings that own their characters). The bottom of the pipeline:
// imports nothing else from src/core.
export { addDays, dayKey, dayOfKey, daysBetween, fromDayNumber, isoDate, isValidYmd, localDay, toDayNumber, weekdayIndex } from "./dates";
export { errorMessage } from "./errors";
export { ownString, flatString, StringPool } from "./ownString";
export { type BrainQueueSettings, DEFAULT_SETTINGS, fixedKeywordsFrom, nameRecord, ownEntry } from "./settings";
export { isIsoDate, isRecord, migrateSettings, settingsFromData } from "./storedSettings";
export { lowerBound } from "./sorted";
export { Slabs } from "./slabs";
export { type DateForm, type Heading, type IsoDate, type Item, type LineEdit, type ParsedNote, type ParseOptions, type Problem, type RollMode, type Subtask } from "./types";
