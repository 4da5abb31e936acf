// The deadline planner (/playbook/deadlines/) and the inspection sample size
// tool (/guide/inspection/#sample-size), driven through their public
// contract (docs/CONTENT-CONTRACT.md): input names, data- attributes and the
// URL fragment; with a fixed clock, in two time zones, without scripts,
// printed, offline, and with axe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { openPage, assertClean } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PLANNER = "/playbook/deadlines/";
const INSPECTION = "/guide/inspection/";

const env = useSite();

/** Opens path with the page's clock fixed at `at` (an instant), in a time zone. */
async function openAt(path, at, options = {}) {
  const opened = await openPage(env.browser, env.site.base, null, options);
  await opened.page.clock.setFixedTime(new Date(at));
  await opened.page.goto(env.site.base + path.replace(/^\//, ""), { waitUntil: "networkidle" });
  if (path.includes("#")) await opened.page.waitForSelector("[data-deadline]");
  return opened;
}

/** Each listed route: id, last day (null when absent) and state. */
function routes(page) {
  return page.$$eval("[data-deadline]", (els) => els.map((e) => ({ id: e.dataset.deadline, lastDay: e.getAttribute("data-last-day"), state: e.dataset.state })));
}

async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((runOnly) => globalThis.axe.run(document, { runOnly: { type: "tag", values: runOnly } }), tags);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

test("planner: PayPal, not received — the dispute window from the payment, the reports with no fixed day, the state in the fragment", async () => {
  const { page, context, problems } = await openAt(PLANNER, "2026-12-06T10:00:00Z", { timezoneId: "Europe/London" });
  assert.equal(await page.locator("[data-deadline]").count(), 0, "nothing is listed before the inputs");
  await page.selectOption("select[name=method]", "paypal");
  await page.fill("input[name=paid_on]", "2026-11-02");
  await page.selectOption("select[name=problem]", "not_received");
  const list = await routes(page);
  assert.deepEqual(list, [
    { id: "paypal", lastDay: "2027-05-01", state: "open" },
    { id: "report-fraud", lastDay: null, state: "asap" },
    { id: "report-police", lastDay: null, state: "asap" },
  ]);
  assert.equal(new URL(page.url()).hash, "#method=paypal&paid_on=2026-11-02&problem=not_received");
  const item = page.locator('[data-deadline="paypal"]');
  assert.match(await item.textContent(), /180 days/);
  assert.match(await item.locator(".deadline-escalate").textContent(), /December 26, 2026|26 December 2026/, "escalation day if the dispute is opened today");
  assert.ok(await item.locator("sup.cite a[href='#source-paypal-dispute-timeframe']").count() > 0, "the rule is cited");
  assert.equal(await item.locator("a[href='/playbook/reverse-payment/#paypal']").count(), 1, "links its playbook step");

  await page.selectOption("select[name=method]", "card");
  const card = await routes(page);
  assert.deepEqual(card.map((r) => r.id), ["card-chargeback", "report-fraud", "report-police"], "PayPal is not listed for a card payment");
  assert.equal(card[0].state, "asap");
  assert.equal(card[0].lastDay, null, "the card issuer sets the deadline: no day is shown");
  assertClean(assert, problems, PLANNER);
  await context.close();
});

test("planner: a link restores the form and its result (Trade Assurance, not as described, closing soon)", async () => {
  const hash = "#method=trade_assurance&paid_on=2026-10-01&received_on=2026-11-20&problem=not_as_described";
  const { page, context, problems } = await openAt(PLANNER + hash, "2026-12-15T12:00:00Z", { timezoneId: "UTC" });
  assert.equal(await page.inputValue("select[name=method]"), "trade_assurance");
  assert.equal(await page.inputValue("input[name=paid_on]"), "2026-10-01");
  assert.equal(await page.inputValue("input[name=received_on]"), "2026-11-20");
  assert.equal(await page.inputValue("select[name=problem]"), "not_as_described");
  const ta = (await routes(page)).find((r) => r.id === "trade-assurance");
  assert.deepEqual(ta, { id: "trade-assurance", lastDay: "2026-12-20", state: "closing" });
  assert.equal(new URL(page.url()).hash, hash, "opening the link leaves it as it was");

  await page.fill("input[name=received_on]", "");
  const missing = (await routes(page)).find((r) => r.id === "trade-assurance");
  assert.deepEqual(missing, { id: "trade-assurance", lastDay: null, state: "asap" }, "without the receipt date there is no day to count");
  assert.equal(new URL(page.url()).hash, "#method=trade_assurance&paid_on=2026-10-01&problem=not_as_described");

  await page.evaluate(() => { location.hash = "method=paypal&paid_on=2026-11-02&problem=not_as_described"; });
  await page.waitForFunction(() => document.querySelector('[data-deadline="paypal"]'));
  assert.equal(await page.inputValue("select[name=method]"), "paypal", "a changed fragment is read again");
  assertClean(assert, problems, PLANNER);
  await context.close();
});

test("planner: today is the buyer's own date — the same instant is the last day in Los Angeles and past it in Kiritimati", async () => {
  const hash = "#method=trade_assurance&received_on=2026-11-20&problem=not_received";
  const instant = "2026-12-20T12:00:00Z"; // 04:00 on the 20th in Los Angeles, 02:00 on the 21st in Kiritimati
  const la = await openAt(PLANNER + hash, instant, { timezoneId: "America/Los_Angeles" });
  assert.deepEqual((await routes(la.page)).find((r) => r.id === "trade-assurance"), { id: "trade-assurance", lastDay: "2026-12-20", state: "closing" });
  assert.match(await la.page.locator('[data-deadline="trade-assurance"] .deadline-when').textContent(), /today is the last day/);
  await la.context.close();
  const ki = await openAt(PLANNER + hash, instant, { timezoneId: "Pacific/Kiritimati" });
  assert.deepEqual((await ki.page.$$eval("[data-deadline]", (els) => els.map((e) => e.dataset.deadline))).at(-1), "trade-assurance", "closed routes come last");
  assert.deepEqual((await routes(ki.page)).find((r) => r.id === "trade-assurance"), { id: "trade-assurance", lastDay: "2026-12-20", state: "closed" });
  await ki.context.close();
});

test("planner: the .ics download holds the open deadlines with a fixed day", async () => {
  const { page, context } = await openAt(PLANNER + "#method=paypal&paid_on=2026-11-02&problem=not_as_described", "2026-12-06T10:00:00Z", { acceptDownloads: true });
  await page.waitForSelector('[data-deadline="paypal"]');
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-planner-ics]")]);
  assert.match(download.suggestedFilename(), /^safesource-deadlines-2026-12-06\.ics$/);
  const ics = await readFile(await download.path(), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 1, "only the route with a fixed day");
  assert.match(ics, /DTSTART;VALUE=DATE:20270501\r\n/);
  await page.selectOption("select[name=method]", "card");
  assert.equal(await page.isDisabled("[data-planner-ics]"), true, "nothing to add when no route has a fixed day");
  await context.close();
});

test("planner: without scripts the form stays hidden and every route reads as plain HTML", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, PLANNER, { javaScriptEnabled: false });
  assert.equal(await page.isVisible("[data-planner-form]"), false);
  const ids = await page.$$eval("[data-route-static]", (els) => els.map((e) => e.dataset.routeStatic));
  assert.deepEqual(ids, ["trade-assurance", "paypal", "card-chargeback", "bank-recall", "wechat-alipay-police", "provider", "report-fraud", "report-police"]);
  assert.match(await page.locator('[data-route-static="paypal"]').textContent(), /180 calendar days after the payment date/);
  await context.close();
});

