import { test } from "node:test";
import assert from "node:assert/strict";
import { storage, transfer, msgFrom } from "./load.mjs";

const msg = msgFrom({ importEntry: "entry {n}", importForeign: "foreign", importNewer: "newer {n}", importNotes: "bad notes", importDate: "bad date", importLine: "line {n}: {problem}" });

test("the site's JSON export reads back: ids, notes, dates and profiles", () => {
  const entries = [
    { id: "a1", saved: "2026-11-20T08:00:00.000Z", notes: "n, \"q\"\nline", profile: { supplier_name: "A", badges: [] }, score: 3, band: "low", confidence: 0.5, findings: [] },
    { id: "b2", saved: "2026-11-21T09:30:00.000Z", notes: "", profile: { employees: 12 } },
  ];
  const items = transfer.readExport(transfer.toJSON(entries), msg);
  assert.deepEqual(items, [
    { where: "entry 1", profile: { supplier_name: "A", badges: [] }, id: "a1", notes: "n, \"q\"\nline", saved: "2026-11-20T08:00:00.000Z" },
    { where: "entry 2", profile: { employees: 12 }, id: "b2", notes: "", saved: "2026-11-21T09:30:00.000Z" },
  ]);
  assert.deepEqual(JSON.parse(transfer.toJSON(entries)), storage.pack(entries), "the export is the stored document");
});

test("anything that is not the site's export is left to the checker (null)", () => {
  for (const text of ["", "{", "[]", "[{\"format\": \"safesource-saved\"}]", "{\"supplier_name\": \"A\"}", "{\"format\": \"other\"}", "supplier_name\nA\n", "\uFEFF{\"badges\": \"\"}"]) {
    assert.equal(transfer.readExport(text, msg), null, text);
  }
});

test("an export this page cannot take is refused with every reason", () => {
  const bad = (doc) => { try { transfer.readExport(JSON.stringify(doc), msg); } catch (e) { assert.ok(e instanceof transfer.ImportProblem); return e.problems; } assert.fail("accepted"); };
  assert.deepEqual(bad({ format: "safesource-saved", version: 9, suppliers: [] }), ["newer 9"]);
  assert.deepEqual(bad({ format: "safesource-saved", version: 1 }), ["foreign"]);
  assert.deepEqual(bad({ format: "safesource-saved", version: 1, suppliers: [{ profile: {}, notes: 5 }, "x", { profile: {}, saved: "yesterday" }] }),
    ["entry 1: bad notes", "entry 2: foreign", "entry 3: bad date"]);
});

test("ids that are not plain are dropped (a new one is made), dates are normalised", () => {
  const [item] = transfer.readExport(JSON.stringify({ format: "safesource-saved", version: 1, suppliers: [{ id: "<x>", saved: "2026-11-20T10:00:00+02:00", profile: {} }] }), msg);
  assert.equal(item.id, undefined);
  assert.equal(item.saved, "2026-11-20T08:00:00.000Z");
});

test("a checker problem reads like the CLI's, less the file name", () => {
  assert.equal(transfer.problemText({ line: 3, field: "badges", problem: "unknown value \"x\"" }, msg), "line 3: badges: unknown value \"x\"");
  assert.equal(transfer.problemText({ line: 0, field: "", problem: "the file is empty" }, msg), "the file is empty");
  assert.equal(transfer.problemText({ line: 2, field: "", problem: "malformed CSV" }, msg), "line 2: malformed CSV");
});
