// Training cases and sessions, under the production headers: grading all
// right, all wrong and partial against the page's answer key, the key
// checked against the checker itself (its "open in checker" link), a pack
// with an unknown slug ending in a summary that downloads as JSON, the
// trainers' pack builder, keyboard-only use, and axe on graded pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { openPage, assertClean } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const publicDir = join(import.meta.dirname, "..", "..", "public");

const env = useSite();

const key = (page) => page.$eval("script[data-answer-key]", (s) => JSON.parse(s.textContent));
const grade = (page) => page.$eval("[data-grade]", (g) => ({ ...g.dataset }));
const split = (s) => (s ? s.split(",") : []);

async function answer(page, flags, band) {
  for (const id of flags) await page.check(`input[name="flag"][value="${id}"]`);
  await page.check(`input[name="band"][value="${band}"]`);
  await page.click("[data-grade-submit]");
  await page.waitForSelector("[data-grade]");
}

const otherBand = (b) => (b === "low" ? "critical" : "low");

test("/training/ lists every case, easy to hard, with a[data-case] links", async () => {
  const built = (await readdir(join(publicDir, "training"), { withFileTypes: true }))
    .filter((d) => d.isDirectory() && d.name !== "trainers").map((d) => d.name);
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/training/");
  const listed = await page.$$eval("a[data-case]", (as) => as.map((a) => a.dataset.case));
  assert.ok(listed.length >= 12, `${listed.length} cases listed`);
  assert.deepEqual([...listed].sort(), [...built].sort(), "every built case is listed, and nothing else");
  const levels = await page.$$eval("a[data-case] + .level", (s) => s.map((e) => e.className.replace(/.*level-/, "")));
  const rank = { easy: 0, medium: 1, hard: 2 };
  assert.deepEqual(levels.map((l) => rank[l]), levels.map((l) => rank[l]).sort(), "easy before medium before hard");
  assertClean(assert, problems, "/training/");
  await context.close();
});

test("grading: all right, all wrong, partial; the key agrees with the checker", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/training/pop-up-phone-stands/");
  const k = await key(page);
  const right = k.findings.map((f) => f.id);
  const distractors = k.options.map((o) => o.id).filter((id) => !right.includes(id));
  assert.ok(right.length >= 2 && distractors.length >= 4, "the case has findings and distractors");
  const offered = await page.$$eval('input[name="flag"]', (is) => is.map((i) => i.value));
  assert.deepEqual([...offered].sort(), k.options.map((o) => o.id).sort(), "every option is a checkbox");
  assert.deepEqual(await page.$$eval('input[name="band"]', (is) => is.map((i) => i.value)), ["low", "moderate", "high", "critical"]);

  await answer(page, right, k.band);
  let g = await grade(page);
  assert.deepEqual(split(g.caught).sort(), [...right].sort());
  assert.equal(g.missed, "");
  assert.equal(g.falseAlarms, "");
  assert.equal(g.expectedBand, k.band);
  assert.equal(g.bandCorrect, "true");
  const links = await page.$$eval("[data-grade] .grade-caught a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.every((h) => h.startsWith("/red-flags/")), `caught flags link to red-flag pages: ${links}`);

  // The open-in-checker link carries the profile: the checker scores it to the same key.
  const href = await page.$eval("[data-grade] a[data-open-in-checker]", (a) => a.getAttribute("href"));
  assert.match(href, /^\/check\/#.*store_years=0\.5/);
  const checker = await context.newPage();
  await checker.goto(env.site.base + href.slice(1));
  await checker.waitForSelector("[data-result][data-score]", { timeout: 20_000 });
  const result = await checker.evaluate(() => {
    const r = document.querySelector("[data-result]");
    return { band: r.dataset.band, score: Number(r.dataset.score), findings: Array.from(r.querySelectorAll('[data-list="findings"] > li'), (li) => li.dataset.key) };
  });
  assert.deepEqual(result, { band: k.band, score: k.score, findings: right }, "the checker agrees with the answer key");
  const version = await page.$eval("[data-exercise]", (e) => e.dataset.rulesVersion);
  assert.match(href, new RegExp(`[#&]rules_version=${version}(&|$)`), "the link names the rules version of the key");
  assert.equal(await checker.$("[data-rescored]"), null, "the checker does not re-score it as an older link");
  await checker.close();

  // Untick everything, then tick only distractors and a wrong band.
  for (const id of right) await page.uncheck(`input[name="flag"][value="${id}"]`);
  await answer(page, distractors.slice(0, 3), otherBand(k.band));
  g = await grade(page);
  assert.equal(g.caught, "");
  assert.deepEqual(split(g.missed).sort(), [...right].sort());
  assert.deepEqual(split(g.falseAlarms).sort(), distractors.slice(0, 3).sort());
  assert.equal(g.bandCorrect, "false");
  assert.equal(g.expectedBand, k.band);

  // Partial: one right, one wrong; the earlier distractors unticked.
  for (const id of distractors.slice(0, 3)) await page.uncheck(`input[name="flag"][value="${id}"]`);
  await answer(page, [right[0], distractors[3]], k.band);
  g = await grade(page);
  assert.equal(g.caught, right[0]);
  assert.deepEqual(split(g.missed).sort(), right.slice(1).sort());
  assert.equal(g.falseAlarms, distractors[3]);
  assert.equal(g.bandCorrect, "true");
  assertClean(assert, problems, "case page");
  await context.close();
});

test("a low-risk case grades 'no flags, low' as right", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/training/small-order-paid-in-full/");
  const k = await key(page);
  assert.equal(k.band, "low");
  await answer(page, k.findings.map((f) => f.id), "low");
  const g = await grade(page);
  assert.equal(g.bandCorrect, "true");
  assert.equal(g.missed, "");
  await context.close();
});

