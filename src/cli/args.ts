// Command-line arguments: a command, then `--name value` / `--name=value` options. Pure, so tests can call it.
import { isValidYmd } from "../core/base";
import type { IsoDate, RollMode } from "../core/base";
import { shownPath } from "./width";

export const COMMANDS = ["scan", "today", "roll", "deadlines", "stats", "plan"] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs extends PlanArgs {
  command: Command;
  vault: string;
  date: IsoDate | null;
  json: boolean;
  mode: RollMode;
  track: string | null;
  /** With `track`: the note whose heading it is (vault-relative). */
  note: string | null;
  write: boolean;
  settings: string | null;
  /** stats: the plugin's folder holding the devices' completion history (`history-<device>.jsonl`). */
  history: string | null;
}

/** plan's options; `perDay` also roll --mode spread's. */
export interface PlanArgs {
  start: IsoDate | null;
  perDay: number | null;
  every: number | null;
  end: IsoDate | null;
  /** ISO weekdays; null for all seven. */
  weekdays: number[] | null;
  skip: IsoDate[];
  chapterDays: boolean;
  skipFixed: boolean;
}

/** A usage mistake: reported as one line on stderr with exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run --silent cli -- <scan|today|roll|deadlines|stats|plan> --vault <folder> [options]

Options:
  --vault <folder>     the vault folder (required)
  --date YYYY-MM-DD    the day to look at (default: today, local time)
  --json               print JSON instead of text
  --mode <m>           roll: auto (default), today, shift or spread
  --track <name>       roll: only this track (a heading in one note); plan: the track to plan (required)
  --note <path>        roll, plan: the note of --track, when several notes have that heading
  --write              roll, plan: apply the plan to the notes
  --start YYYY-MM-DD   plan: the first day (required)
  --per-day N          plan: N items per study day; roll --mode spread: at most N a day
  --every N            plan: one item every N days
  --end YYYY-MM-DD     plan: spread the items evenly up to this day
  --weekdays 1,2,…     plan: study weekdays, 1 = Monday … 7 = Sunday (default: all)
  --skip D,D,…         plan: days to leave free
  --skip-fixed         plan: also leave free every day with a fixed item (exam, deadline)
  --chapter-days       plan: each chapter (bold line or deeper heading) starts on a new day
  --settings <file>    a JSON settings file (plugin data.json works)
  --history <folder>   stats: the plugin's folder with its completion history
                       (history-*.jsonl) in the vault's config folder
  --help               show this help`;

const PLAN_VALUES = ["start", "per-day", "every", "end", "weekdays", "skip"];
const PLAN_FLAGS = ["chapter-days", "skip-fixed"];
const VALUE_OPTIONS = new Set(["vault", "date", "mode", "track", "note", "settings", "history", ...PLAN_VALUES]);
const FLAG_OPTIONS = new Set(["json", "write", "help", ...PLAN_FLAGS]);

export function parseArgs(argv: string[]): CliArgs | "help" {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") return "help";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (FLAG_OPTIONS.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (VALUE_OPTIONS.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      // The next option is never a value: `--track --json` would otherwise roll a track named "--json".
      if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value (--${name}=… for one that starts with --)`);
      if (values.has(name)) throw new UsageError(`--${name} given twice`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${printable(arg)}`);
    }
  }
  if (positional.length === 0) throw new UsageError(`missing command (${COMMANDS.join(", ")})`);
  if (positional.length > 1) throw new UsageError(`unexpected argument ${printable(positional[1])}`);
  const command = positional[0];
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command ${printable(command)}`);

  const vault = values.get("vault");
  if (vault === undefined || vault === "") throw new UsageError("--vault <folder> is required");
  const mode = values.get("mode") ?? "auto";
  if (mode !== "auto" && mode !== "today" && mode !== "shift" && mode !== "spread") throw new UsageError(`--mode must be auto, today, shift or spread, not ${printable(mode)}`);
  if (command !== "roll" && values.has("mode")) throw new UsageError("--mode only applies to roll");
  if (command !== "roll" && command !== "plan") {
    for (const name of ["track", "note"]) if (values.has(name)) throw new UsageError(`--${name} only applies to roll and plan`);
    if (flags.has("write")) throw new UsageError("--write only applies to roll and plan");
  }
  if (values.has("note") && !values.has("track")) throw new UsageError("--note only applies with --track");
  if (command !== "stats" && values.has("history")) throw new UsageError("--history only applies to stats");
  return {
    ...planArgs(command, mode, values, flags),
    command: command as Command,
    vault,
    date: parseDate(values.get("date")),
    json: flags.has("json"),
    mode,
    track: values.get("track") ?? null,
    note: values.get("note") ?? null,
    write: flags.has("write"),
    settings: values.get("settings") ?? null,
    history: values.get("history") ?? null,
  };
}

function parseDate(value: string | undefined, name = "date"): IsoDate | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new UsageError(`--${name} must be a real day as YYYY-MM-DD, not ${printable(value)}`);
  }
  return value;
}

function parseCount(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  if (!/^[1-9][0-9]{0,5}$/u.test(value)) throw new UsageError(`--${name} must be a whole number from 1, not ${printable(value)}`);
  return Number(value);
}

/** plan's options, checked; the plan-only ones refused elsewhere (--per-day also serves roll --mode spread). */
function planArgs(command: string, mode: string, values: Map<string, string>, flags: Set<string>): PlanArgs {
  if (command !== "plan") {
    for (const name of PLAN_VALUES) {
      if (!values.has(name) || name === "per-day") continue;
      throw new UsageError(`--${name} only applies to plan`);
    }
    for (const name of PLAN_FLAGS) if (flags.has(name)) throw new UsageError(`--${name} only applies to plan`);
    if (values.has("per-day") && !(command === "roll" && mode === "spread")) throw new UsageError("--per-day only applies to plan and roll --mode spread");
  } else {
    if (!values.has("track")) throw new UsageError("plan needs --track <name>");
    if (!values.has("start")) throw new UsageError("plan needs --start YYYY-MM-DD");
    if (values.has("date")) throw new UsageError("--date does not apply to plan (it starts at --start)");
    const paces = ["per-day", "every", "end"].filter((name) => values.has(name));
    if (paces.length === 0) throw new UsageError("plan needs one of --per-day N, --every N or --end YYYY-MM-DD");
    if (paces.length > 1) throw new UsageError("give only one of --per-day, --every and --end");
  }
  const weekdays = values.get("weekdays");
  const days = weekdays === undefined || weekdays.trim() === "" ? [] : weekdays.split(",").map((part) => part.trim());
  if (days.some((day) => !/^[1-7]$/u.test(day))) {
    throw new UsageError(`--weekdays takes ISO weekday numbers, 1 (Monday) to 7 (Sunday), separated by commas, not ${printable(weekdays ?? "")}`);
  }
  const skip = values.get("skip");
  return {
    start: parseDate(values.get("start"), "start"),
    perDay: parseCount(values.get("per-day"), "per-day"),
    every: parseCount(values.get("every"), "every"),
    end: parseDate(values.get("end"), "end"),
    weekdays: weekdays === undefined ? null : [...new Set(days.map(Number))],
    skip: skip === undefined ? [] : skip.split(",").filter((part) => part.trim() !== "").map((part) => parseDate(part.trim(), "skip") ?? ""),
    chapterDays: flags.has("chapter-days"),
    skipFixed: flags.has("skip-fixed"),
  };
}

/** Arguments echo back in messages; keep them on one short, printable line. */
export function printable(value: string): string {
  const chars = [...value];
  return `"${shownPath(chars.length > 60 ? `${chars.slice(0, 60).join("")}…` : value)}"`;
}

/** A path in a message: quoted, printable, whole. */
export const quotedPath = (path: string): string => `"${shownPath(path)}"`;
