// Site search: the /search/?q= page and the header box, under the production
// CSP. Queries a reader half remembers must land on the exact section.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPage, assertClean } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const env = useSite();

/** Waits until the search page has answered, then returns each result's main link, best first. */
async function resultHrefs(page) {
  await page.waitForFunction(() => (document.querySelector("[data-search-status]")?.textContent ?? "") !== "", null, { timeout: 15_000 });
  return page.$$eval("[data-search-results] a.search-hit-link", (as) => as.map((a) => a.getAttribute("href")));
}

async function searchPage(q, extra = "") {
  const opened = await openPage(env.browser, env.site.base, `/search/?q=${encodeURIComponent(q)}${extra}`);
  return { ...opened, hrefs: await resultHrefs(opened.page) };
}

const expectations = [
  { what: "an English term", q: "escrow", want: "/guide/safe-payment/#escrow", top: 3 },
  { what: "a Chinese term", q: "诚信通", want: "/guide/platform-signals/#chengxintong", top: 3 },
  // Pages that teach a term rank above its glossary definition, which still shows on the first page.
  { what: "a Chinese term (glossary entry)", q: "诚信通", want: "/glossary/#chengxintong", top: 10 },
  { what: "a phrase", q: "dedicated line", want: "/guide/logistics-and-tracking/#dedicated-lines", top: 3 },
  { what: "a phrase (red flag page)", q: "dedicated line", want: "/red-flags/dedicated-line-tracking/", top: 3 },
  { what: "a contact name", q: "Internet Crime Complaint Center", want: "/contacts/#ic3", top: 1 },
  { what: "a contact name (short)", q: "Action Fraud", want: "/contacts/#action-fraud", top: 3 },
  { what: "a term with its own sub-step", q: "chargeback", want: "/playbook/reverse-payment/#card-chargeback", top: 1 },
  { what: "pinyin without tone marks", q: "chengxintong", want: "/guide/platform-signals/#chengxintong", top: 3 },
  { what: "a misspelling", q: "escrw", want: "/guide/safe-payment/#escrow", top: 3 },
  { what: "a misspelling with swapped letters", q: "counterfiet", want: "/scams/counterfeits/", top: 3 },
  { what: "a US spelling of a word the site writes the British way", q: "business license", want: "/guide/business-licence/", top: 1 },
  { what: "a question (stop and question words do not dilute it)", q: "how much deposit should I pay", want: "/guide/safe-payment/#30-70-rule", top: 3 },
  { what: "a glossary equivalence: pinyin finds the guide page", q: "yingye zhizhao", want: "/guide/business-licence/", top: 3 },
  // The thesaurus (derived from WordNet at build time) leads words the site never uses to its own.
  { what: "a word the site never uses", q: "swindle", want: "/scams/", top: 3, page: true },
  { what: "a phrase the site never uses", q: "rip-off", want: "/scams/", top: 3, page: true },
  { what: "a question with filler words", q: "what happens if my goods get stuck at customs", want: ["/guide/export-documents/", "/red-flags/export-docs-incomplete/"], top: 3, page: true },
];

