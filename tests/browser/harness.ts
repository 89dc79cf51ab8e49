// Drives the demo workspace in headless Chromium: one server and one browser per test file, a fresh page
// (fresh localStorage) per test, the clock pinned to the demo date in Asia/Shanghai.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { env as processEnv } from "node:process";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { chromiumLaunch } from "../../scripts/chromium.mjs";
import { prepare, startServer } from "../../scripts/start.mjs";

/** The sample vault is planned around this Monday (see demo/app.ts). */
export const DEMO_DATE = "2026-11-30";
/** 09:30 in Shanghai on the demo date: the notes' dates are local days there. */
export const DEMO_NOW = new Date("2026-11-30T09:30:00+08:00");
export const SCREENSHOTS = fileURLToPath(new URL("../output/screenshots/", import.meta.url));
/** The sample vault's planner note, as the demo serves it. */
export const DEMO_PLANNER = readFileSync(new URL("../../demo/vault/学期规划.md", import.meta.url), "utf8");

export interface DemoSession {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

let prepared: Promise<void> | null = null;

/** `vault`: a folder of notes to serve instead of the sample vault (a fixture under tests/fixtures/vaults). */
export async function startDemo(options: { vault?: string } = {}): Promise<DemoSession> {
  const launch = await chromiumLaunch();
  if (!launch) throw new Error("No Chromium found: install it (apt-get install chromium), set CHROMIUM_PATH, or npm install on Linux x64.");
  prepared ??= prepare({ log: () => {} });
  await prepared;
  const server = await startServer({ port: 0, ...(options.vault ? { vault: options.vault } : {}) });
  const { executablePath, args, env } = launch;
  const browser = await chromium.launch({ executablePath, args, env: { ...processEnv, ...env } });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenOptions {
  theme?: "light" | "dark";
  query?: Record<string, string>;
  width?: number;
  height?: number;
  /** The phone layout (`?mobile=1`) on a touch screen, 390×844 unless given. */
  mobile?: boolean;
}

/** A phone's screen in CSS pixels (iPhone 12 to 14). */
export const PHONE = { width: 390, height: 844 };

/** Opens the demo with the clock pinned and waits until the plugin's sidebar has rendered. */
export async function openDemo(session: DemoSession, options: OpenOptions = {}): Promise<Page> {
  const mobile = options.mobile === true;
  const context = await session.browser.newContext({
    viewport: { width: options.width ?? (mobile ? PHONE.width : 1400), height: options.height ?? (mobile ? PHONE.height : 900) },
    deviceScaleFactor: 1,
    hasTouch: mobile,
    isMobile: mobile,
    timezoneId: "Asia/Shanghai",
    locale: "en-US",
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(DEMO_NOW);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const query = new URLSearchParams({ ...(options.theme === "dark" ? { theme: "dark" } : {}), ...(mobile ? { mobile: "1" } : {}), ...options.query });
  await page.goto(`${session.url}${query.size > 0 ? `?${query.toString()}` : ""}`);
  await page.waitForSelector("body[data-demo-ready]");
  const state = await page.getAttribute("body", "data-demo-ready");
  const loadError = await page.evaluate(() => window.bqDemo?.error ?? null);
  if (state !== "true" || loadError) throw new Error(`Demo failed: ${loadError ?? state} ${errors.join("; ")}`);
  try {
    // On a phone the sidebar is a closed drawer: rendered, not visible.
    await sidebar(page).locator(".bq-section-today").waitFor({ timeout: 15_000, state: mobile ? "attached" : "visible" });
  } catch (error) {
    throw new Error(`The Today view did not render. Page errors: ${errors.join("; ") || "none"}`, { cause: error });
  }
  await fontsLoaded(page);
  return page;
}

export function sidebar(page: Page): Locator {
  return page.locator('.mod-right-split .workspace-leaf-content[data-type="brain-queue-today"]');
}

export function editorContent(page: Page): Locator {
  return page.locator(".mod-root .markdown-source-view .cm-content");
}

/** The open note's text, from the editor itself. */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const view = window.bqDemo?.app.workspace.getMostRecentLeaf()?.view as { editor?: { getValue(): string } } | undefined;
    return view?.editor?.getValue() ?? "";
  });
}

/** Scrolls the editor so the given 0-based line is in view (the editor only renders visible lines). */
export async function revealLine(page: Page, line: number): Promise<void> {
  await page.evaluate((target) => {
    const view = window.bqDemo?.app.workspace.getMostRecentLeaf()?.view as { editor?: { setCursor(l: number, c: number): void; scrollIntoView(r: unknown, center: boolean): void } } | undefined;
    view?.editor?.setCursor(target, 0);
    view?.editor?.scrollIntoView({ from: { line: target, ch: 0 }, to: { line: target, ch: 0 } }, true);
  }, line);
  await page.waitForTimeout(100);
}

/**
 * Waits until the web font's faces for all the text on the page have loaded. The demo's CJK font loads a
 * subset when text first needs it and shows a fallback meanwhile, so measure and take pictures after this.
 */
export async function fontsLoaded(target: Page | Locator): Promise<void> {
  const page = "page" in target ? target.page() : target;
  await page.evaluate(async () => {
    await document.fonts.load("16px 'Noto Sans SC Variable'", document.body.innerText);
    await document.fonts.ready;
  });
}

export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  await fontsLoaded(target);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

/** How long `expect.poll` waits for the page to catch up (saves are debounced, indexing is async). */
export const WAIT = { timeout: 10_000 };

type Point = { x: number; y: number };

/** Real touch input (the browser's own touch and pointer events), for what `page.tap` cannot do. */
export async function touchDrag(page: Page, from: Point, to: Point, steps = 6): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  for (let i = 1; i <= steps; i++) {
    const at = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** A finger resting on `at` for `ms` before it lifts. */
export async function touchHold(page: Page, at: Point, ms: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [at] });
  await page.waitForTimeout(ms);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** The fonts Chromium drew an element's own text with (DevTools' "Rendered fonts"). */
export async function renderedFonts(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts.map(({ familyName, isCustomFont, glyphCount }) => ({ familyName, isCustomFont, glyphCount }));
  } finally {
    await cdp.detach();
  }
}

/** The centre of an element on screen. */
export async function centreOf(target: Locator): Promise<Point> {
  const box = await target.boundingBox();
  if (!box) throw new Error("The element is not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Removes the notices (the first start's deadline notice) that would cover the sidebar's header. */
export async function dismissNotices(page: Page): Promise<void> {
  await page.locator(".notice").evaluateAll((notices) => notices.forEach((notice) => notice.remove()));
}
