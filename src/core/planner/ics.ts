// iCalendar (RFC 5545) export: one all-day event per dated item; deadlines remind a week ahead.
import { addDays } from "../base";
import type { Deadline } from "../items";
import type { IsoDate, Item } from "../base";

const CRLF = "\r\n";

/**
 * TEXT value escaping (RFC 5545 §3.3.11). Line breaks become `\n`; other control characters are not
 * allowed in a value (§3.1, all but HTAB): vertical tab and form feed become a space, the rest go.
 */
export function escapeText(text: string): string {
  return withoutControls(text.replace(/[\\;,]/gu, (c) => `\\${c}`).replace(/\r\n|\r|\n/gu, "\\n"));
}

function withoutControls(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c !== 0x7f) || c === 0x09) continue;
    out += text.slice(from, i) + (c === 0x0b || c === 0x0c ? " " : "");
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Folds a content line into chunks of at most 75 octets (UTF-8), never splitting a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines start with one space, which counts toward their 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** A short stable hash (two FNV-1a 32-bit lanes) for UIDs. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

const dateValue = (date: IsoDate): string => date.replaceAll("-", "");

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/gu, "").replace(/\.\d{3}/u, "");
}

function event(item: Item, now: Date, deadline: Deadline | null): string[] {
  const summary = item.text.trim() === "" ? item.track : item.text;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${hash(`${item.path}\n${item.line}\n${item.text}`)}@brain-queue`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${dateValue(item.date)}`,
    `DTEND;VALUE=DATE:${dateValue(addDays(item.end ?? item.date, 1))}`,
    `SUMMARY:${escapeText(item.done ? `✓ ${summary}` : summary)}`,
    `DESCRIPTION:${escapeText(`${item.track} · ${item.path}:${item.line}`)}`,
    `CATEGORIES:${escapeText(deadline ? "Deadline" : item.track)}`,
    "TRANSP:TRANSPARENT",
  ];
  if (deadline && !deadline.dropped && !item.done) {
    lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P7D", `DESCRIPTION:${escapeText(summary)}`, "END:VALARM");
  }
  lines.push("END:VEVENT");
  return lines;
}

/** The calendar text: every item once (as a deadline when it is one), CRLF line ends. */
export function toIcs(items: Item[], deadlines: Deadline[], now: Date): string {
  const key = (i: Item): string => `${i.path}\n${i.line}`;
  const deadlineByKey = new Map(deadlines.map((d) => [key(d), d]));
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Brain Queue//Obsidian plugin//EN", "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH", "X-WR-CALNAME:Brain Queue"];
  const seen = new Set<string>();
  for (const item of [...items, ...deadlines]) {
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    lines.push(...event(deadlineByKey.get(key(item)) ?? item, now, deadlineByKey.get(key(item)) ?? null));
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