for (const { what, q, want, top, page: byPage } of expectations) {
  test(`${what}: "${q}" puts ${want} in the top ${top}`, async () => {
    const { page, context, problems, hrefs } = await searchPage(q);
    const shown = hrefs.slice(0, top).map((h) => (byPage ? h.replace(/#.*$/, "") : h));
    assert.ok([want].flat().some((w) => shown.includes(w)), `top ${top} for "${q}" were:\n${hrefs.slice(0, 5).join("\n")}`);
    assertClean(assert, problems, `/search/?q=${q}`);
    await context.close();
    void page;
  });
}

test("results show the page title, the matching heading, a highlighted excerpt and the section", async () => {
  const { page, context, hrefs } = await searchPage("escrow");
  const i = hrefs.indexOf("/guide/safe-payment/#escrow");
  assert.ok(i >= 0);
  const hit = page.locator("[data-search-results] a[href]").nth(i);
  assert.equal(await hit.locator(".search-hit-title").textContent(), "Pay safely");
  assert.equal(await hit.locator(".search-hit-heading").textContent(), "Platform payment: escrow and Trade Assurance");
  assert.equal(await hit.locator(".search-hit-label").textContent(), "Vetting guide");
  const marks = await hit.locator(".search-hit-excerpt mark").allTextContents();
  assert.ok(marks.length > 0, "excerpt has highlights");
  for (const m of marks) assert.match(m, /^escrow/i);
  // Every result is one page: one main link and at most three links to its
  // other matching sections; nothing from the index became markup.
  const perItem = await page.$$eval("[data-search-results] > li", (lis) => lis.map((li) => [li.querySelectorAll("a.search-hit-link").length, li.querySelectorAll("a.search-hit-sub").length, li.querySelectorAll("a").length]));
  for (const [main, subs, all] of perItem) assert.ok(main === 1 && subs <= 3 && all === main + subs, `links per result: ${JSON.stringify(perItem)}`);
  const pages = await page.$$eval("[data-search-results] a.search-hit-link", (as) => as.map((a) => a.pathname));
  assert.equal(new Set(pages).size, pages.length, "each page once");
  const tags = await page.$$eval("[data-search-results] a *", (els) => [...new Set(els.map((e) => e.tagName))]);
  assert.deepEqual(tags.sort(), ["MARK", "SPAN"]);
  await context.close();
});

test("a result lists other matching sections of its page by anchor", async () => {
  const { page, context, hrefs } = await searchPage("chargeback");
  assert.equal(hrefs[0], "/playbook/reverse-payment/#card-chargeback");
  const subs = await page.$$eval("[data-search-results] > li:first-child a.search-hit-sub", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(subs.length >= 1 && subs.length <= 3, subs.join(", "));
  for (const h of subs) assert.match(h, /^\/playbook\/reverse-payment\/#[a-z0-9-]+$/);
  assert.ok(!subs.includes(hrefs[0]), "the main link's section is not repeated");
  await context.close();
});

test("a question missing one word on every page still lists several pages", async () => {
  const { context, hrefs } = await searchPage("what to do if the supplier stops replying");
  assert.ok(hrefs.length >= 5, hrefs.join(", "));
  await context.close();
});

test("the URL form runs the query and the section filter, and the page keeps the URL in step", async () => {
  const { page, context, problems, hrefs } = await searchPage("escrow", "&section=glossary");
  assert.ok(hrefs.length > 0);
  for (const h of hrefs) assert.match(h, /^\/glossary\//);
  assert.equal(await page.inputValue("[data-search-page-input]"), "escrow");
  assert.equal(await page.getAttribute('[data-filter="glossary"]', "aria-pressed"), "true");
  await page.click('[data-filter=""]');
  await page.waitForFunction(() => [...document.querySelectorAll("[data-search-results] a")].some((a) => !a.getAttribute("href").startsWith("/glossary/")));
  assert.equal(new URL(page.url()).search, "?q=escrow");
  await page.click('[data-filter="playbook"]');
  await page.waitForFunction(() => [...document.querySelectorAll("[data-search-results] a")].every((a) => a.getAttribute("href").startsWith("/playbook/")));
  assert.equal(new URL(page.url()).searchParams.get("section"), "playbook");
  await page.fill("[data-search-page-input]", "chargeback");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "chargeback");
  assertClean(assert, problems, "search page filters");
  await context.close();
});

test("a header search shows results as you type; arrows move through them and Enter opens one", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/guide/");
  const before = problems.requests.filter((u) => /\/search-index\/|\/assets\/search\./.test(u));
  assert.deepEqual(before, [], "nothing of search loads before the reader uses it");
  await page.keyboard.press("/");
  await page.keyboard.type("escrow");
  const links = page.locator(".search-popup a.search-hit-link");
  await links.first().waitFor();
  assert.ok(await page.locator(".search-popup").isVisible());
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.includes("/guide/safe-payment/#escrow"), hrefs.join(", "));
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), hrefs[0]);
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), hrefs[1]);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-search-input")), "", "back in the box");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await Promise.all([page.waitForURL((u) => u.pathname + u.hash === hrefs[1]), page.keyboard.press("Enter")]);
  assertClean(assert, problems, "header search");
  await context.close();
});

