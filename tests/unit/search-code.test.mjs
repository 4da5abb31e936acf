// A credit code pasted into search is handed to the checker
// (themes/safesource/assets/ts/search/code.ts): the shape test and the link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { codeQuery, codeLink } = require(new URL("../../build/unit/search/code.js", import.meta.url).pathname);

test("queries shaped like a credit code, as people paste them", () => {
  const cases = [
    ["91440300MA5G2K7L3X", "91440300MA5G2K7L3X"],
    [" 9144 0300 MA5G 2K7L 3X ", "91440300MA5G2K7L3X"],
    ["91440300-ma5g2k7l3x", "91440300MA5G2K7L3X"],
    ["91440300MA5G2K7L3", ""], // 17 characters
    ["91440300MA5G2K7L3XY", ""], // 19
    ["internationalising", ""], // 18 letters: a word, not a code
    ["9144 0300 MA5G 2K7L 3X?", ""],
    ["escrow", ""],
    ["", ""],
  ];
  for (const [q, want] of cases) assert.equal(codeQuery(q), want, q);
});

test("the checker link carries the code and the rules version, as a share link does", () => {
  const link = codeLink("/check/", "91440300MA5G2K7L3X", "4");
  assert.equal(link, "/check/#uscc=91440300MA5G2K7L3X&rules_version=4");
  const p = new URLSearchParams(link.split("#")[1]);
  assert.equal(p.get("uscc"), "91440300MA5G2K7L3X");
  assert.equal(codeLink("/check/", "91440300MA5G2K7L3X", ""), "/check/#uscc=91440300MA5G2K7L3X");
});
