// The saved-suppliers page's state transitions (checker/saved-state.ts):
// sort, delete and undo, delete all (a damaged list too), notes, import,
// and what re-scoring an entry with the checker's reply does to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { savedState as S, msgFrom } from "./load.mjs";

const msg = msgFrom({
  unnamedSupplier: "Unnamed", savedRescored: "{name}: {text}", rescoredSame: "v{from}→v{version} same",
  rescoredWith: "v{from}→v{version}: {before}→{after} ({reasons})", rescoreAdded: "+{title}", rescoreRemoved: "-{title}",
});
const entry = (id, name, extra = {}) => ({ id, saved: `2026-11-2${id.length}T08:00:00.000Z`, notes: "", profile: name ? { supplier_name: name } : {}, ...extra });
const result = (score, band = "low", titles = []) => ({ score, band, confidence: 0.4, known: 1, known_of: 5, rules_version: 2, findings: titles.map((title) => ({ id: title, title })), positives: [], actions: [], improvements: [] });
const BANDS = ["low", "moderate", "high", "critical"];
const list = (s) => s.entries.map((e) => e.id);

test("sorting: newest first to start, a column sorts its own way, the same column again turns round", () => {
  let s = S.loaded(S.initialState(), [entry("a", "Beta", { score: 50, band: "high" }), entry("bb", "alpha", { score: 10, band: "low" }), entry("ccc", "Gamma", { score: 70, band: "moderate" })]);
  assert.deepEqual(S.sortedEntries(s, BANDS).map((e) => e.id), ["ccc", "bb", "a"], "saved, newest first");
  s = S.sortedBy(s, "name");
  assert.deepEqual(S.sortedEntries(s, BANDS).map((e) => e.id), ["bb", "a", "ccc"], "names A-Z, ignoring case");
  s = S.sortedBy(s, "name");
  assert.deepEqual(S.sortedEntries(s, BANDS).map((e) => e.id), ["ccc", "a", "bb"]);
  s = S.sortedBy(s, "band");
  assert.deepEqual(S.sortedEntries(s, BANDS).map((e) => e.id), ["a", "ccc", "bb"], "highest risk band first");
  s = S.sortedBy(s, "score");
  assert.deepEqual(s.sort, { key: "score", dir: -1 });
  assert.deepEqual(list(s), ["a", "bb", "ccc"], "sorting leaves the stored order alone");
});

test("a damaged list shows no entries and delete all clears it without an undo", () => {
  const s = S.loaded(S.initialState(), [entry("a", "A")], "entry 1 is malformed");
  assert.deepEqual(s.entries, []);
  assert.equal(s.damaged, "entry 1 is malformed");
  const t = S.deletedAll(s);
  assert.equal(t.damaged, "");
  assert.equal(t.undo, null);
});

test("delete, delete all and import can be undone once; undo leaves nothing to undo", () => {
  const s = S.loaded(S.initialState(), [entry("a", "A"), entry("bb", "B")]);
  const d = S.deleted(s, "bb");
  assert.equal(d.gone.id, "bb");
  assert.deepEqual(list(d.state), ["a"]);
  assert.equal(S.deleted(s, "zz"), null, "no such entry");
  const back = S.undone(d.state);
  assert.deepEqual(list(back), ["a", "bb"]);
  assert.equal(S.undone(back), null);
  assert.deepEqual(list(S.undone(S.deletedAll(s))), ["a", "bb"]);
  const im = S.imported(s, [entry("x", "b", { notes: "" }), entry("ccc", "C")]);
  assert.equal(im.added, 1);
  assert.equal(im.replaced, 1, "the same name, in any case, replaces the entry");
  assert.deepEqual(list(im.state), ["a", "bb", "ccc"]);
  assert.deepEqual(list(S.undone(im.state)), ["a", "bb"]);
  assert.equal(S.undone(S.initialState()), null);
});

test("notes are trimmed and kept without touching the undo point", () => {
  const s = S.deleted(S.loaded(S.initialState(), [entry("a", "A"), entry("bb", "B")]), "bb").state;
  const t = S.notesEdited(s, "a", "  called them  ");
  assert.equal(t.entries[0].notes, "called them");
  assert.equal(t.undo, s.undo);
});

test("re-scoring an entry: unchanged stays the same object, a new score is kept, problems name the entry", () => {
  const e = entry("a", "Acme", { score: 20, band: "low", confidence: 0.4, findings: [], rules_version: 2 });
  const same = S.rescoredEntry(e, { profile: { supplier_name: "Acme" }, result: result(20), refused: [] }, msg);
  assert.equal(same.entry, e);
  assert.equal(same.changed, false);
  const moved = S.rescoredEntry(e, { profile: { supplier_name: "Acme" }, result: result(35, "moderate", ["F"]), refused: [] }, msg);
  assert.deepEqual({ score: moved.entry.score, band: moved.entry.band, findings: moved.entry.findings }, { score: 35, band: "moderate", findings: ["F"] });
  assert.equal(moved.changed, true);
  const never = S.rescoredEntry(entry("b", ""), { profile: {}, result: result(0), refused: [] }, msg);
  assert.equal(never.changed, false, "a first score is no change the reader saw");
  assert.equal(never.entry.score, 0);
  const refused = S.rescoredEntry(e, { profile: {}, result: result(0), refused: [{ line: 3, field: "years", problem: "out of range" }] }, msg);
  assert.equal(refused.entry, e, "an entry the checker cannot read keeps its answers");
  assert.deepEqual(refused.problems, ["Acme: years: out of range"], "named by the entry, never by a line of stored JSON");
  const failed = S.rescoredEntry(entry("c", ""), { errors: [{ line: 0, field: "", problem: "not a profile" }] }, msg);
  assert.deepEqual(failed.problems, ["Unnamed: not a profile"]);
});

test("an entry from older rules is scored again and says what changed", () => {
  const e = entry("a", "Acme", { score: 20, band: "low", rules_version: 1 });
  assert.equal(S.scoredWith(e), 1);
  assert.equal(S.scoredWith({ ...e, rules_version: undefined }), 1, "saved before versions existed: v1");
  assert.equal(S.scoredWith(entry("b", "B")), 0, "never scored: nothing to compare");
  const rescore = { from_version: 1, to_version: 2, score_before: 20, band_before: "low", score_after: 20, band_after: "low", added: [], removed: [], changes: [] };
  const r = S.rescoredEntry(e, { profile: { supplier_name: "Acme" }, result: result(20), refused: [], rescore }, msg);
  assert.equal(r.note, "Acme: v1→v2 same");
  assert.equal(r.entry.rules_version, 2);
  assert.equal(r.changed, true);
});

test("an imported supplier keeps the export's id, date and notes, and takes the checker's profile and scores", () => {
  const out = { profile: { supplier_name: "Acme", years: 3 }, result: result(30, "moderate", ["F"]), refused: [] };
  const kept = S.importedEntry({ where: "entry 1", profile: {}, id: "keep", saved: "2026-01-01T00:00:00.000Z", notes: "n" }, out, "new", "2026-12-01T00:00:00.000Z");
  assert.deepEqual(kept, { id: "keep", saved: "2026-01-01T00:00:00.000Z", notes: "n", profile: out.profile, score: 30, band: "moderate", confidence: 0.4, findings: ["F"], rules_version: 2 });
  const fresh = S.importedEntry({ where: "entry 1", profile: {} }, out, "new", "2026-12-01T00:00:00.000Z");
  assert.deepEqual([fresh.id, fresh.saved, fresh.notes], ["new", "2026-12-01T00:00:00.000Z", ""]);
});
