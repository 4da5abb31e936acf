import { test } from "node:test";
import assert from "node:assert/strict";
import { fragment } from "./load.mjs";

const fields = ["supplier_name", "platform", "badges", "employees"];

test("toFragment writes answers in questionnaire order, lists with commas, none for an empty list", () => {
  const f = fragment.toFragment({ employees: 12, badges: ["verified_supplier", "trade_assurance"], supplier_name: "Shop, Ltd & Co", other: "x" }, fields);
  assert.equal(f, "supplier_name=Shop,+Ltd+%26+Co&badges=verified_supplier,trade_assurance&employees=12");
  assert.equal(fragment.toFragment({ badges: [] }, fields), "badges=none");
  assert.equal(fragment.toFragment({}, fields), "");
});

test("fragmentPairs reads back what toFragment wrote, URL-decoded and in order", () => {
  const answers = { supplier_name: "深圳 “Quote” =&#?", platform: "alibaba", badges: ["a", "b"], employees: 7.5 };
  const pairs = fragment.fragmentPairs("#" + fragment.toFragment(answers, fields));
  assert.deepEqual(pairs, [["supplier_name", "深圳 “Quote” =&#?"], ["platform", "alibaba"], ["badges", "a,b"], ["employees", "7.5"]]);
});

test("fragmentPairs keeps duplicates and unknown keys for the checker to name, and refuses overlong links", () => {
  assert.deepEqual(fragment.fragmentPairs("#a=1&a=2&=x&%E0%A4%A=1"), [["a", "1"], ["a", "2"], ["", "x"], ["\uFFFD%A", "1"]]);
  assert.equal(fragment.fragmentPairs("#x=" + "y".repeat(fragment.MAX_FRAGMENT)), null);
  assert.deepEqual(fragment.fragmentPairs("x=" + "y".repeat(fragment.MAX_FRAGMENT - 2)).length, 1);
});

test("a fragment without = is a plain anchor", () => {
  assert.equal(fragment.isAnswerFragment("#result-title"), false);
  assert.equal(fragment.isAnswerFragment("#platform=1688"), true);
});

test("supplierName trims and ignores non-text", () => {
  assert.equal(fragment.supplierName({ supplier_name: "  A  " }), "A");
  assert.equal(fragment.supplierName({ supplier_name: 3 }), "");
  assert.equal(fragment.supplierName({}), "");
});

test("a link ends with the rules version it was made with; links without one were made with v1", () => {
  assert.equal(fragment.toFragment({ platform: "1688" }, fields, 2), "platform=1688&rules_version=2");
  assert.equal(fragment.toFragment({}, fields, 2), "", "no answers, no version");
  const pairs = fragment.fragmentPairs("#platform=1688&rules_version=2");
  assert.deepEqual(fragment.splitVersion(pairs), { pairs: [["platform", "1688"]], version: 2, badVersion: null });
  assert.deepEqual(fragment.splitVersion([["platform", "1688"]]), { pairs: [["platform", "1688"]], version: 1, badVersion: null });
  assert.deepEqual(fragment.splitVersion([["rules_version", "two"], ["rules_version", "3"]]), { pairs: [["rules_version", "3"]], version: 1, badVersion: "two" });
  assert.deepEqual(fragment.splitVersion([["rules_version", "0"]]).badVersion, "0");
});