test("sample size: lot 3,000 at level II — code letter K, 125 pieces, AQL 2.5 accepts 7 and rejects 8", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, INSPECTION);
  assert.equal(await page.inputValue("select[name=level]"), "II", "level II by default");
  await page.fill("input[name=lot_size]", "3000");
  const row = (aql) => page.locator(`[data-aql="${aql}"]`).evaluate((e) => ({ letter: e.dataset.codeLetter, n: e.dataset.sampleSize, ac: e.dataset.accept, re: e.dataset.reject }));
  assert.deepEqual(await row("2.5"), { letter: "K", n: "125", ac: "7", re: "8" });
  assert.deepEqual(await row("4.0"), { letter: "K", n: "125", ac: "10", re: "11" });
  assert.deepEqual(await page.$$eval("[data-aql]", (els) => els.map((e) => e.dataset.aql)), ["0.65", "1.0", "1.5", "2.5", "4.0", "6.5"], "one result per AQL ticked");

  await page.fill("input[name=lot_size]", "100");
  assert.deepEqual(await row("1.0"), { letter: "E", n: "13", ac: "0", re: "1" }, "F's arrow at AQL 1.0 leads up to E's plan");
  assert.deepEqual(await row("0.65"), { letter: "F", n: "20", ac: "0", re: "1" });
  await page.selectOption("select[name=level]", "S-1");
  assert.deepEqual(await row("2.5"), { letter: "C", n: "5", ac: "0", re: "1" }, "S-1 for 100 units is letter B; its arrow leads down to C");
  await page.check('input[name=aql][value="10"]');
  assert.ok(await page.locator('[data-aql="10"]').count(), "a ticked AQL is added");
  assert.equal(await page.locator("table[data-aql-code-letters] tbody tr").count(), 15, "the full code-letter table is on the page");
  assert.equal(await page.locator("table[data-aql-plans] tbody tr").count(), 16);
  assertClean(assert, problems, INSPECTION);
  await context.close();
});