test("Enter in the header box opens /search/?q= with the results; Escape closes the popup", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/red-flags/");
  await page.focus("[data-search-input]");
  await page.keyboard.type("dedicated line");
  await page.locator(".search-popup a.search-hit-link").first().waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".search-popup").isVisible(), false, "Escape closes the popup");
  await Promise.all([page.waitForURL(/\/search\/\?q=dedicated\+line$/), page.keyboard.press("Enter")]);
  const hrefs = await resultHrefs(page);
  assert.ok(hrefs.length > 0);
  // On the search page, arrows from the page box walk the results too.
  await page.focus("[data-search-page-input]");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), hrefs[0]);
  assertClean(assert, problems, "header to search page");
  await context.close();
});

test("empty and no-match states point somewhere useful", async () => {
  const empty = await openPage(env.browser, env.site.base, "/search/");
  assert.ok(await empty.page.locator("[data-search-help]").isVisible(), "help shows for an empty query");
  assert.ok(await empty.page.locator('[data-search-help] a[href*="?q="]').count() >= 3, "example searches");
  assert.equal(await empty.page.locator("[data-search-results] a").count(), 0);
  await empty.context.close();

  const { page, context, problems, hrefs } = await searchPage("xyzzyq");
  assert.deepEqual(hrefs, []);
  assert.match(await page.textContent("[data-search-status]"), /xyzzyq/);
  assert.ok(await page.locator("[data-search-nomatch]").isVisible());
  assert.ok(await page.locator('[data-search-nomatch] a[href="/check/"]').isVisible(), "suggests the checker");
  assert.ok(await page.locator('[data-search-nomatch] a[href="/playbook/"]').isVisible(), "suggests the playbook");
  assertClean(assert, problems, "no match");
  await context.close();
});

test("a word the site lacks: the results say what they hold instead (spelling, meaning, part of the word)", async () => {
  const cases = [
    { q: "escrw", says: /“escrw”.*\(escrow\)/, first: "/guide/safe-payment/#escrow" },
    { q: "swindled", says: /“swindled”.*mean the same/, first: "/scams/" },
    // A Chinese word the site never uses: the Chinese side of the thesaurus (CC-CEDICT).
    { q: "警察", says: /“警察”.*mean the same/, first: "/playbook/report-at-home/" },
    { q: "inspecqqqq", says: /“inspecqqqq”.*closest, by the start of the word/, first: "/guide/inspection/" },
  ];
  for (const { q, says, first } of cases) {
    const { page, context, problems, hrefs } = await searchPage(q);
    assert.ok(hrefs.length > 0, `"${q}" shows results`);
    assert.ok(hrefs[0].startsWith(first), `"${q}": first result ${hrefs[0]}, want ${first}`);
    const status = await page.textContent("[data-search-status]");
    assert.match(status, says, `"${q}": the status says what the results stand on`);
    assert.doesNotMatch(status, /No page has every word/, `"${q}": one word is no partial match`);
    assertClean(assert, problems, `/search/?q=${q}`);
    await context.close();
  }
  // The header box says it too.
  const { page, context } = await openPage(env.browser, env.site.base, "/guide/");
  await page.fill("[data-search-input]", "swindled");
  await page.locator(".search-popup a.search-hit-link").first().waitFor();
  assert.match(await page.textContent(".search-popup-status"), /“swindled”.*mean the same/);
  await context.close();
});

