// Saved suppliers (/check/saved/): saving from the checker, the side-by-side
// table (sort, notes, open, delete and undo), export and import as JSON and
// as the CLI's CSV (checked against the CLI), rejected imports that change
// nothing, script-like text that stays text, and a damaged list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, assertClean } from "./harness.mjs";
import { fragment, root } from "./checker-lib.mjs";
import { useSite } from "./setup.mjs";

const env = useSite({ cli: true });

const KEY = "safesource-saved";
const EVIL_NAME = "<img src=x onerror=\"window.__pwned=1\">";
const EVIL_NOTES = "<script>window.__pwned=2</script> & <b>bold</b>";
const example = (name) => JSON.parse(readFileSync(join(root, "checker/testdata/profiles", name), "utf8"));
const corpus = () => JSON.parse(readFileSync(join(root, "tests/browser/testdata/profiles.json"), "utf8"));

async function savedPage(context) {
  const page = await context.newPage();
  await page.goto(env.site.base + "check/saved/", { waitUntil: "networkidle" });
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 20_000 });
  return page;
}

/** The table as the reader sees it: name, score, band words, notes. */
function table(page) {
  return page.$$eval("[data-saved-rows] tr", (rows) => rows.map((tr) => ({
    name: tr.querySelector("th").textContent,
    score: Number(tr.querySelector('[data-cell="score"]').textContent),
    band: tr.querySelector('[data-cell="band"]')?.className.replace(/.*band-/, ""),
    bandText: tr.querySelector('[data-cell="band"]')?.textContent,
    notes: tr.querySelector("textarea").value,
    saved: tr.querySelector("time").getAttribute("datetime"),
  })));
}

async function importFile(page, name, content, mimeType = "application/octet-stream") {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import JSON or CSV…" }).click()]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(content) });
}

const status = (page) => page.locator("[data-saved-status]").textContent();

async function saveFromChecker(page, profile, notes = "") {
  await page.goto("about:blank"); // a fresh load, not a same-page fragment change
  await page.goto(env.site.base + "check/" + fragment(profile));
  await page.waitForSelector("[data-result][data-score]");
  await page.locator("[data-notes]").fill(notes);
  await page.getByRole("button", { name: "Save supplier" }).click();
  return page.locator("[data-action-status]").textContent();
}

test("suppliers saved on the checker are listed with score, band, date and notes, and sort", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, null);
  const a = { ...example("payment-diversion.json"), supplier_name: EVIL_NAME };
  const b = example("model-supplier.json");
  const c = example("fake-factory.json");
  assert.match(await saveFromChecker(page, a, EVIL_NOTES), /^Saved “/);
  assert.match(await saveFromChecker(page, b, "visited in May"), /^Saved “Ningbo/);
  assert.match(await saveFromChecker(page, { ...c, samples: "passed" }), /^Saved “Dongguan/);
  // Saving the same name again updates it (and keeps its notes).
  assert.match(await saveFromChecker(page, c), /^Updated “Dongguan Precision Factory”/);
  const wants = env.cli.score([a, b, c]);

  const list = await savedPage(context);
  const rows = await table(list);
  assert.equal(rows.length, 3);
  for (const [i, p] of [a, b, c].entries()) {
    const row = rows.find((r) => r.name === p.supplier_name);
    assert.ok(row, `${p.supplier_name} listed`);
    assert.equal(row.score, wants[i].score, `${p.supplier_name}: score as the CLI`);
    assert.equal(row.band, wants[i].band, `${p.supplier_name}: band as the CLI`);
    assert.match(row.bandText, /risk$/, "band in words");
    assert.ok(!Number.isNaN(Date.parse(row.saved)), "date");
  }
  assert.equal(rows.find((r) => r.name === EVIL_NAME).notes, EVIL_NOTES, "notes kept as text");
  assert.equal(await list.locator("[data-saved-rows] img, [data-saved-rows] script, [data-saved-rows] b").count(), 0, "no markup from names or notes");
  assert.equal(await list.evaluate(() => window.__pwned), undefined);

  // Sort by score: descending first, then ascending; aria-sort follows.
  await list.getByRole("button", { name: "Score" }).click();
  let scores = (await table(list)).map((r) => r.score);
  assert.deepEqual(scores, [...scores].sort((x, y) => y - x));
  assert.equal(await list.locator('th[data-sort-col="score"]').getAttribute("aria-sort"), "descending");
  await list.getByRole("button", { name: "Score" }).click();
  scores = (await table(list)).map((r) => r.score);
  assert.deepEqual(scores, [...scores].sort((x, y) => x - y));
  await list.getByRole("button", { name: "Supplier" }).click();
  const names = (await table(list)).map((r) => r.name.toLowerCase());
  assert.deepEqual(names, [...names].sort());
  assert.equal(await list.locator('th[data-sort-col="score"]').getAttribute("aria-sort"), null);

  // Notes edited in the table are kept.
  await list.getByLabel("Notes for Ningbo Reliable Home Goods Co., Ltd.").fill("second visit booked");
  await list.getByLabel("Notes for Ningbo Reliable Home Goods Co., Ltd.").blur();
  const stored = await list.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  assert.equal(stored.suppliers.find((e) => e.profile.supplier_name.startsWith("Ningbo")).notes, "second visit booked");

  // Open goes back to the checker with the same answers and result.
  await list.getByRole("link", { name: /Open Ningbo/ }).click();
  await list.waitForSelector("[data-result][data-score]");
  assert.equal(Number(await list.locator("[data-result]").getAttribute("data-score")), wants[1].score);
  assert.equal(await list.locator("#f-supplier_name").inputValue(), b.supplier_name);
  assertClean(assert, problems, "save and list");
  await context.close();
});

