// The CLI as a writer: a note changed between reading and replacing it, modes, owners and hard links,
// files the user may not write, the exit status when notes were not written, and paths echoed printably.
import {
  appendFileSync, chmodSync, chownSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import process from "node:process";
import { afterAll, describe, expect, it } from "vitest";
import { writeEdits } from "../../src/cli/vault";
import { cliAs, useBuiltCli, type Run } from "./cliRun";

const isRoot = process.getuid?.() === 0;
/** The unprivileged user a root test run drops to (nobody). */
const NOBODY = 65534;
const temps: string[] = [];

const cli = (args: string[], as?: number): Run => cliAs(as, args);

function vault(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "bq-cli-write-"));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const NOTE = "## 复习\n\n- [ ] 2021/03/20    第一周 概论\n- [x] 2021/03/21    第二周 模型\n";
const ROLLED = "## 复习\n\n- [ ] 2021/03/25    第一周 概论\n- [x] 2021/03/21    第二周 模型\n";
const EDIT = { path: "plan.md", line: 3, expected: "- [ ] 2021/03/20    第一周 概论", replacement: "- [ ] 2021/03/25    第一周 概论" };
const roll = (dir: string, ...more: string[]): Run => cli(["roll", "--vault", dir, "--date", "2021-03-25", "--mode", "today", "--write", ...more]);

useBuiltCli();

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("a note that changes while it is written", () => {
  it("keeps a line appended between the read and the replace (the edits are applied again to the new text)", () => {
    const dir = vault({ "plan.md": NOTE });
    let appended = 0;
    const result = writeEdits(dir, "plan.md", [EDIT], {
      beforeCheck: () => {
        if (appended++ === 0) appendFileSync(join(dir, "plan.md"), "- [ ] 2021/03/26    另一个进程追加的行\n");
      },
    });
    expect(result).toEqual({ path: "plan.md", ok: true });
    expect(appended).toBe(2);
    expect(readFileSync(join(dir, "plan.md"), "utf8")).toBe(`${ROLLED}- [ ] 2021/03/26    另一个进程追加的行\n`);
  });

  it("notices a change that keeps the size and the modification time", () => {
    const dir = vault({ "plan.md": NOTE });
    const file = join(dir, "plan.md");
    let calls = 0;
    const result = writeEdits(dir, "plan.md", [EDIT], {
      beforeCheck: () => {
        if (calls++ > 0) return;
        const { atime, mtime } = statSync(file);
        writeFileSync(file, NOTE.replace("- [x]", "- [/]"));
        utimesSync(file, atime, mtime);
      },
    });
    expect(result.ok).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(ROLLED.replace("- [x]", "- [/]"));
  });

  it("gives up with a message when the note changes at every try, and leaves the other process's text", () => {
    const dir = vault({ "plan.md": NOTE });
    const file = join(dir, "plan.md");
    let n = 0;
    const result = writeEdits(dir, "plan.md", [EDIT], { beforeCheck: () => appendFileSync(file, `- [ ] 2021/04/0${++n}    追加\n`) });
    expect(result).toMatchObject({ path: "plan.md", ok: false, reason: expect.stringContaining("kept changing") });
    expect(readFileSync(file, "utf8")).toBe(NOTE + Array.from({ length: n }, (_, k) => `- [ ] 2021/04/0${k + 1}    追加\n`).join(""));
  });

  it("refuses when the changed note no longer has the planned line", () => {
    const dir = vault({ "plan.md": NOTE });
    const file = join(dir, "plan.md");
    const result = writeEdits(dir, "plan.md", [EDIT], { beforeCheck: () => writeFileSync(file, NOTE.replace("第一周", "第1周")) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("changed since it was read") });
    expect(readFileSync(file, "utf8")).toBe(NOTE.replace("第一周", "第1周"));
  });
});

