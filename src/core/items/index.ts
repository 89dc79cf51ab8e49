// Stage 2, scan → what a note says: its dated items in columns (one Int32Array and one string per
// note), the queue block, venue marks and deadline words, and the note's record that holds them.
// May import: base, markdown.
export { collectDeadlines, DeadlineRules, daysLeft, daysLeftText, DAYS_LEFT_EN, type DaysLeftWords, type Deadline, findVenueMarks, isVenueDropped, keywordTest, recentlyMissed, type Urgency, urgencyOf, type VenueMark, venuesOf } from "./deadlines";
export { allItems, BODY_FROM, cancelledAt, closedAt, DATE, DATE_FROM, DATE_TO, END, FORM_SHIFT, FORMS, GROUP, ITEM_STRIDE, itemAt, lastDayAt, LINE, NO_ITEMS, NO_VALUES, type NoteItems, PREFIX, STATUS_FORM, SUB_LINE, SUB_OWNER, SUB_STATUS, SUB_STRIDE, SUB_TEXT_FROM, SUB_TEXT_TO, sourceAt, textAt, TRACK } from "./noteItems";
export { blankRecord, hasContent, type IndexOptions, type NoteRecord, type NoteStat, type NoteTrack, RecordBuilder, renameRecord, sameTracks, sameValue, sameValues } from "./noteRecord";
export { noteName, parseNote } from "./parse";
export { checklistLines, type PlanLine, trackAtLine } from "./planLines";
export { findQueueBlock, type QueueBlock, type QueueEntry, type QueueState, quoteOf, resolveQueue, type TrackInfo } from "./queue";
export { BUILTIN_VENUES, parseCustomVenues, type Venue } from "./venues";
export { ARCHIVE_KEY, ARCHIVE_LINE, ARCHIVE_VALUE, frontmatter, inScope, isArchived, KEY_LINE } from "./archive";
export { chooseTrack, groupByTrack, namesInSeveralNotes, noteLabel, splitTrackKey, trackKey, trackKeyOf, type TrackChoice, type TrackKey } from "./tracks";
