// The CLI's argument parser: a value option never takes the next option as its value.
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../src/cli/args";

describe("parseArgs", () => {
  it("a value option followed by another option is missing its value", () => {
    expect(() => parseArgs(["roll", "--vault", "v", "--track", "--json"])).toThrow(UsageError);
    expect(() => parseArgs(["roll", "--vault", "v", "--track", "--json"])).toThrow("--track needs a value");
  });

  it("a value that starts with -- is given with =", () => {
    const args = parseArgs(["roll", "--vault", "v", "--track=--json", "--json"]);
    expect(args).not.toBe("help");
    expect(args !== "help" && args.track).toBe("--json");
    expect(args !== "help" && args.json).toBe(true);
  });
});
