import { chromium } from "playwright-core";
const [,, base, out, ...specs] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const spec of specs) {
  const [name, query, w, h] = spec.split("|");
  const ctx = await browser.newContext({ viewport: { width: Number(w), height: Number(h) }, hasTouch: query.includes("mobile") });
  const page = await ctx.newPage();
  await page.goto(`${base}/?${query}`);
  await page.waitForSelector(".bq-view .bq-section, .bq-view .bq-day", { timeout: 30000 });
  await page.waitForTimeout(1500);
  if (query.includes("mobile")) {
    await page.evaluate(() => { const b = document.querySelector('.mobile-toolbar-option[aria-label*="ight"], .bq-demo-drawer-right, [data-drawer="right"]'); b?.click(); });
    await page.waitForTimeout(800);
  }
  await page.screenshot({ path: `${out}/${name}.png` });
  await ctx.close();
}
await browser.close();
