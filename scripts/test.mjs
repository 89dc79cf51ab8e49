// `npm test`: type check, lint, unit tests, plugin tests (stand-in API), real-browser tests.
// Stops at the first failing stage and always ends with a plain `N passed, N failed` line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { chromiumLaunch } from "./chromium.mjs";

let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", shell: false });
  return result.status === 0;
}

function vitest(project) {
  mkdirSync("tests/output", { recursive: true });
  const report = `tests/output/vitest-${project}.json`;
  const ok = run(`vitest: ${project}`, "npx", [
    "vitest", "run", "--project", project,
    "--reporter=default", "--reporter=json", `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    if (!ok && (json.numFailedTests ?? 0) === 0) failed += 1; // a suite that failed to load
  } else if (!ok) failed += 1;
  return ok;
}

function finish(code) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code);
}

const stages = [
  () => run("tsc --noEmit", "npx", ["tsc", "--noEmit", "-p", "."]) || (failed++, false),
  () => run("eslint", "npx", ["eslint", "--max-warnings=0", "."]) || (failed++, false),
  () => vitest("unit"),
  () => vitest("plugin"),
  async () => {
    // Resolved once here, so a bundled Chromium is unpacked before the tests start.
    const launch = await chromiumLaunch().catch((error) => {
      console.error(`\n${error.message}`);
      return null;
    });
    if (!launch) {
      console.error(
        "\nNo Chromium found for the real-browser tests. Install it with\n" +
          "  sudo apt-get update && sudo apt-get install -y chromium\n" +
          "or point CHROMIUM_PATH at a Chromium or Chrome binary (on Linux x64, npm install brings one).",
      );
      failed++;
      return false;
    }
    console.log(`\nChromium: ${launch.executablePath} (${launch.source})`);
    return vitest("browser");
  },
];

for (const stage of stages) {
  if (!(await stage())) finish(1);
}
finish(0);
