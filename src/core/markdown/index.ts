// Stage 1, note text → scan: a note as read (text or bytes), the CommonMark block scanner and its
// line recognisers, inline emphasis stripping, and the date expressions of a checklist line. Knows
// nothing of items, tracks or the vault. May import: base.
export { dateKeys, type DateKeys, findDateExpr, findDateKeys, rewriteDateExpr } from "./dateExpr";
export { displayText } from "./inline";
export { isTasksFormat, tasksDoneDate, type DoneDate } from "./tasksFormat";
export { decodeNote, noteSize, type NoteText, ownBuffer } from "./noteText";
export { codeLineMask, scanNote, scanNoteInSteps, STEP_CHARS } from "./scan";
export { type ScannedNote } from "./scanned";
export { splitLines } from "./scanLine";
