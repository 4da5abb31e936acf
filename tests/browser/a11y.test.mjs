// Accessibility: axe-core's WCAG 2.x A/AA rules on every page kind, in the
// light and the dark theme, with zero violations allowed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { openPage, pageKinds } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const env = useSite();

/** Runs axe in the page (evaluated through DevTools, so the CSP allows it). */
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((runOnly) => globalThis.axe.run(document, { runOnly: { type: "tag", values: runOnly } }), tags);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const path of [...pageKinds, "/search/?q=escrow", "/no-such-page/", "/playbook/deadlines/", "/guide/inspection/"]) {
  test(`${path} has no WCAG A/AA violations in light and dark`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context } = await openPage(env.browser, env.site.base, path, { colorScheme });
      assert.deepEqual(await violations(page), [], `${path} (${colorScheme})`);
      await context.close();
    }
  });
}

test("reduced motion turns off smooth scrolling", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/guide/", { reducedMotion: "reduce" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), "auto");
  await context.close();
});

test("focus is visible on links and buttons", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/guide/");
  await page.keyboard.press("Tab"); // skip link
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth : "";
  });
  assert.match(outline, /solid [1-9]/, `the focused element shows an outline (${outline})`);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Skip to content");
  await context.close();
});
