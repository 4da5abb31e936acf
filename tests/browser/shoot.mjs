// Screenshots for a human look: node tests/browser/shoot.mjs BASE OUTDIR path...
import { chromium } from "playwright-core";
const [base, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const variants = [
  { name: "light", viewport: { width: 1280, height: 900 }, colorScheme: "light" },
  { name: "dark", viewport: { width: 1280, height: 900 }, colorScheme: "dark" },
  { name: "m360", viewport: { width: 360, height: 740 }, colorScheme: "light" },
];
for (const v of variants) {
  const ctx = await browser.newContext({ viewport: v.viewport, colorScheme: v.colorScheme });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log(`[${v.name}] console error: ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`[${v.name}] page error: ${e.message}`));
  for (const p of paths) {
    await page.goto(base + p, { waitUntil: "networkidle" });
    const file = `${out}/${p.replace(/[^a-z0-9]+/gi, "_") || "home"}-${v.name}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
    console.log(file);
  }
  await ctx.close();
}
await browser.close();
