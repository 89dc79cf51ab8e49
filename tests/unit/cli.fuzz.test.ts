// Fuzzing the CLI: random bytes as notes, random arguments. Exit 0 or 2, one line on error, never a stack trace.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT, useBuiltCli } from "./cliRun";


const SHAPES = [
  "- [ ] 2021/03/28    阅读论文", "- [x] 1.1\u3000并行计算\t\t2021/3/22", "- [ ] 2021/11/17 - 2021/11/30  设计",
  "- [ ] 2021/02/30 bad", "## **会议与期刊**", "**AAAI2021**/~~NIPS2021~~", "最大进程数为：2", "- 会议", "Brain Queue",
  "- [ ] 2021/09/09    AAAI  2021 投稿截至日期", "```", "%%", "---", "> - [ ] 📅 2026-03-04 x", "- [ ] 0001/01/01 y",
];
const noteBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.array(fc.oneof(fc.constantFrom(...SHAPES), fc.string({ maxLength: 10 })), { maxLength: 30 })
    .chain((lines) => fc.constantFrom("\n", "\r\n", "\r").map((eol) => new TextEncoder().encode(lines.join(eol)))),
  fc.tuple(fc.constantFrom(...SHAPES), fc.uint8Array({ maxLength: 50 }))
    .map(([line, noise]) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${line}\n`), ...noise])),
);
const fileName = fc.constantFrom("a.md", "B.MD", "dir/c.md", "dir/deeper/d.md", ".git/e.md", ".trash/g.md", "f.txt", "空 格.md");
const argument = fc.oneof(
  fc.constantFrom("scan", "today", "roll", "deadlines", "--json", "--write", "--date", "--mode", "--track", "--vault",
    "--settings", "auto", "today", "shift", "2021-03-25", "2021-02-30", "0001-01-01", "9999-12-31", "--date=2021-03-28", "-h", "--"),
  fc.string({ maxLength: 12 }),
);

useBuiltCli();

describe("cli fuzz", () => {
  it("exit 0 or 2, never a stack trace", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fileName, noteBytes), { maxLength: 4 }),
        fc.constantFrom("vault", "missing", "file"),
        fc.array(argument, { maxLength: 6 }),
        fc.boolean(),
        (files, vaultKind, args, withCommand) => {
          const dir = mkdtempSync(join(tmpdir(), "bq-fuzz-"));
          try {
            for (const [name, bytes] of files) {
              mkdirSync(dirname(join(dir, name)), { recursive: true });
              writeFileSync(join(dir, name), bytes);
            }
            writeFileSync(join(dir, "plain.md"), "- [ ] 2021/03/24 x\n");
            const vault = vaultKind === "vault" ? dir : vaultKind === "missing" ? join(dir, "nope") : join(dir, "plain.md");
            const argv = withCommand ? ["roll", "--vault", vault, ...args] : [...args, "--vault", vault];
            const run = spawnSync(process.execPath, [BUILT, ...argv], { encoding: "utf8", cwd: dir, timeout: 20_000 });
            expect([0, 2]).toContain(run.status);
            expect(run.stderr).not.toMatch(/\n\s+at |internal error/u);
            if (run.status === 2) {
              expect(run.stderr).toMatch(/^brain-queue: [^\n]+\n$/u);
              expect(run.stdout).toBe("");
            } else {
              expect(run.stderr).toBe("");
              if (argv.includes("--json") && !argv.includes("-h") && !argv.includes("--help")) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
