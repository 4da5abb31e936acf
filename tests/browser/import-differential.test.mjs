// Differential test: every file in checker/testdata/import (valid, edge and
// hostile JSON and CSV) goes through the command-line checker
// (`checker score --format json FILE`) and through the browser's import on
// /check/saved/. Both must accept the same files with the same profiles
// (scored the same, and the stored profile re-scored by the CLI the same)
// and reject the same files with the same problems, in the same order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, assertClean } from "./harness.mjs";
import { root } from "./checker-lib.mjs";
import { useSite } from "./setup.mjs";

const corpus = join(root, "checker/testdata/import");
const KEY = "safesource-saved";
const SHOWN = 9; // the status shows the first problem and up to 8 more

const env = useSite({ cli: true });

/** The CLI's verdict on a file: its results, or its problems as the browser words them. */
function viaCLI(file) {
  const r = spawnSync(join(env.cli.dir, "checker"), ["score", "--format", "json", file], { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 2) throw new Error(`checker score ${file}: exit ${r.status}\n${r.stderr}`);
  const prefix = file + ":";
  const problems = r.stderr.split("\n").filter(Boolean).map((line) => {
    assert.ok(line.startsWith(prefix), `CLI problem names the file: ${line}`);
    const m = /^(\d+): (.*)$/s.exec(line.slice(prefix.length));
    return m ? `line ${m[1]}: ${m[2]}` : line.slice(prefix.length + 1);
  });
  return { accepted: r.status === 0, results: JSON.parse(r.stdout), problems };
}

/** Imports a file on a fresh /check/saved/ and reads what the page did. */
async function viaBrowser(page, file, name) {
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 30_000 });
  await page.locator("[data-import]").setInputFiles({ name, mimeType: "application/octet-stream", buffer: readFileSync(file) });
  await page.waitForFunction(() => /^(Imported|Nothing was imported)/.test(document.querySelector("[data-saved-status] p")?.textContent ?? ""), null, { timeout: 30_000 });
  return page.evaluate(({ key, name }) => {
    const head = document.querySelector("[data-saved-status] p").textContent;
    const items = Array.from(document.querySelectorAll("[data-saved-status] li"), (li) => li.textContent);
    const stored = JSON.parse(localStorage.getItem(key) ?? "null");
    const rejected = `Nothing was imported from “${name}”: `;
    return head.startsWith(rejected)
      ? { accepted: false, problems: [head.slice(rejected.length), ...items] }
      : { accepted: true, head, entries: stored?.suppliers ?? [] };
  }, { key: KEY, name });
}

const files = readdirSync(corpus).filter((f) => /\.(json|csv)$/.test(f)).sort();

test("the corpus covers valid, edge and hostile files in both formats", () => {
  assert.ok(files.length >= 30, `${files.length} files`);
  assert.ok(files.filter((f) => f.endsWith(".csv")).length >= 10, "CSV files");
  for (const f of ["badges-empty-string.json", "badges-unknown-string.json", "bom.json", "crlf.json", "bom-crlf.csv", "ragged.csv", "unknown-key.json", "number-as-text.json"]) {
    assert.ok(files.includes(f), f);
  }
});

test("the browser's import accepts and rejects exactly what the CLI does, with the same profiles and problems", async (t) => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/check/saved/");
  let accepted = 0, rejected = 0;
  for (const name of files) {
    const file = join(corpus, name);
    const want = viaCLI(file);
    const got = await viaBrowser(page, file, name);
    if (want.accepted && want.results.length === 0) {
      // A file with no profiles: the CLI prints an empty list, the page says there is nothing to import.
      assert.deepEqual(got, { accepted: false, problems: ["it holds no suppliers."] }, `${name}: no profiles`);
      rejected++;
      continue;
    }
    assert.equal(got.accepted, want.accepted, `${name}: accepted? CLI problems: ${want.problems.join(" | ")}; page: ${JSON.stringify(got)}`);
    if (!want.accepted) {
      // Same problems, in order, as far as the page lists them.
      const shown = want.problems.length > SHOWN ? [...want.problems.slice(0, SHOWN - 1), `and ${want.problems.length - (SHOWN - 1)} more problems.`] : want.problems;
      assert.deepEqual(got.problems, shown, `${name}: problems`);
      rejected++;
      continue;
    }
    accepted++;
    assert.equal(got.entries.length, want.results.length, `${name}: number of suppliers`);
    for (const [i, e] of got.entries.entries()) {
      const w = want.results[i];
      assert.deepEqual({ score: e.score, band: e.band, confidence: e.confidence, findings: e.findings },
        { score: w.score, band: w.band, confidence: w.confidence, findings: w.findings.map((f) => f.title) }, `${name} #${i + 1}: result`);
    }
    // The profiles stored are the ones the CLI read: re-scored by the CLI they give the same results.
    const storedFile = join(env.cli.dir, "stored.json");
    writeFileSync(storedFile, JSON.stringify(got.entries.map((e) => e.profile)));
    assert.deepEqual(env.cli.scoreFiles(storedFile), want.results, `${name}: stored profiles`);
    if (name.startsWith("badges-empty") || name.startsWith("badges-unknown")) {
      assert.ok(!("badges" in got.entries[0].profile), `${name}: "" and "unknown" mean not known, as in Go: ${JSON.stringify(got.entries[0].profile)}`);
    }
  }
  t.diagnostic(`${files.length} files: ${accepted} accepted and ${rejected} rejected by both`);
  assert.ok(accepted >= 10 && rejected >= 10, "the corpus exercises both outcomes");
  assertClean(assert, problems, "differential import");
  await context.close();
});

test("a list saved by an earlier version as [\"unknown\"] is repaired and re-scored, not left stale", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/check/saved/");
  const legacy = { format: "safesource-saved", version: 1, suppliers: [
    { id: "a1", saved: "2026-11-20T08:00:00.000Z", notes: "kept", profile: { supplier_name: "Legacy Co", badges: ["unknown"], samples: "passed" }, score: 99, band: "critical", confidence: 0.1, findings: ["stale"] },
  ] };
  await page.evaluate(({ k, v }) => localStorage.setItem(k, JSON.stringify(v)), { k: KEY, v: legacy });
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector("[data-saved][data-scored]", { state: "attached", timeout: 30_000 });
  const [want] = env.cli.score([{ supplier_name: "Legacy Co", samples: "passed" }]);
  const [e] = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).suppliers, KEY);
  assert.deepEqual(e.profile, { supplier_name: "Legacy Co", samples: "passed" });
  assert.equal(e.notes, "kept");
  assert.equal(e.score, want.score);
  assert.equal(e.band, want.band);
  await context.close();
});
