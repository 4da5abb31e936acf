// Checker v2 in the browser: the new questions, rules_version on the result
// and in links, the changes that would lower the score, and the formats
// written before versions existed (v1 share links, a v1 saved list in
// localStorage, v1 JSON and CSV exports). Expected results come from the
// command-line checker; the old scores come from checker/testdata/v1, which
// the v1 command line wrote.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, assertClean } from "./harness.mjs";
import { fragment, root } from "./checker-lib.mjs";
import { useSite } from "./setup.mjs";

const env = useSite({ cli: true });
let rules;
before(() => { rules = env.cli.rules(); });

const v1 = (name) => join(root, "checker/testdata/v1", name);
const scored = (page) => page.waitForSelector("[data-result][data-score]", { timeout: 30_000 });
const BANDS = ["low", "moderate", "high", "critical"];

test("the new questions are in the form with help on where to check them", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/");
  const where = { registry_status: "gsxt.gov.cn", court_enforcement: "zxgk.court.gov.cn", payee: "legal name", bank_details_changed: "account" };
  const values = {
    registry_status: ["active", "abnormal_operations", "revoked_or_cancelled", "not_found", "unknown"],
    court_enforcement: ["none", "enforcement_records", "dishonest_debtor", "unknown"],
    payee: ["contract_company", "platform", "other_company", "individual", "unknown"],
    bank_details_changed: ["no", "yes", "unknown"],
  };
  for (const [id, vals] of Object.entries(values)) {
    for (const v of vals) assert.equal(await page.locator(`input[type=radio][name="${id}"][value="${v}"]`).count(), 1, `${id}=${v}`);
    assert.ok((await page.locator(`#help-${id}`).textContent()).includes(where[id]), `${id} help says where to check`);
  }
  assert.equal(await page.locator("[data-result]").getAttribute("data-rules-version"), String(rules.version));
  await scored(page);
  assertClean(assert, problems, "new questions");
  await context.close();
});

test("changed bank details: at least high, the call-back first, improvements as the CLI computes them", async () => {
  const profile = { supplier_name: "Changed Account Co", platform: "alibaba", store_years: 2.5, payee: "other_company", bank_details_changed: "yes",
    payment_method: "company_bank_transfer", factory_check: "photos_only", samples: "not_requested", court_enforcement: "enforcement_records" };
  const [want] = env.cli.score([profile]);
  assert.ok(want.improvements.length > 0, "the CLI lists improvements for this profile");
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/" + fragment(profile, rules.version));
  await scored(page);
  const got = await page.evaluate(() => {
    const r = document.querySelector("[data-result]");
    return {
      score: Number(r.dataset.score), band: r.dataset.band, version: r.dataset.rulesVersion,
      actions: Array.from(r.querySelectorAll('[data-list="actions"] > li'), (li) => li.dataset.key),
      improvements: Array.from(r.querySelectorAll("[data-improvement]"), (li) => ({
        question: li.dataset.improvement, answer: li.dataset.answer, score_after: Number(li.dataset.scoreAfter),
        guide: li.querySelector("a").getAttribute("href"), text: li.textContent,
      })),
    };
  });
  assert.equal(got.score, want.score);
  assert.ok(BANDS.indexOf(got.band) >= BANDS.indexOf("high"), `band ${got.band}`);
  assert.equal(got.version, String(want.rules_version));
  assert.equal(got.actions[0], "confirm-bank-details", "the first action is the call-back");
  assert.match(await page.locator('[data-list="actions"] > li').first().textContent(), /phone number you already had/);
  assert.deepEqual(got.improvements.map(({ question, answer, score_after, guide }) => ({ question, answer, score_after, guide })), want.improvements);
  for (const m of got.improvements) assert.ok(m.text.includes(`${want.score} → ${m.score_after}`), `${m.question}: "${m.text}" shows the drop`);
  assertClean(assert, problems, "changed bank details");
  await context.close();
});