test("a pasted credit code is handed to the checker, which reads it", async () => {
  const { page, context, problems } = await searchPage("9144 0300 ma5g 2k7l 3x");
  const box = page.locator("[data-search-code]");
  assert.ok(await box.isVisible(), "the credit-code box shows");
  const href = await box.locator("a").getAttribute("href");
  assert.match(href, /^\/check\/#uscc=91440300MA5G2K7L3X&rules_version=\d+$/, href);
  // The results are the pages on reading a code, and say so.
  await page.locator(".search-hit-link").first().waitFor();
  assert.match(await page.textContent("[data-search-status]"), /No page holds a company’s code/);
  const links = await page.locator(".search-hit-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.some((h) => h.startsWith("/red-flags/invalid-uscc/") || h.startsWith("/guide/business-licence/")), links.join(" "));
  await box.locator("a").click();
  await page.waitForFunction(() => document.querySelector("[data-result]")?.dataset.score !== undefined);
  const current = await page.getAttribute("[data-rules-version]", "data-rules-version");
  assert.ok(href.endsWith(`rules_version=${current}`), `${href} names the current rules (${current})`);
  assert.equal(await page.inputValue('[data-question="uscc"] input'), "91440300MA5G2K7L3X", "the checker has the code");
  assert.equal(await page.locator("[data-link-notice]").textContent(), "", "no notice of an older link");
  await page.goto(env.site.base + "/search/?q=escrow");
  assert.ok(await page.locator("[data-search-code]").isHidden(), "no box for a word");
  assertClean(assert, problems, "credit code");
  await context.close();
});

test("page chrome and the home page are not indexed", async () => {
  // "analytics" appears only in the footer's privacy note (no page's text
  // has it). The thesaurus may lead it to words of the same meaning in the
  // guidance, but no result holds the word itself, and the home page is none.
  const { page, context, hrefs } = await searchPage("analytics");
  const quoted = await page.$$eval("[data-search-results] .search-hit-excerpt", (els) => els.map((e) => e.textContent.toLowerCase()));
  assert.deepEqual(quoted.filter((t) => t.includes("analytics")), []);
  assert.ok(!hrefs.includes("/"), "the home page is not a result");
  await context.close();
  const r2 = await searchPage("Breadcrumbs");
  assert.deepEqual(r2.hrefs, []);
  await r2.context.close();
  // The search page itself (its intro names these terms) is never a result.
  const r3 = await searchPage("escrow chargeback dedicated line");
  assert.ok(r3.hrefs.length > 0);
  assert.deepEqual(r3.hrefs.filter((h) => h.startsWith("/search/")), []);
  await r3.context.close();
});

test("without JavaScript the search page links every section index", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/search/?q=escrow", { javaScriptEnabled: false });
  for (const s of ["guide", "red-flags", "scams", "playbook", "contacts", "glossary"]) {
    assert.ok(await page.locator(`main a[href="/${s}/"]`).count() > 0, `links /${s}/`);
  }
  await context.close();
});

test("one query moves at most 100 KB and never leaves the site", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/playbook/");
  const sizes = [];
  page.on("requestfinished", async (r) => {
    if (/\/search-index\/|\/assets\/search\./.test(r.url())) sizes.push((await r.sizes()).responseBodySize);
  });
  await page.focus("[data-search-input]");
  await page.keyboard.type("escrow");
  await page.locator(".search-popup a.search-hit-link").first().waitFor();
  await page.waitForLoadState("networkidle");
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.ok(sizes.length >= 3, `library, manifest, shard and fragments were fetched (${sizes.length})`);
  assert.ok(total <= 100 * 1024, `moved ${total} bytes`);
  assertClean(assert, problems, "one query");
  await context.close();
});

test("a question whose word the site never uses moves at most 60 KB on a first visit", async () => {
  // Its filler is not looked up; the thesaurus file and the shards of the
  // site's words for "swindled" are.
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/playbook/");
  const sizes = [];
  const urls = [];
  page.on("requestfinished", async (r) => {
    if (/\/search-index\/|\/assets\/search\./.test(r.url())) { urls.push(r.url()); sizes.push((await r.sizes()).responseBodySize); }
  });
  await page.fill("[data-search-input]", "what happens if I get swindled");
  await page.locator(".search-popup a.search-hit-link").first().waitFor();
  await page.waitForLoadState("networkidle");
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.ok(urls.some((u) => u.endsWith(".sthe")), "the thesaurus was read");
  assert.ok(total <= 60 * 1024, `moved ${total} bytes: ${urls.join(" ")}`);
  assertClean(assert, problems, "a thesaurus query");
  await context.close();
});

test("the browser tokenizer matches the Go indexer's on the shared cases", async () => {
  const cases = JSON.parse(await readFile(new URL("../../generator/internal/searchindex/testdata/tokenize.json", import.meta.url), "utf8"));
  const { page, context } = await openPage(env.browser, env.site.base, "/guide/");
  const got = await page.evaluate(async (ins) => {
    const src = document.querySelector("[data-search-form]").dataset.searchModule;
    const m = await import(src);
    return ins.map((s) => m.terms(s));
  }, cases.map((c) => c.in));
  cases.forEach((c, i) => assert.deepEqual(got[i], c.out, `terms(${JSON.stringify(c.in)})`));
  await context.close();
});