test("both tools have no WCAG A/AA violations once filled in, in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const p = await openAt(PLANNER + "#method=trade_assurance&paid_on=2026-10-01&received_on=2026-11-20&problem=not_received", "2026-12-15T12:00:00Z", { colorScheme });
    assert.deepEqual(await violations(p.page), [], `${PLANNER} (${colorScheme})`);
    await p.context.close();
    const a = await openPage(env.browser, env.site.base, INSPECTION, { colorScheme });
    await a.page.fill("input[name=lot_size]", "5");
    await a.page.check('input[name=aql][value="10"]');
    assert.deepEqual(await violations(a.page), [], `${INSPECTION} (${colorScheme})`);
    await a.context.close();
  }
});

test("print: the planner's results and the sample size tables fit an A4 page", async () => {
  for (const [path, prep] of [
    [PLANNER + "#method=paypal&paid_on=2026-11-02&problem=not_received", async () => {}],
    [INSPECTION, async (page) => page.fill("input[name=lot_size]", "3000")],
  ]) {
    const { page, context } = await openAt(path, "2026-12-06T10:00:00Z");
    await prep(page);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794 - 76, height: 1000 });
    const out = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const wide = [];
      for (const el of document.querySelectorAll(".tool li, .tool table, .aql-table, .route-list li")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > limit + 1) wide.push(`${el.tagName} ${el.textContent.slice(0, 40)} (${Math.round(r.right)} > ${limit})`);
      }
      const shown = (sel) => Array.from(document.querySelectorAll(sel)).some((e) => e.getBoundingClientRect().height > 0);
      return { wide, results: shown("[data-deadline], [data-aql]"), button: shown("[data-planner-ics]") };
    });
    assert.deepEqual(out.wide, [], `${path}: nothing wider than the page`);
    assert.equal(out.results, true, `${path}: the results print`);
    assert.equal(out.button, false, `${path}: the calendar button does not print`);
    await context.close();
  }
});

test("offline: after one visit both tools work with the network gone", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/", { serviceWorkers: "allow" });
  await page.waitForFunction(() => document.querySelector("[data-offline-status]")?.dataset.offlineStatus === "ready", null, { timeout: 90_000 });
  await context.setOffline(true);
  await page.goto(env.site.base + "playbook/deadlines/#method=paypal&paid_on=2026-11-02&problem=not_received");
  await page.waitForSelector('[data-deadline="paypal"]');
  assert.equal(await page.locator('[data-deadline="paypal"]').getAttribute("data-last-day"), "2027-05-01");
  await page.goto(env.site.base + "guide/inspection/");
  await page.fill("input[name=lot_size]", "3000");
  assert.equal(await page.locator('[data-aql="2.5"]').getAttribute("data-accept"), "7");
  await context.close();
});
