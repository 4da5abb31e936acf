// Checker v4 in the browser: the documents' names and codes (licence,
// contract, seal, account, contract code, account country) are questions of
// the form; the result lists one row per document typed with how it
// compares (data-entity-document, data-entity-match), the answers the
// documents set aside, and marks each red flag with data-finding. Expected
// results come from the command-line checker.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { openPage, assertClean } from "./harness.mjs";
import { fragment } from "./checker-lib.mjs";
import { useSite } from "./setup.mjs";

const env = useSite({ cli: true });
let rules;
before(() => { rules = env.cli.rules(); });

const scored = (page) => page.waitForSelector("[data-result][data-score]", { timeout: 30_000 });

test("the new fields are in the form, the text ones as text boxes and the account's country as choices", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/");
  for (const id of ["licence_name", "contract_name", "contract_uscc", "seal_name", "payee_name"]) {
    assert.equal(await page.locator(`input[name="${id}"]:not([type=radio])`).count(), 1, `${id} has a text box`);
    assert.ok((await page.locator(`#help-${id}`).textContent()).length > 20, `${id} has help`);
  }
  for (const v of ["mainland_china", "hong_kong", "other", "unknown"]) {
    assert.equal(await page.locator(`input[type=radio][name="payee_bank_country"][value="${v}"]`).count(), 1, `payee_bank_country=${v}`);
  }
  await scored(page);
  assertClean(assert, problems, "new fields");
  await context.close();
});

test("a lookalike payee in Hong Kong: findings, entity rows and the set-aside answer as the CLI gives them", async () => {
  const profile = { supplier_name: "Lookalike Payee Co", platform: "alibaba", uscc: "91440300MA5FGH123Y",
    licence_name: "深圳市样例电子有限公司", contract_name: "深圳市样例电子有限公司", seal_name: "金华市远洋进出口贸易有限公司",
    payee_name: "深圳样例电子科技有限公司", payee_bank_country: "hong_kong", contract_uscc: "91440300MA5FGH1242",
    payee: "contract_company", license_matches_registry: "yes" };
  const [want] = env.cli.score([profile]);
  assert.ok(want.entity && want.entity.documents.length === 5, "the CLI gives five document rows");
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/" + fragment(profile, rules.version));
  await scored(page);
  const got = await page.evaluate(() => {
    const r = document.querySelector("[data-result]");
    return {
      score: Number(r.dataset.score), band: r.dataset.band,
      findings: Array.from(r.querySelectorAll('[data-list="findings"] > li'), (li) => li.dataset.finding),
      rows: Array.from(r.querySelectorAll("[data-entity-document]"), (li) => ({ document: li.dataset.entityDocument, match: li.dataset.entityMatch, text: li.textContent })),
      setAside: Array.from(r.querySelectorAll("[data-set-aside]"), (li) => ({ question: li.dataset.setAside, text: li.textContent })),
      code: r.querySelector("[data-entity-code]").textContent,
      empty: r.querySelector('[data-empty="entity"]').hidden,
    };
  });
  assert.equal(got.score, want.score);
  assert.equal(got.band, want.band);
  assert.deepEqual(got.findings, want.findings.map((f) => f.id), "each red flag carries its id in data-finding");
  for (const id of ["lookalike-name", "contract-name-mismatch", "uscc-mismatch", "payee-offshore"]) assert.ok(got.findings.includes(id), id);
  assert.deepEqual(got.rows.map(({ document, match }) => ({ document, match })), want.entity.documents.map(({ document, match }) => ({ document, match })));
  assert.ok(got.rows.find((r) => r.document === "payee").text.includes("深圳样例电子科技有限公司"), "the payee row shows the name typed");
  assert.deepEqual(got.setAside.length, want.entity.set_aside.length);
  const payee = got.setAside.find((s) => s.question === "payee");
  assert.ok(payee, `set aside: ${JSON.stringify(got.setAside)}`);
  // In the form's words: the question's label and the answer's label, not their ids.
  assert.ok(payee.text.includes("Whose account receives the money?") && payee.text.includes("An account in the exact legal name") && payee.text.includes("lookalike"), payee.text);
  assert.ok(got.code.includes("Registered as an enterprise"), `code sentence: ${got.code}`);
  assert.ok(got.code.includes("Hong Kong"), "the account's country is said");
  assert.equal(got.empty, true, "the empty-section text is hidden");
  assertClean(assert, problems, "lookalike payee");
  await context.close();
});

test("an individual business posing as a factory: the entity finding is marked, no document rows", async () => {
  const profile = { supplier_name: "Workshop Co", platform: "1688", uscc: "92330782MA2EXK7Q1Y", claims_factory: "yes", employees: 500 };
  const [want] = env.cli.score([profile]);
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/" + fragment(profile, rules.version));
  await scored(page);
  for (const id of ["individual-business-claims-factory", "individual-business"]) {
    assert.equal(await page.locator(`[data-list="findings"] > li[data-finding="${id}"]`).count(), 1, id);
  }
  assert.equal(await page.locator("[data-entity-document]").count(), 0);
  assert.equal(await page.locator("[data-result]").getAttribute("data-band"), want.band);
  assert.match(await page.locator("[data-entity-code]").textContent(), /individual business/);
  assertClean(assert, problems, "individual business");
  await context.close();
});
