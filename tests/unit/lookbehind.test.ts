// The build's refusal of regex lookbehind (scripts/lookbehind.mjs), which esbuild.config.mjs runs on main.js.
// The bundles are template strings: the lint rule against lookbehind reads string literals, not templates.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execPath } from "node:process";
import { describe, expect, it } from "vitest";
import { lookbehindsIn } from "../../scripts/lookbehind.mjs";

describe("lookbehind check", () => {
  it("finds lookbehind in regex literals, strings and templates, on the line it is on", () => {
    const bundle = [
      String.raw`var a=/(?<![A-Za-z0-9])AAAI/iu;`,
      String.raw`var b=new RegExp("(?<=[A-Za-z])(\d\d)");`,
      String.raw`var c=String.raw${"`"}(?<!\d)((?:19|20)\d\d)${"`"};`,
    ].join("\n");
    expect(lookbehindsIn(bundle).map((f) => f.line)).toEqual([1, 2, 3]);
    expect(lookbehindsIn(bundle)[0].excerpt).toContain(String.raw`(?<![A-Za-z0-9])AAAI`);
  });

  it("lets named groups, lookahead and plain groups through", () => {
    expect(lookbehindsIn(String.raw`var d=/(?<year>\d{4})(?!\d)(?:x)(?=y)/u; var e='(?<'; var f='(?'+'<!';`)).toEqual([]);
  });

  it("fails a file with a lookbehind and passes one without", () => {
    const dir = mkdtempSync(join(tmpdir(), "bq-lookbehind-"));
    writeFileSync(join(dir, "bad.js"), String.raw`module.exports = /(?<!\d)2021/;`);
    writeFileSync(join(dir, "good.js"), String.raw`module.exports = /(?:^|\D)2021/;`);
    const check = (file: string) => spawnSync(execPath, ["scripts/lookbehind.mjs", join(dir, file)], { encoding: "utf8" });
    const bad = check("bad.js");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("bad.js: 1 regex lookbehind(s)");
    expect(bad.stderr).toContain("line 1");
    expect(check("good.js").status).toBe(0);
  });

  it("no source file that goes into main.js or its worker has one", () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => join(e.parentPath, e.name));
    const files = [...sources("src/core"), ...sources("src/obsidian"), ...sources("src/worker")];
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => lookbehindsIn(readFileSync(f, "utf8")).length > 0)).toEqual([]);
  });
});