test("submitting without a band asks for one and grades nothing", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/training/pay-my-alipay/");
  await page.click("[data-grade-submit]");
  assert.equal(await page.isVisible("[data-exercise-error]"), true);
  assert.equal(await page.$("[data-grade]"), null);
  await context.close();
});

test("keyboard only: tick, choose, submit, land on the result", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/training/pay-my-alipay/");
  const k = await key(page);
  const first = k.options[0].id;
  await page.focus(`input[name="flag"][value="${first}"]`);
  await page.keyboard.press("Space");
  // Tab through the remaining checkboxes into the band group, then pick with arrows.
  const n = k.options.length;
  for (let i = 1; i < n; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.name), "band");
  await page.keyboard.press("Space"); // selects the focused radio (low)
  await page.keyboard.press("ArrowDown"); // moderate
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute("data-grade-submit")), true);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-grade]");
  const g = await grade(page);
  const right = k.findings.some((f) => f.id === first);
  assert.equal(right ? g.caught : g.falseAlarms, first);
  assert.equal(g.bandCorrect, String(k.band === "moderate"));
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute("data-grade-output")), true, "focus moves to the result");
  assertClean(assert, problems, "keyboard");
  await context.close();
});

test("a pack runs its cases in order, names an unknown slug, and ends with a summary", async () => {
  const path = "/training/?pack=pay-my-alipay,no-such-case,qq-mailbox-trader";
  const { page, context, problems } = await openPage(env.browser, env.site.base, path, { acceptDownloads: true });
  const notice = await page.textContent("[data-pack-unknown]");
  assert.match(notice, /no-such-case/);
  assert.equal(await page.isVisible("[data-case-list]"), false);

  // Case 1: everything right.
  await page.waitForSelector('[data-pack-case="pay-my-alipay"] [data-exercise]');
  let k = await page.$eval('[data-pack-case="pay-my-alipay"] script[data-answer-key]', (s) => JSON.parse(s.textContent));
  await answer(page, k.findings.map((f) => f.id), k.band);
  assert.equal((await grade(page)).bandCorrect, "true");
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute("data-grade-output")), true, "focus stays on the grade just shown");
  // Case 2 loads below, with its own form; case 1's form is gone.
  await page.waitForSelector('[data-pack-case="qq-mailbox-trader"] [data-exercise]');
  assert.equal(await page.$$eval("form[data-exercise-form]", (f) => f.length), 1);
  k = await page.$eval('[data-pack-case="qq-mailbox-trader"] script[data-answer-key]', (s) => JSON.parse(s.textContent));
  await page.check(`input[name="band"][value="critical"]`);
  await page.click("[data-grade-submit]");
  await page.waitForSelector("[data-training-summary]");
  assert.equal(await page.$$eval("[data-grade]", (g) => g.length), 1, "one graded result at a time");

  const rows = await page.$$eval("[data-training-summary] tr[data-summary-case]", (rs) => rs.map((r) => ({ ...r.dataset })));
  assert.deepEqual(rows.map((r) => r.summaryCase), ["pay-my-alipay", "qq-mailbox-trader"]);
  assert.equal(rows[0].bandCorrect, "true");
  assert.equal(rows[0].flagsCaught, rows[0].flagsTotal);
  assert.equal(rows[1].bandCorrect, "false");
  assert.equal(rows[1].flagsCaught, "0");
  assert.equal(rows[1].flagsTotal, String(k.findings.length));

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-summary-download]")]);
  const json = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(json.format, "safesource-training");
  assert.deepEqual(json.pack, ["pay-my-alipay", "qq-mailbox-trader"]);
  assert.deepEqual(json.unknown, ["no-such-case"]);
  assert.equal(json.results[1].band_correct, false);
  assert.match(String(json.rules_version), /^\d+$/, "the export names the rules version that graded it");

  // Printing shows the summary, not the forms or navigation.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("[data-training-summary] table"), true);
  assert.equal(await page.isVisible(".summary-actions"), false);
  assert.equal(await page.isVisible(".sidebar"), false);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal overflow in print (${overflow}px)`);
  await page.emulateMedia({ media: "screen" });

  // Progress is in sessionStorage only, and a reload resumes at the summary.
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector("[data-training-summary]");
  assertClean(assert, problems, "pack");
  const offsiteOrPost = problems.requests.filter((u) => !u.startsWith(env.site.base));
  assert.deepEqual(offsiteOrPost, [], "nothing leaves the site");
  await context.close();
});

test("a pack of only unknown slugs says so and keeps the list", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/training/?pack=nope,%3Cb%3Ex%3C/b%3E");
  assert.match(await page.textContent("[data-pack-unknown]"), /nope.*<b>x<\/b>/);
  assert.equal(await page.isVisible("[data-case-list]"), true);
  assert.equal(await page.$("[data-pack-unknown] b"), null, "slugs are shown as text");
  assertClean(assert, problems, "empty pack");
  await context.close();
});

test("the trainers' page builds a pack link", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/training/trainers/");
  await page.check('input[name="case"][value="pop-up-phone-stands"]');
  await page.check('input[name="case"][value="no-visits-please"]');
  const link = await page.inputValue("[data-pack-link]");
  assert.match(link, /\/training\/\?pack=pop-up-phone-stands,no-visits-please$/);
  await page.click("[data-pack-open]");
  await page.waitForSelector('[data-pack-case="pop-up-phone-stands"] [data-exercise]');
  assertClean(assert, problems, "trainers");
  await context.close();
});

test("graded case and finished session have no WCAG A/AA violations in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, context } = await openPage(env.browser, env.site.base, "/training/?pack=pay-my-alipay", { colorScheme });
    await page.waitForSelector("[data-exercise]");
    await answer(page, [], "high");
    await page.waitForSelector("[data-training-summary]");
    await page.evaluate(axeSource);
    const r = await page.evaluate(() => globalThis.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`), [], colorScheme);
    await context.close();
  }
});
