// The CLI as a writer: a note changed between reading and replacing it, modes, owners and hard links,
// files the user may not write, the exit status when notes were not written, and paths echoed printably.
import {
  appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeEdits } from "../../src/cli/vault";

const temps: string[] = [];

function vault(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bq-cli-write-"));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const NOTE = "## 复习\n\n- [ ] 2021/03/20    第一周 概论\n- [x] 2021/03/21    第二周 模型\n";
const ROLLED = "## 复习\n\n- [ ] 2021/03/25    第一周 概论\n- [x] 2021/03/21    第二周 模型\n";
const EDIT = { path: "plan.md", line: 3, expected: "- [ ] 2021/03/20    第一周 概论", replacement: "- [ ] 2021/03/25    第一周 概论" };

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
