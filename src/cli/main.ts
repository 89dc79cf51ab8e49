// `npm run cli -- <command> …`: exit 0 on success, 2 with one line on stderr for anything else.
import process from "node:process";
import { parseArgs, USAGE, UsageError } from "./args";
import { run } from "./run";

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stdout.write(`${run(args)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`brain-queue: ${message.split(/\r\n|\r|\n/u)[0]}\n`);
    return 2;
  }
}

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on("error", () => process.exit(0));
process.exitCode = main(process.argv.slice(2));