describe("what --write keeps and what it refuses", () => {
  it("keeps a note's mode, whatever the umask", () => {
    const dir = vault({ "plan.md": NOTE });
    chmodSync(join(dir, "plan.md"), 0o664);
    const run = roll(dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "plan.md"), "utf8")).toBe(ROLLED);
    expect(statSync(join(dir, "plan.md")).mode & 0o7777).toBe(0o664);
  });

  it("refuses a note with another hard link: the link would break; both names keep the old text", () => {
    const dir = vault({ "plan.md": NOTE });
    linkSync(join(dir, "plan.md"), join(dir, "linked.txt"));
    const run = roll(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("brain-queue: not written: plan.md (it has 2 hard links; replacing it would break them)\n");
    expect(readFileSync(join(dir, "plan.md"), "utf8")).toBe(NOTE);
    expect(statSync(join(dir, "plan.md")).nlink).toBe(2);
  });

  it.runIf(isRoot)("as root: keeps the owner and group of another user's note", () => {
    const dir = vault({ "plan.md": NOTE });
    chownSync(join(dir, "plan.md"), NOBODY, NOBODY);
    expect(roll(dir).code).toBe(0);
    const stat = statSync(join(dir, "plan.md"));
    expect([stat.uid, stat.gid, readFileSync(join(dir, "plan.md"), "utf8")]).toEqual([NOBODY, NOBODY, ROLLED]);
  });

  it.runIf(isRoot)("as root: a read-only note (0444) is not written, the others are, exit 1", () => {
    const dir = vault({ "plan.md": NOTE, "other.md": NOTE });
    chmodSync(join(dir, "plan.md"), 0o444);
    const run = roll(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("brain-queue: not written: plan.md (it is read-only)\n");
    expect(readFileSync(join(dir, "plan.md"), "utf8")).toBe(NOTE);
    expect(readFileSync(join(dir, "other.md"), "utf8")).toBe(ROLLED);
  });

  it("as an ordinary user: a read-only note in a writable folder is not written", () => {
    const dir = vault({ "plan.md": NOTE, "other.md": NOTE });
    chmodSync(join(dir, "plan.md"), 0o444);
    if (isRoot) for (const name of ["", "plan.md", "other.md"]) chownSync(join(dir, name), NOBODY, NOBODY);
    const run = cli(["roll", "--vault", dir, "--date", "2021-03-25", "--mode", "today", "--write"], isRoot ? NOBODY : undefined);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("brain-queue: not written: plan.md (you may not write it)\n");
    expect(readFileSync(join(dir, "plan.md"), "utf8")).toBe(NOTE);
    expect(readFileSync(join(dir, "other.md"), "utf8")).toBe(ROLLED);
  });
});

describe("exit status and messages", () => {
  it("exits 1 and lists each note not written on stderr when one is not valid UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("- [ ] 2021/03/20 读书 "), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]);
    const dir = vault({ "bad.md": bytes, "good.md": "- [ ] 2021/03/20 跑步\n", "worse.md": bytes });
    const run = roll(dir, "--json");
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      "brain-queue: not written: bad.md (the note is not valid UTF-8; left untouched)",
      "brain-queue: not written: worse.md (the note is not valid UTF-8; left untouched)",
      "",
    ]);
    expect((JSON.parse(run.stdout) as { written: string[] }).written).toEqual(["good.md"]);
    expect(readFileSync(join(dir, "good.md"), "utf8")).toBe("- [ ] 2021/03/25 跑步\n");
  });

  it("echoes paths with control and bidirectional characters escaped, in text, JSON and errors", () => {
    const name = "a\nb\u202Egnp.md";
    const dir = vault({ [name]: NOTE });
    linkSync(join(dir, name), join(dir, "linked.txt"));
    const run = roll(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("brain-queue: not written: a\\nb\\u{202E}gnp.md (it has 2 hard links; replacing it would break them)\n");
    expect(run.stdout).toContain("a\\nb\\u{202E}gnp.md:3");
    expect(run.stdout).not.toMatch(/[\u202E]|b\n/u);
    const json = cli(["scan", "--vault", dir, "--json"]);
    expect(json.stdout).not.toContain("\u202E");
    expect((JSON.parse(json.stdout) as { items: { path: string }[] }).items[0].path).toBe(name);
    const missing = cli(["scan", "--vault", join(dir, "no\nsuch\u202Efolder")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`brain-queue: vault folder not found: "${join(dir, "no\\nsuch\\u{202E}folder")}"\n`);
  });

  it("never echoes a settings file's contents", () => {
    const dir = vault({ "plan.md": NOTE, "passwd": "root:x:0:0:root:/root:/bin/bash\nsecret-user:x:1000:1000::/home/secret:/bin/sh\n" });
    const run = cli(["scan", "--vault", dir, "--settings", join(dir, "passwd")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`brain-queue: cannot read settings "${join(dir, "passwd")}": not JSON\n`);
    const missing = cli(["scan", "--vault", dir, "--settings", join(dir, "none.json")]);
    expect(missing.stderr).toBe(`brain-queue: cannot read settings "${join(dir, "none.json")}": no such file\n`);
  });
});
