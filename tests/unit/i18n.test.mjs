import { test } from "node:test";
import assert from "node:assert/strict";
import { i18n, msgFrom } from "./load.mjs";

test("dataset keys follow the template's attribute names", () => {
  // config.html: data-msg-<key with "-" before capitals and "_", lower-cased>
  for (const [key, attr] of [["checkerLoading", "msgCheckerLoading"], ["band_low", "msgBandLow"], ["severity_positive", "msgSeverityPositive"], ["linkCopied", "msgLinkCopied"], ["importLine", "msgImportLine"]]) {
    assert.equal(i18n.datasetKey(key), attr, key);
  }
});

test("msg fills placeholders and shows the key for a missing string", () => {
  const msg = msgFrom({ imported: "Imported {n} from “{file}”.", plain: "Plain" });
  assert.equal(msg("imported", { n: 3, file: "a.csv" }), "Imported 3 from “a.csv”.");
  assert.equal(msg("imported", { n: 3 }), "Imported 3 from “{file}”.", "unknown placeholders stay");
  assert.equal(msg("plain"), "Plain");
  assert.equal(msg("notThere", { n: 1 }), "notThere", "one behaviour for a missing string: the key");
});

test("clip shortens long text with an ellipsis", () => {
  assert.equal(i18n.clip("short"), "short");
  assert.equal(i18n.clip("x".repeat(100), 10), "x".repeat(9) + "…");
});
