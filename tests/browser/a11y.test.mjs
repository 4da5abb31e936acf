// Accessibility: axe-core's WCAG 2.x A/AA rules on every page kind, in the
// light and the dark theme, with zero violations allowed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { startSite, launch, openPage, pageKinds } from "./harness.mjs";
import { root } from "./checker-lib.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let site, browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });


/** Runs axe in the page (evaluated through DevTools, so the CSP allows it). */
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((runOnly) => globalThis.axe.run(document, { runOnly: { type: "tag", values: runOnly } }), tags);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const path of [...pageKinds, "/search/?q=escrow", "/no-such-page/"]) {
  test(`${path} has no WCAG A/AA violations in light and dark`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context } = await openPage(browser, site.base, path, { colorScheme });
      assert.deepEqual(await violations(page), [], `${path} (${colorScheme})`);
      await context.close();
    }
  });
}

test("reduced motion turns off smooth scrolling", async () => {
  const { page, context } = await openPage(browser, site.base, "/guide/", { reducedMotion: "reduce" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), "auto");
  await context.close();
});

test("focus is visible on links and buttons", async () => {
  const { page, context } = await openPage(browser, site.base, "/guide/");
  await page.keyboard.press("Tab"); // skip link
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth : "";
  });
  assert.match(outline, /solid [1-9]/, `the focused element shows an outline (${outline})`);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Skip to content");
  await context.close();
});

/**
 * In the page: each text node with Chinese characters that is not inside an
 * element marked as Chinese (lang="zh…"), as "tag: text".
 */
function unmarkedChinese() {
  const bad = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!/\p{Script=Han}/u.test(n.data) || n.parentElement.closest("script, style, noscript")) continue;
    const lang = n.parentElement.closest("[lang]")?.getAttribute("lang") ?? "";
    if (!/^zh(-|$)/i.test(lang)) bad.push(`${n.parentElement.tagName.toLowerCase()}: ${n.data.trim().slice(0, 60)}`);
  }
  return bad;
}

/** Every page of the built site, as a path ("/guide/"). */
async function sitePages() {
  const out = join(root, "public");
  const paths = [];
  for (const f of await readdir(out, { recursive: true })) {
    if (f.endsWith("index.html") && !f.startsWith("search-index")) paths.push("/" + relative(out, join(out, f)).split(sep).slice(0, -1).map((p) => p + "/").join(""));
  }
  return paths.sort();
}

// WCAG 3.1.2 (language of parts): screen readers read Chinese terms with a
// Chinese voice only when they are marked, and browsers pick Chinese glyph
// forms. axe cannot see this, so the pages are read here.
test("Chinese text is marked as Chinese (lang=zh-Hans) on every page, as built and as the scripts draw it", async () => {
  const { page, context } = await openPage(browser, site.base, null);
  const bad = [];
  for (const path of await sitePages()) {
    await page.goto(site.base + path.slice(1), { waitUntil: "load" });
    bad.push(...(await page.evaluate(unmarkedChinese)).map((b) => `${path} ${b}`));
  }
  // What the scripts draw: a result with Chinese in its findings, and search results.
  await page.goto(site.base + "check/#registry_status=abnormal_operations&court_enforcement=dishonest_debtor");
  await page.waitForSelector('[data-result][data-score]:not([data-score="0"])');
  bad.push(...(await page.evaluate(unmarkedChinese)).map((b) => `/check/ (scored) ${b}`));
  await page.goto(site.base + "search/?q=" + encodeURIComponent("诚信通"));
  await page.waitForSelector("[data-search-results] li", { timeout: 15_000 });
  bad.push(...(await page.evaluate(unmarkedChinese)).map((b) => `/search/ (results) ${b}`));
  assert.deepEqual(bad, []);
  await context.close();
});