test("a share link made by the v1 page is scored again and says how the score moved", async () => {
  const links = readFileSync(v1("share-links.txt"), "utf8").split("\n").filter(Boolean);
  const old = JSON.parse(readFileSync(v1("cli-results.json"), "utf8"));
  const now = env.cli.scoreFiles(v1("profiles.json"));
  const context = await env.browser.newContext();
  for (const [i, link] of links.entries()) {
    const page = await context.newPage();
    await page.goto(env.site.base + link.replace(/^\//, ""));
    await scored(page);
    assert.equal(Number(await page.locator("[data-result]").getAttribute("data-score")), now[i].score, `${link}: current score`);
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    assert.equal(hash.get("rules_version"), String(rules.version), `${link}: the link now carries the current version`);
    const note = await page.locator("[data-rescored]").textContent();
    assert.ok(note.startsWith(`Scored again with rules v${rules.version}: ${old[i].score} → ${now[i].score}`), `${link}: ${note}`);
    await page.close();
  }
  // The Alibaba.com store of 2.5 years: the finding the v1 rules gave is named as gone.
  const page = await context.newPage();
  await page.goto(env.site.base + links[0].replace(/^\//, ""));
  await scored(page);
  assert.match(await page.locator("[data-rescored]").textContent(), /“Store has traded for less than three years” no longer applies/);
  // Answering something makes the answers the buyer's own: the note goes.
  await page.getByLabel("Received but not tested").check();
  assert.equal(await page.locator("[data-rescored]").count(), 0);
  await context.close();
});

test("a saved list from v1 still loads, is scored again, and says so", async () => {
  const doc = readFileSync(v1("saved-localstorage.json"), "utf8");
  const old = JSON.parse(doc).suppliers;
  const now = env.cli.scoreFiles(v1("profiles.json"));
  const context = await env.browser.newContext();
  await context.addInitScript((d) => {
    if (!localStorage.getItem("safesource-saved")) localStorage.setItem("safesource-saved", d);
  }, doc);
  const page = await context.newPage();
  await page.goto(env.site.base + "check/saved/", { waitUntil: "networkidle" });
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 30_000 });
  const status = await page.locator("[data-saved-status]").textContent();
  assert.match(status, /Scores were updated to the current rules/);
  assert.ok(status.includes(`Ningbo Bright Housewares: Scored again with rules v${rules.version}: ${old[0].score} → ${now[0].score}`), status);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("safesource-saved")));
  assert.equal(stored.format, "safesource-saved");
  assert.equal(stored.version, 1, "the document format is unchanged");
  for (const [i, e] of stored.suppliers.entries()) {
    assert.equal(e.rules_version, rules.version, `${e.id}: scored with the current rules`);
    assert.equal(e.score, now[i].score, `${e.id}: score`);
    assert.equal(e.notes, old[i].notes, `${e.id}: notes kept`);
    assert.equal(e.saved, old[i].saved, `${e.id}: saved date kept`);
  }
  // The "open" link carries the version the entry was scored with.
  assert.match(await page.locator("[data-saved-rows] a").first().getAttribute("href"), new RegExp(`rules_version=${rules.version}$`));
  await context.close();
});

test("JSON and CSV exported by the v1 saved page import and score as the CLI does", async () => {
  const now = env.cli.scoreFiles(v1("profiles.json"));
  for (const [name, type] of [["saved-export.json", "application/json"], ["saved-export.csv", "text/csv"]]) {
    const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/saved/");
    await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 30_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import JSON or CSV…" }).click()]);
    await chooser.setFiles({ name, mimeType: type, buffer: readFileSync(v1(name)) });
    await page.waitForFunction(() => /Imported/.test(document.querySelector("[data-saved-status]").textContent), null, { timeout: 30_000 });
    assert.match(await page.locator("[data-saved-status]").textContent(), new RegExp(`^Imported ${now.length} from “${name}”`));
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("safesource-saved")).suppliers);
    const byName = new Map(stored.map((e) => [e.profile.supplier_name, e]));
    const profiles = JSON.parse(readFileSync(v1("profiles.json"), "utf8"));
    for (const [i, p] of profiles.entries()) {
      const e = byName.get(p.supplier_name);
      assert.ok(e, `${name}: ${p.supplier_name} imported`);
      assert.equal(e.score, now[i].score, `${name}: ${p.supplier_name} score`);
      assert.equal(e.rules_version, rules.version);
    }
    assertClean(assert, problems, name);
    await context.close();
  }
});

test("the methodology page and the red-flag catalogue are generated from the rules data", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/methodology/");
  for (const c of rules.changelog) {
    const heading = page.locator(`#rules-v${c.version}`);
    assert.equal(await heading.count(), 1, `changelog heading for v${c.version}`);
    const list = await heading.locator("xpath=following-sibling::ul[1]").textContent();
    for (const line of c.summary) assert.ok(list.includes(line.slice(0, 40)), `v${c.version}: ${line.slice(0, 40)}`);
  }
  for (const id of ["registry_status", "court_enforcement", "payee", "bank_details_changed"]) {
    assert.equal(await page.locator(`#field-${id}`).count(), 1, `methodology lists ${id}`);
  }
  await page.goto(env.site.base + "red-flags/");
  for (const r of rules.rules) {
    const row = page.locator(`#finding-${r.id}`);
    assert.equal(await row.count(), 1, `catalogue row for ${r.id}`);
    assert.equal(await row.locator("td").first().locator("a").getAttribute("href"), r.guide.split("#")[0]);
  }
  for (const id of ["registry_status", "court_enforcement", "payee", "bank_details_changed"]) {
    assert.ok(await page.locator(`.checker-findings a[href="/check/#q-${id}"]`).count() >= 1, `catalogue links the ${id} question`);
  }
  assertClean(assert, problems, "methodology and catalogue");
  await context.close();
});
