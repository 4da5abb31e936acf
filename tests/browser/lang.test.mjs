// Chinese read as Chinese (WCAG 2.2, 3.1.2 Language of Parts): every Han
// character in every built page (print versions included) and in what the
// scripts write (a scored result and a notice on /check/, the printed
// report's answers, search results for a Chinese term, a graded training
// case) sits in an element whose nearest lang is Chinese (zh, zh-Hans…; not
// zh-Latn-pinyin). Page titles and attribute values are exempt.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { startSite, launch, openPage, assertClean } from "./harness.mjs";

const publicDir = join(import.meta.dirname, "..", "..", "public");

let site, browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

/** Every page of public/ as a URL path. */
async function pages() {
  const out = [];
  for (const e of await readdir(publicDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith(".html")) continue;
    const rel = relative(publicDir, join(e.parentPath, e.name)).split(sep).join("/");
    out.push("/" + rel.replace(/(^|\/)index\.html$/, "$1"));
  }
  return out.sort();
}

/**
 * In the page: the Han text nodes under root (a selector; the whole
 * document by default) whose nearest lang is not Chinese, and how many
 * Han text nodes there were. Written here, apart from the site's code.
 */
function unmarked(selector) {
  const han = /\p{Script=Han}/u;
  const chinese = (l) => { l = l.toLowerCase(); return l === "zh" || (l.startsWith("zh-") && !l.startsWith("zh-latn")); };
  const root = selector ? document.querySelector(selector) : document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const bad = [];
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!han.test(n.data) || parent.closest("title, script, style")) continue;
    seen++;
    const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
    if (!chinese(lang)) bad.push(`"${n.data.trim().slice(0, 60)}" in <${parent.tagName.toLowerCase()}> (nearest lang "${lang}")`);
  }
  return { bad, seen };
}

test("every built page: each Han character's nearest lang is Chinese", async () => {
  const all = await pages();
  assert.ok(all.length > 50 && all.includes("/guide/print/") && all.includes("/playbook/print/"), `${all.length} pages, print versions included`);
  const { page, context } = await openPage(browser, site.base, null);
  const bad = [];
  let seen = 0;
  for (const path of all) {
    await page.goto(site.base + path.slice(1), { waitUntil: "load" });
    const r = await page.evaluate(unmarked, "");
    seen += r.seen;
    for (const b of r.bad) bad.push(`${path}: ${b}`);
  }
  await context.close();
  assert.ok(seen > 100, `only ${seen} Han text nodes in the site: the walk is not reading the pages`);
  assert.deepEqual(bad, [], `${bad.length} Han runs not marked as Chinese`);
});

test("/check/: a scored result with Chinese answers, a notice and the printed answers", async () => {
  // Listed by the courts and on the abnormal-operations list: both findings'
  // titles hold Chinese; the badge value is not an answer, so a notice lists it.
  const hash = "#registry_status=abnormal_operations&court_enforcement=dishonest_debtor&badges=" + encodeURIComponent("诚信通");
  const { page, context, problems } = await openPage(browser, site.base, "/check/" + hash);
  await page.waitForSelector("[data-result][data-score]:not([data-scoring])", { timeout: 20_000 });
  await page.waitForFunction(() => /\p{Script=Han}/u.test(document.querySelector('[data-list="findings"]')?.textContent ?? ""), null, { timeout: 20_000 });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  for (const region of ['[data-list="findings"]', "[data-link-notice]", "[data-report-answers]"]) {
    const r = await page.evaluate(unmarked, region);
    assert.ok(r.seen > 0, `${region} holds Chinese`);
    assert.deepEqual(r.bad, [], region);
  }
  const whole = await page.evaluate(unmarked, "");
  assert.deepEqual(whole.bad, [], "/check/ after scoring, with its notice");
  assertClean(assert, problems, "/check/");
  await context.close();
});

test("/search/: results for a Chinese term", async () => {
  const q = "营业执照";
  const { page, context, problems } = await openPage(browser, site.base, `/search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("[data-search-results] .search-hit", { timeout: 20_000 });
  const r = await page.evaluate(unmarked, "[data-search-results]");
  assert.ok(r.seen > 0, "the results quote Chinese");
  assert.deepEqual(r.bad, [], "search results");
  assert.deepEqual((await page.evaluate(unmarked, "")).bad, [], "/search/ with its status line, which repeats the query");
  assertClean(assert, problems, "/search/");
  await context.close();
});

test("/training/: a graded case names its rules in Chinese as Chinese", async () => {
  const { page, context, problems } = await openPage(browser, site.base, "/training/abnormal-operations-list/");
  await page.check('input[name="band"][value="low"]');
  await page.click("[data-grade-submit]");
  await page.waitForSelector("[data-grade]");
  const r = await page.evaluate(unmarked, "[data-grade]");
  assert.ok(r.seen > 0, "the grade names a rule in Chinese");
  assert.deepEqual(r.bad, [], "the grade");
  assertClean(assert, problems, "/training/abnormal-operations-list/");
  await context.close();
});

test("/check/saved/: a saved supplier with a Chinese name and findings in Chinese", async () => {
  const { page, context, problems } = await openPage(browser, site.base, "/check/saved/");
  const profile = { supplier_name: "深圳市某某电子有限公司", registry_status: "abnormal_operations" };
  const store = { format: "safesource-saved", version: 1, suppliers: [{ id: "e1", saved: "2026-11-01T10:00:00.000Z", notes: "", profile }] };
  await page.evaluate((v) => localStorage.setItem("safesource-saved", v), JSON.stringify(store));
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 20_000 });
  const r = await page.evaluate(unmarked, "[data-saved-rows]");
  assert.ok(r.seen >= 2, "the name and a finding are in Chinese");
  assert.deepEqual(r.bad, [], "the saved list");
  assertClean(assert, problems, "/check/saved/");
  await context.close();
});