test("CSV export is what the CLI reads and scores the same; JSON export moves the list to another browser", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/saved/");
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached" });
  // Start from the CLI's own JSON input: a list of profiles.
  await importFile(page, "profiles.json", readFileSync(join(root, "tests/browser/testdata/profiles.json")));
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length > 0);
  assert.match(await status(page), /^Imported 8 from “profiles.json”: 8 new, 0 updated\.$/);
  await page.getByLabel(/^Notes for Cheap brand goods$/).fill("notes, with \"quotes\"\nand a new line");
  await page.getByLabel(/^Notes for Cheap brand goods$/).blur();
  const rows = await table(page);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  assert.match(csv.suggestedFilename(), /^safesource-suppliers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvFile = join(env.cli.dir, "export.csv");
  await csv.saveAs(csvFile);
  const text = readFileSync(csvFile, "utf8");
  assert.match(text.replace(/^\uFEFF/, ""), /^supplier_name,platform,uscc,/, "header row of field ids");
  assert.ok(text.includes(';'), "list values separated by ;");
  const fromCLI = env.cli.scoreFiles(csvFile);
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).suppliers, KEY);
  assert.equal(fromCLI.length, stored.length);
  for (const [i, e] of stored.entries()) {
    assert.equal(fromCLI[i].score, e.score, `${e.profile.supplier_name}: CLI score of the exported row`);
    assert.equal(fromCLI[i].band, e.band);
  }

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
  const jsonFile = join(env.cli.dir, "export.json");
  await json.saveAs(jsonFile);
  const other = await env.browser.newContext();
  const fresh = await savedPage(other);
  assert.ok(await fresh.locator("[data-saved-empty]").isVisible(), "a fresh browser starts empty");
  await importFile(fresh, "export.json", readFileSync(jsonFile));
  await fresh.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length > 0);
  const moved = await table(fresh);
  const key = (r) => `${r.name}|${r.score}|${r.band}|${r.notes}|${r.saved}`;
  assert.deepEqual(moved.map(key).sort(), rows.map(key).sort());
  assert.ok(moved.some((r) => r.notes === "notes, with \"quotes\"\nand a new line"), "edited notes travel");
  // Importing the same export again updates rather than duplicates.
  await importFile(fresh, "export.json", readFileSync(jsonFile));
  await fresh.waitForFunction(() => /updated/.test(document.querySelector("[data-saved-status]").textContent));
  assert.match(await status(fresh), /0 new, 8 updated/);
  assert.equal((await table(fresh)).length, 8);
  await other.close();
  assertClean(assert, problems, "export");
  await context.close();
});

test("the CLI's CSV imports and scores as the CLI does", async () => {
  const file = join(root, "checker/profiles/testdata/same.csv");
  const [want] = env.cli.scoreFiles(file);
  const { page, context } = await openPage(env.browser, env.site.base, "/check/saved/");
  await importFile(page, "same.csv", readFileSync(file), "text/csv");
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 1);
  const [row] = await table(page);
  assert.equal(row.name, "Same Supplier, Ltd.");
  assert.equal(row.score, want.score);
  assert.equal(row.band, want.band);
  await context.close();
});

