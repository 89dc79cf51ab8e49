// The floor: the least work that can find dated checklist lines, a plain line regex over the text.
// It knows nothing of code blocks or comments, so it over-counts; it only sets the speed limit.
const DATED_CHECKLIST =
  /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]\n]\][ \t][^\n]*?(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|📅|⏳|\[due::)/gm;

export function countDatedLines(text: string): number {
  DATED_CHECKLIST.lastIndex = 0;
  let count = 0;
  while (DATED_CHECKLIST.exec(text) !== null) count++;
  return count;
}
