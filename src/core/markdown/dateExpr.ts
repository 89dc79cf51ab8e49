// Finds and rewrites the date expression of one checklist line. Hand-written scanning (no
// backtracking regexes) so a 1 MB line costs one pass.
import { dayOfKey, isValidYmd } from "../base";
import type { DateForm, IsoDate } from "../base";

export interface DateExpr { from: number; to: number; date: IsoDate; end: IsoDate | null; form: DateForm }
export type DateExprError = { error: string; from: number; to: number };

/** One written date, with enough of its spelling to write another date the same way. */
interface DateToken {
  from: number;
  to: number;
  year: number;
  month: number;
  day: number;
  /** The separator's code: "/", "-", "." or 年 for `2021年3月27日`. */
  sep: number;
  /** Digits written for month and day (1 or 2), so padding can be kept. */
  monthDigits: number;
  dayDigits: number;
  /** The code of `日` or `号` after a 年月 date, 0 for none. */
  suffix: number;
}

/** A located expression before validation: one date, or a range, possibly wrapped in an emoji/field form. */
interface RawExpr { from: number; to: number; start: DateToken; end: DateToken | null; form: DateForm }

const newToken = (): DateToken => ({ from: 0, to: 0, year: 0, month: 0, day: 0, sep: 0, monthDigits: 0, dayDigits: 0, suffix: 0 });

const YEAR_MARK = 0x5e74; // 年
const MONTH_MARK = 0x6708; // 月
const DAY_MARKS = [0x65e5, 0x53f7]; // 日 号

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
/** Characters that, right before a year, mean the digits belong to a URL, path, version, number or
 *  word (`v2021.3.4`, `build2021-03-04`); CJK text before a date is fine (`矩阵加法2021/4/07`). */
const BAD_BEFORE = new Uint8Array(128);
for (const ch of "/\\._=&?#%@+-") BAD_BEFORE[ch.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) BAD_BEFORE[c] = BAD_BEFORE[c + 32] = 1;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const badBefore = (c: number): boolean => c < 128 && BAD_BEFORE[c] === 1;
/** - ~ ～ 至 – — 到 */
const isRangeSeparator = (c: number): boolean =>
  c === 45 || c === 126 || c === 0xff5e || c === 0x81f3 || c === 0x2013 || c === 0x2014 || c === 0x5230;

/** Value of the 1–2 digit number at `i` (digits counted in `digitCount`), or -1 when none. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i);
  if (!isDigit(a)) return -1;
  const b = s.charCodeAt(i + 1);
  return isDigit(b) ? (a - 48) * 10 + (b - 48) + 100 : a - 48; // +100 marks two digits
}

/** Reads the date spelled at `i` (shape only, not validity) into `t`; false when there is none there.
 *  `i` must not follow a digit. Filling a token the caller owns keeps the index's scan free of garbage. */
function dateTokenAt(s: string, i: number, t: DateToken): boolean {
  let year = 0;
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(i + k);
    if (!isDigit(c)) return false;
    year = year * 10 + c - 48;
  }
  const sep = s.charCodeAt(i + 4);
  if (!yearSeparator(sep)) return false;
  const m = twoDigits(s, i + 5);
  if (m < 0) return false;
  const monthDigits = m >= 100 ? 2 : 1;
  let j = i + 5 + monthDigits;
  if (s.charCodeAt(j) !== (sep === YEAR_MARK ? MONTH_MARK : sep)) return false;
  const d = twoDigits(s, j + 1);
  if (d < 0) return false;
  const dayDigits = d >= 100 ? 2 : 1;
  j += 1 + dayDigits;
  if (j < s.length && isDigit(s.charCodeAt(j))) return false;
  let suffix = 0;
  if (sep === YEAR_MARK && DAY_MARKS.includes(s.charCodeAt(j))) suffix = s.charCodeAt(j++);
  t.from = i; t.to = j; t.year = year; t.month = m % 100; t.day = d % 100;
  t.sep = sep; t.monthDigits = monthDigits; t.dayDigits = dayDigits; t.suffix = suffix;
  return true;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

// The plain-date search runs on every dated line of the vault: it fills these instead of making objects.
const plainStart = newToken();
const plainEnd = newToken();
const plainExpr: RawExpr = { from: 0, to: 0, start: plainStart, end: null, form: "plain" };

