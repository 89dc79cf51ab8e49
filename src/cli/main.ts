// `npm run cli -- <command> …`: exit 0 on success; 1 when roll --write left notes unwritten (one line
// each on stderr); 2 with one line on stderr for bad arguments and anything else.
import { resolve } from "node:path";
import process from "node:process";
import { errorMessage } from "../core/base";
import { parseArgs, USAGE, UsageError } from "./args";
import { run } from "./run";
import { shownPath } from "./width";

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    // `npm run` starts us in the package folder; relative paths mean the caller's folder (INIT_CWD).
    const base = process.env.INIT_CWD ?? process.cwd();
    const vault = resolve(base, args.vault);
    const settings = args.settings === null ? null : resolve(base, args.settings);
    const outcome = run({ ...args, vault, settings });
    process.stdout.write(`${outcome.out}\n`);
    for (const note of outcome.notWritten) process.stderr.write(`brain-queue: not written: ${shownPath(note.path)} (${note.reason})\n`);
    return outcome.notWritten.length > 0 ? 1 : 0;
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `internal error: ${shownPath(errorMessage(error).split(/\r\n|\r|\n/u)[0])}`;
    process.stderr.write(`brain-queue: ${message}\n`);
    return 2;
  }
}

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on("error", () => process.exit(0));
process.exitCode = main(process.argv.slice(2));