test("a bad or foreign import is rejected with a clear message and changes nothing", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/saved/");
  await importFile(page, "one.json", JSON.stringify([{ supplier_name: "Keep Me", samples: "passed" }]));
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 1);
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  const bad = readFileSync(join(root, "checker/testdata/profiles/bad-values.json"));
  // Every file is read by the checker: the problems are the CLI's, placed by line.
  const cases = [
    ["header.csv", "supplier_name,paymnet_method\nA,paypal\n", [/line 1: paymnet_method: unknown column 2: unknown field \(did you mean "payment_method"\?\)/]],
    ["value.csv", "supplier_name,samples,store_years\nA,passed,1\nB,ok,two\n", [/line 3: samples: unknown value "ok"/, /line 3: store_years: expected a number, got "two"/]],
    ["cells.csv", "supplier_name,samples\nA,passed,extra\n", [/line 2: this row has a different number of cells than the header/]],
    ["quote.csv", "supplier_name,samples\n\"A,passed\n", [/line 2: malformed CSV: a quoted cell is not closed/]],
    ["bare.csv", "supplier_name,samples\nA \"B\",passed\n", [/line 2: malformed CSV: a quote \("\) inside a cell that does not start with one/]],
    ["header-only.csv", "supplier_name,samples\n", [/line 2: the file has a header row but no profiles/]],
    ["syntax.json", "{\"supplier_name\": \"A\",", [/line 1: invalid JSON: unexpected end of input/]],
    ["foreign.json", JSON.stringify({ hello: "world", items: [1, 2] }), [/line 1: hello: unknown field/]],
    ["newer.json", JSON.stringify({ format: "safesource-saved", version: 9, suppliers: [] }), [/newer version of SafeSource \(format version 9\)/]],
    ["bad-values.json", bad, [/line 3: paymnet_method: unknown field \(did you mean "payment_method"\?\)/, /line 5: deposit_percent: 150 is above the maximum/, /line 6: employees: 7\.5 is not a whole number/]],
    ["empty.csv", "", [/line 1: the file is empty: expected a header row of field ids/]],
    ["notes.txt", "supplier_name\nA\n", [/not a \.json or \.csv file/]],
  ];
  for (const [name, content, expect] of cases) {
    await page.evaluate(() => { document.querySelector("[data-saved-status]").textContent = ""; });
    await importFile(page, name, content);
    await page.waitForFunction(() => /Nothing was imported/.test(document.querySelector("[data-saved-status]").textContent));
    const text = await status(page);
    assert.match(text, new RegExp(`^Nothing was imported from “${name.replace(".", "\\.")}”: `), name);
    for (const re of expect) assert.match(text, re, `${name}: ${text}`);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before, `${name} changed nothing`);
    assert.equal((await table(page)).length, 1);
  }
  assertClean(assert, problems, "rejected imports");
  await context.close();
});

test("script-like text in imported files is shown as text", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/saved/");
  const csv = `supplier_name,samples\n"${EVIL_NAME.replace(/"/g, '""')}",failed\n`;
  await importFile(page, "evil.csv", csv, "text/csv");
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 1);
  const doc = { format: "safesource-saved", version: 1, suppliers: [{ notes: EVIL_NOTES, saved: "2026-11-20T08:00:00Z", profile: { supplier_name: "<b>Bold</b> & Co", samples: "refused" } }] };
  await importFile(page, "<svg onload=alert(1)>.json", JSON.stringify(doc));
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 2);
  const rows = await table(page);
  assert.deepEqual(rows.map((r) => r.name).sort(), ["<b>Bold</b> & Co", EVIL_NAME]);
  assert.equal(rows.find((r) => r.name.startsWith("<b>")).notes, EVIL_NOTES);
  assert.match(await status(page), /“<svg onload=alert\(1\)>\.json”/, "file name shown as text");
  assert.equal(await page.locator("main img, main svg, main b, main script:not([src])").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertClean(assert, problems, "payloads");
  await context.close();
});

test("delete one or all, each with undo; focus stays on something useful", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/check/saved/");
  await importFile(page, "three.json", JSON.stringify(corpus().slice(0, 3)));
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 3);
  // Keyboard: Tab to a Delete button and press Enter.
  const target = "Delete Pop-up with a big prepayment";
  for (let i = 0; i < 200 && (await page.evaluate(() => document.activeElement.textContent)) !== target; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal((await table(page)).length, 2);
  assert.match(await status(page), /Deleted “Pop-up with a big prepayment”/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), "undo", "focus on Undo");
  await page.keyboard.press("Enter");
  assert.equal((await table(page)).length, 3);
  assert.match(await status(page), /Restored/);
  await page.getByRole("button", { name: "Delete all" }).click();
  assert.equal((await table(page)).length, 0);
  assert.ok(await page.locator("[data-saved-empty]").isVisible());
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  assert.equal(await page.getByRole("button", { name: "Export CSV" }).isDisabled(), true);
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal((await table(page)).length, 3);
  await context.close();
});

