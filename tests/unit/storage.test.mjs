import { test } from "node:test";
import assert from "node:assert/strict";
import { storage } from "./load.mjs";

const entry = (id, profile, extra = {}) => ({ id, saved: "2026-11-20T08:00:00.000Z", notes: "", profile, ...extra });
const doc = (suppliers) => JSON.stringify({ format: "safesource-saved", version: 1, suppliers });

test("nothing stored is an empty list; a stored list reads back", () => {
  assert.deepEqual(storage.parseStore(null), []);
  const list = [entry("a", { supplier_name: "A", badges: [] }, { score: 3, band: "low" })];
  assert.deepEqual(storage.parseStore(doc(list)), list);
});

test("a damaged or foreign list is reported as damaged, never read as empty", () => {
  for (const raw of ["{not json", "[]", JSON.stringify({ format: "other", version: 1, suppliers: [] }), JSON.stringify({ format: "safesource-saved", version: 2, suppliers: [] }), doc([{ id: "a" }]), doc([entry("a", { n: {} })])]) {
    assert.throws(() => storage.parseStore(raw), (e) => e instanceof storage.StorageProblem && e.damaged === true, raw);
  }
});

test("migration: a list saved as [\"unknown\"] becomes not known; other values are kept", () => {
  const old = [
    entry("a", { supplier_name: "A", badges: ["unknown"], reviews: ["none_yet", "unknown"] }),
    entry("b", { supplier_name: "B", badges: [] }),
  ];
  const [a, b] = storage.parseStore(doc(old));
  assert.deepEqual(a.profile, { supplier_name: "A", reviews: ["none_yet"] });
  assert.equal(a.id, "a");
  assert.deepEqual(b.profile, { supplier_name: "B", badges: [] }, "an empty list (none of them) is data, kept");
  const list = [entry("c", { badges: ["verified_supplier"] })];
  assert.equal(storage.migrate(list)[0], list[0], "entries that need nothing are the same objects");
});

test("merge replaces an entry of the same name in place, keeping notes when the new one has none", () => {
  const list = [entry("a", { supplier_name: "Alpha" }, { notes: "met at the fair" }), entry("b", { supplier_name: "Beta" })];
  const { entries, added, replaced } = storage.merge(list, [entry("x", { supplier_name: "ALPHA", platform: "1688" }), entry("y", { supplier_name: "Gamma" }), entry("z", {})]);
  assert.equal(added, 2);
  assert.equal(replaced, 1);
  assert.deepEqual(entries.map((e) => [e.id, e.notes, e.profile.supplier_name]), [["a", "met at the fair", "ALPHA"], ["b", "", "Beta"], ["y", "", "Gamma"], ["z", "", undefined]]);
});