/** The plain date or range starting at `i`, or null when the digits there are not one. The result is
 *  shared by every call (valid until the next one): callers that keep it copy it. */
function plainExprAt(s: string, i: number): RawExpr | null {
  if (i > 0 && (isDigit(s.charCodeAt(i - 1)) || badBefore(s.charCodeAt(i - 1)))) return null;
  const start = plainStart;
  if (!dateTokenAt(s, i, start)) return null;
  const expr = plainExpr;
  expr.from = i;
  expr.form = start.sep === YEAR_MARK ? "cjk" : "plain";
  const afterSpaces = skipSpaces(s, start.to);
  if (isRangeSeparator(s.charCodeAt(afterSpaces))) {
    const endFrom = skipSpaces(s, afterSpaces + 1);
    if (isDigit(s.charCodeAt(endFrom)) && dateTokenAt(s, endFrom, plainEnd) && !glued(s, plainEnd)) {
      expr.to = plainEnd.to;
      expr.end = plainEnd;
      return expr;
    }
  }
  if (glued(s, start)) return null;
  expr.to = start.to;
  expr.end = null;
  return expr;
}

/** True when the text right after a date continues it as a URL path, version (`2022.3.4f1`), word or
 *  longer number. A time joined by `/` (`2021/11/16/23:53:54`) or ISO's `T` (`2021-03-04T09:30`) does not. */
function glued(s: string, token: DateToken): boolean {
  const at = token.to;
  const next = s.charCodeAt(at);
  if (next === 47) return !timeAt(s, at + 1); // "/"
  if (isAsciiLetter(next)) return token.suffix === 0 && !(next === 84 && isDigit(s.charCodeAt(at + 1))); // "T"
  return (next === 46 || next === 45) && isDigit(s.charCodeAt(at + 1)); // "." "-"
}

/** `H:MM` or `HH:MM` at `i`. */
function timeAt(s: string, i: number): boolean {
  if (!isDigit(s.charCodeAt(i))) return false;
  const colon = isDigit(s.charCodeAt(i + 1)) ? i + 2 : i + 1;
  return s.charCodeAt(colon) === 58 && isDigit(s.charCodeAt(colon + 1)) && isDigit(s.charCodeAt(colon + 2));
}

const SCHEDULED_EMOJI = ["⏳", "⌛"];
const DUE_EMOJI = ["📅", "📆", "🗓"];
const START_EMOJI = ["🛫"];

/** First `emoji [U+FE0F] spaces date` in `s`. */
function emojiExpr(s: string, emojis: string[], form: DateForm): RawExpr | null {
  let best: RawExpr | null = null;
  for (const emoji of emojis) {
    let at = s.indexOf(emoji);
    while (at >= 0 && (best === null || at < best.from)) {
      let i = at + emoji.length;
      if (s.charCodeAt(i) === 0xfe0f) i++;
      i = skipSpaces(s, i);
      const token = isDigit(s.charCodeAt(i)) ? newToken() : null;
      if (token && dateTokenAt(s, i, token) && !glued(s, token)) { best = { from: at, to: token.to, start: token, end: null, form }; break; }
      at = s.indexOf(emoji, at + emoji.length);
    }
  }
  return best;
}

/** First Dataview inline field `[key:: date]` / `(key:: date)` for `key`, else (but for `date`) an
 *  unbracketed `key:: date` that ends the line: Dataview reads such a field to the line's end. */
function fieldExpr(s: string, key: string): RawExpr | null {
  return bracketedFieldExpr(s, key) ?? (key === "date" ? null : trailingFieldExpr(s, key));
}

function trailingFieldExpr(s: string, key: string): RawExpr | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  const colons = s.lastIndexOf("::", end - 2);
  if (colons < 0) return null;
  let keyTo = colons;
  while (keyTo > 0 && isSpace(s.charCodeAt(keyTo - 1))) keyTo--;
  const keyFrom = keyTo - key.length;
  if (keyFrom < 0 || (keyFrom > 0 && !isSpace(s.charCodeAt(keyFrom - 1))) || s.slice(keyFrom, keyTo).toLowerCase() !== key) return null;
  const i = skipSpaces(s, colons + 2);
  const token = newToken();
  if (!isDigit(s.charCodeAt(i)) || !dateTokenAt(s, i, token) || token.to !== end) return null;
  return { from: keyFrom, to: end, start: token, end: null, form: "dataview" };
}