test("a damaged saved list is reported and never overwritten", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, null);
  await page.goto(env.site.base + "check/saved/");
  await page.evaluate((k) => localStorage.setItem(k, "{not json"), KEY);
  await page.reload({ waitUntil: "networkidle" });
  assert.match(await status(page), /could not be read .*It was left as it is/);
  await importFile(page, "one.json", JSON.stringify({ supplier_name: "X" }));
  assert.match(await status(page), /could not be read/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), "{not json");
  assert.match(await saveFromChecker(page, { supplier_name: "Y" }), /could not be read/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), "{not json", "saving did not overwrite it");
  await page.goto(env.site.base + "check/saved/");
  await page.getByRole("button", { name: "Delete all" }).click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await context.close();
});

test("the saved list fits a 360 px screen", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/saved/", { viewport: { width: 360, height: 740 } });
  await importFile(page, "p.json", JSON.stringify(corpus()));
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 8);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  assertClean(assert, problems, "360 px");
  await context.close();
});

test("the export a team edits in a spreadsheet comes back in", async () => {
  // A CSV as spreadsheets write it: BOM, CRLF, quoted cells, "none" and ";" lists, blank cells.
  const csv = "\uFEFFsupplier_name,badges,store_years,payment_method,uscc\r\n\"Quoted, Name \"\"Ltd\"\"\",none,2.5,paypal,\r\n Spaced Co ,trade_assurance;chengxintong,,,91330100716105852F\r\n";
  const file = join(env.cli.dir, "sheet.csv");
  writeFileSync(file, csv);
  const wants = env.cli.scoreFiles(file);
  const { page, context } = await openPage(env.browser, env.site.base, "/check/saved/");
  await importFile(page, "sheet.csv", csv, "text/csv");
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 2);
  const rows = await table(page);
  const quoted = rows.find((r) => r.name === 'Quoted, Name "Ltd"');
  const spaced = rows.find((r) => r.name === "Spaced Co");
  assert.ok(quoted && spaced, JSON.stringify(rows));
  assert.equal(quoted.score, wants[0].score);
  assert.equal(spaced.score, wants[1].score);
  await context.close();
});

test("without JavaScript the page says why it is empty and shows no buttons that cannot work", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/check/saved/", { javaScriptEnabled: false });
  assert.ok(await page.getByText(/JavaScript/).first().isVisible(), "the noscript explanation is shown");
  for (const sel of ["[data-saved-toolbar]", "[data-saved-help]", "[data-saved-empty]"]) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} is hidden without script`);
  }
  await context.close();
});

test("an empty list starts no checker (worker and WebAssembly) until an import needs it", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, null);
  // The worker's script and its WebAssembly, from the page or the worker.
  const loads = [];
  context.on("request", (r) => { if (/\/assets\/checker-worker\.[^/]*\.js$|\.wasm$/.test(r.url())) loads.push(r.url()); });
  const checkerLoads = () => loads;
  await page.goto(env.site.base + "check/saved/", { waitUntil: "networkidle" });
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached" });
  await page.waitForTimeout(500); // the check would otherwise run before an idle-time start
  assert.deepEqual(checkerLoads(), [], "nothing of the checker is fetched for an empty list");
  await importFile(page, "one.json", JSON.stringify([{ supplier_name: "Later", samples: "passed" }]));
  await page.waitForFunction(() => document.querySelectorAll("[data-saved-rows] tr").length === 1);
  assert.equal((await table(page))[0].name, "Later", "the import starts the checker and is read by it");
  assert.equal(checkerLoads().filter((u) => u.endsWith(".wasm")).length, 1, "the WebAssembly is fetched once, for the import");
  assertClean(assert, problems, "empty list, then an import");
  await context.close();
});

test("the page does not shift while the saved list is read (empty and with entries)", async () => {
  for (const entries of [0, 3]) {
    const { page, context } = await openPage(env.browser, env.site.base, null, { viewport: { width: 412, height: 823 } });
    await page.goto(env.site.base + "check/saved/");
    if (entries) {
      const list = corpus().slice(0, entries).map((profile, i) => ({ id: `e${i}`, saved: "2026-11-01T10:00:00.000Z", notes: "", profile }));
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ format: "safesource-saved", version: 1, suppliers: list })]);
    }
    await page.reload({ waitUntil: "networkidle" });
    // buffered: the shifts since the page started loading count too.
    await page.evaluate(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });
    });
    await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 20_000 });
    assert.equal((await table(page)).length, entries, "the saved list is shown");
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `${entries} entries: layout shift ${cls}`);
    await context.close();
  }
});
