// The compiled pure modules (make unittest compiles them with tsc into
// build/unit as CommonJS; no browser, no bundler).
import { createRequire } from "node:module";
import { existsSync } from "node:fs";

const out = new URL("../../build/unit/", import.meta.url);
if (!existsSync(out)) throw new Error("build/unit is missing: run `make unittest`");
const require = createRequire(out);

export const i18n = require("./lib/i18n.js");
export const lang = require("./lib/lang.js");
export const fragment = require("./checker/fragment.js");
export const storage = require("./checker/storage.js");
export const transfer = require("./checker/transfer.js");
export const checkState = require("./checker/check-state.js");
export const savedState = require("./checker/saved-state.js");

/** A message lookup over plain strings, keyed like the page's dataset. */
export function msgFrom(strings) {
  return i18n.messages(Object.fromEntries(Object.entries(strings).map(([k, v]) => [i18n.datasetKey(k), v])));
}
