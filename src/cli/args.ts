// Command-line arguments: a command, then `--name value` / `--name=value` options. Pure, so tests can call it.
import { isValidYmd } from "../core/base";
import type { IsoDate, RollMode } from "../core/base";
import { shownPath } from "./width";

export const COMMANDS = ["scan", "today", "roll", "deadlines", "stats"] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
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
}

/** A usage mistake: reported as one line on stderr with exit status 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run --silent cli -- <scan|today|roll|deadlines|stats> --vault <folder> [options]

Options:
  --vault <folder>     the vault folder (required)
  --date YYYY-MM-DD    the day to look at (default: today, local time)
  --json               print JSON instead of text
  --mode <m>           roll: auto (default), today or shift
  --track <name>       roll: only this track (a heading in one note)
  --note <path>        roll: the note of --track, when several notes have that heading
  --write              roll: apply the plan to the notes
  --settings <file>    a JSON settings file (plugin data.json works)
  --help               show this help`;

const VALUE_OPTIONS = new Set(["vault", "date", "mode", "track", "note", "settings"]);
const FLAG_OPTIONS = new Set(["json", "write", "help"]);

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
  if (mode !== "auto" && mode !== "today" && mode !== "shift") throw new UsageError(`--mode must be auto, today or shift, not ${printable(mode)}`);
  if (command !== "roll") {
    for (const name of ["mode", "track", "note"]) if (values.has(name)) throw new UsageError(`--${name} only applies to roll`);
    if (flags.has("write")) throw new UsageError("--write only applies to roll");
  }
  if (values.has("note") && !values.has("track")) throw new UsageError("--note only applies with --track");
  return {
    command: command as Command,
    vault,
    date: parseDate(values.get("date")),
    json: flags.has("json"),
    mode,
    track: values.get("track") ?? null,
    note: values.get("note") ?? null,
    write: flags.has("write"),
    settings: values.get("settings") ?? null,
  };
}

function parseDate(value: string | undefined): IsoDate | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new UsageError(`--date must be a real day as YYYY-MM-DD, not ${printable(value)}`);
  }
  return value;
}

/** Arguments echo back in messages; keep them on one short, printable line. */
export function printable(value: string): string {
  const chars = [...value];
  return `"${shownPath(chars.length > 60 ? `${chars.slice(0, 60).join("")}…` : value)}"`;
}

/** A path in a message: quoted, printable, whole. */
export const quotedPath = (path: string): string => `"${shownPath(path)}"`;