function bracketedFieldExpr(s: string, key: string): RawExpr | null {
  const field = /[[(][ \t]*(due|scheduled|start|date)[ \t]*::/gi; // a literal here is a fresh regex (and lastIndex) per call
  for (let m = field.exec(s); m; m = field.exec(s)) {
    if (m[1].toLowerCase() !== key) continue;
    const i = skipSpaces(s, m.index + m[0].length);
    const token = isDigit(s.charCodeAt(i)) ? newToken() : null;
    if (!token || !dateTokenAt(s, i, token)) continue;
    const close = skipSpaces(s, token.to);
    if (s[close] === (s[m.index] === "[" ? "]" : ")")) {
      return { from: m.index, to: close + 1, start: token, end: null, form: "dataview" };
    }
  }
  return null;
}

/** Plain dates that are the value of another field (`✅ 2021-03-04`, `[created:: …]`) are metadata. */
function isMetadataValue(s: string, from: number): boolean {
  let i = from - 1;
  while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
  if (i < 0) return false;
  if (s.charCodeAt(i) === 0xfe0f) i--;
  const c = s.charCodeAt(i);
  if (c === 0x2705 || c === 0x2795 || c === 0x274c) return true; // ✅ done, ➕ created, ❌ cancelled
  if (c === 0xdeeb && s.charCodeAt(i - 1) === 0xd83d) return true; // 🛫 start
  return c === 58 && s.charCodeAt(i - 1) === 58; // "::" of another inline field
}

/** Whether the character after a 4-digit year can separate it from the month. */
const yearSeparator = (c: number): boolean => c === 47 || c === 45 || c === 46 || c === YEAR_MARK; // / - . 年

function firstPlainExpr(s: string): RawExpr | null {
  for (let i = 0; i + 4 <= s.length; i++) {
    if (!isDigit(s.charCodeAt(i))) continue;
    if (yearSeparator(s.charCodeAt(i + 4))) {
      const expr = plainExprAt(s, i);
      if (expr && !isMetadataValue(s, i)) return expr;
    }
    while (i < s.length && isDigit(s.charCodeAt(i))) i++; // skip the rest of this number
  }
  return null;
}

/** `::` of an inline field, the lead surrogate of 📅 📆 🗓 🛫, ⏳ or ⌛. */
const EXPLICIT_MARK = /::|\uD83D|\u23F3|\u231B/;

/**
 * The expression that dates a line. A scheduled date (⏳, [scheduled::]) is the day to work on
 * it, so it wins over a due date (📅, [due::]); both win over a plain date (among plain dates the
 * first one in the line counts). Only a line with none of these is dated by its start (🛫,
 * [start::]: Tasks' "happens"), and then by Dataview's [date::]. An impossible date in any of these
 * fields is the line's problem, even beside a valid one. Done, created and cancelled dates (✅ ➕ ❌,
 * [completion::] [created::] [cancelled::]) are history and never date a line.
 */
function locate(s: string): RawExpr | null {
  // One search for any marker of an explicit form; most lines have none and go straight to the plain date.
  if (EXPLICIT_MARK.test(s)) {
    const fields = s.includes("::");
    const emoji = s.includes("\uD83D") || s.includes("\u23F3") || s.includes("\u231B");
    const scheduled = earliest(emoji ? emojiExpr(s, SCHEDULED_EMOJI, "tasks-scheduled") : null, fields ? fieldExpr(s, "scheduled") : null);
    const due = earliest(emoji ? emojiExpr(s, DUE_EMOJI, "tasks-due") : null, fields ? fieldExpr(s, "due") : null);
    const start = earliest(emoji ? emojiExpr(s, START_EMOJI, "tasks-start") : null, fields ? fieldExpr(s, "start") : null);
    const dated = fields ? fieldExpr(s, "date") : null;
    for (const field of [scheduled, due, start, dated]) if (field !== null && !exprValid(field)) return field;
    return scheduled ?? due ?? firstPlainExpr(s) ?? start ?? dated;
  }
  return firstPlainExpr(s);
}

const exprValid = (e: RawExpr): boolean => tokenValid(e.start) && (e.end === null || tokenValid(e.end));

function earliest(a: RawExpr | null, b: RawExpr | null): RawExpr | null {
  if (!a) return b;
  if (!b) return a;
  return a.from <= b.from ? a : b;
}

const tokenValid = (t: DateToken): boolean => isValidYmd(t.year, t.month, t.day);
const tokenKey = (t: DateToken): number => t.year * 10_000 + t.month * 100 + t.day;

/** `findDateExpr` with days as yyyymmdd numbers (20210327) and `end` 0 for none: what the index stores. */
export interface DateKeys { from: number; to: number; date: number; end: number; form: DateForm }

/** A `DateKeys` to fill: a parse keeps one and hands it to `findDateKeys` for each line. */
export const dateKeys = (): DateKeys => ({ from: 0, to: 0, date: 0, end: 0, form: "plain" });

/**
 * Like `findDateExpr`, without making date strings (the index parses every dated line of the vault).
 * A found date is written into `keys` (the caller's, reused line after line), which comes back.
 */
export function findDateKeys(content: string, keys = dateKeys()): Readonly<DateKeys> | DateExprError | null {
  const found = locate(content);
  if (!found) return null;
  const { from, to, start, end, form } = found;
  if (!tokenValid(start)) return { error: `impossible date ${content.slice(start.from, start.to)}`, from, to };
  if (end && !tokenValid(end)) return { error: `impossible date ${content.slice(end.from, end.to)}`, from, to };
  const date = tokenKey(start);
  const endKey = end ? tokenKey(end) : 0;
  if (end && endKey < date) return { error: `range ends before it starts: ${content.slice(from, to)}`, from, to };
  keys.from = from; keys.to = to; keys.date = date; keys.end = endKey; keys.form = form;
  return keys;
}

/** Finds the date expression in a checklist line's content (text after `[ ]`); offsets relative to `content`.
 *  Returns {error, from, to} for an impossible date like 2021/02/30, null when there is no date. */
export function findDateExpr(content: string): DateExpr | DateExprError | null {
  const found = findDateKeys(content);
  if (!found || "error" in found) return found;
  return { from: found.from, to: found.to, date: dayOfKey(found.date), end: found.end === 0 ? null : dayOfKey(found.end), form: found.form };
}

/** true: zero-padded, false: not, null: a two-digit field ≥ 10 that does not show it. */
function padding(digits: number, value: number): boolean | null {
  if (digits === 1) return false;
  return value < 10 ? true : null;
}

/** `date` spelled like `token`: same separator, 年月日 and per-field zero padding. */
function spellLike(token: DateToken, date: IsoDate): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthPad = padding(token.monthDigits, token.month);
  const dayPad = padding(token.dayDigits, token.day);
  // An unknown field borrows the other field's habit; ISO-style padding when neither shows one.
  const field = (value: number, pad: boolean | null, otherPad: boolean | null): string =>
    (pad ?? otherPad ?? true) && value < 10 ? `0${value}` : String(value);
  const monthText = field(month, monthPad, dayPad);
  const dayText = field(day, dayPad, monthPad);
  if (token.sep === YEAR_MARK) return `${year}年${monthText}月${dayText}${token.suffix === 0 ? "" : String.fromCharCode(token.suffix)}`;
  const sep = String.fromCharCode(token.sep);
  return `${year}${sep}${monthText}${sep}${dayText}`;
}

/** Rewrites a date expression text (exactly as written, e.g. "2021/4/01", "2021年3月9日", "📅 2026-03-04",
 *  "[due:: 2026-03-04]", "2021/11/17 - 2021/11/30") to new dates keeping separator, per-field zero padding,
 *  年月日, emoji/inline-field form, range separator and its spacing. Tasks/Dataview forms have no ranges,
 *  so `end` is ignored for them. Text that is not a date expression becomes an ISO date (range " - "). */
export function rewriteDateExpr(raw: string, date: IsoDate, end: IsoDate | null): string {
  const found = locate(raw);
  if (!found) return end ? `${date} - ${end}` : date;
  const { start } = found;
  let out = raw.slice(0, start.from) + spellLike(start, date);
  if (found.end) {
    out += end ? raw.slice(start.to, found.end.from) + spellLike(found.end, end) + raw.slice(found.end.to) : raw.slice(found.to);
  } else {
    const suffix = raw.slice(start.to);
    out += (end && (found.form === "plain" || found.form === "cjk")) ? ` - ${spellLike(start, end)}${suffix}` : suffix;
  }
  return out;
}
