// Unit tests of the search's pure modules (compiled to build/unit by
// `npm run test:unit`): the tokenizer and stemmer against the Go indexer's
// shared test data, typo matching and ranking.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const build = new URL("../../build/unit/search/", import.meta.url).pathname;
const { terms, stem, STOP_WORDS } = require(build + "tokenize.js");
const { typoKeys, editDistance, corrections, maxTypoDistance, correctionsFor, TYPO_LIMIT, TYPO_WEIGHT } = require(build + "typo.js");
// The index terms the engine looks up for a misspelt word, with their weights.
const correctionTerms = (w, term, files) => new Map(correctionsFor(w, term, files).map((c) => [c.term, c.weight]));
const { rankPages, plan, excerpt, FILLER_WORDS } = require(build + "engine.js");
const shared = (name) => readFileSync(new URL(`../../generator/internal/searchindex/testdata/${name}`, import.meta.url));

test("the tokenizer gives the Go indexer's tokens on the shared cases", () => {
  const cases = JSON.parse(shared("tokenize.json"));
  assert.ok(cases.length >= 20);
  for (const c of cases) assert.deepEqual(terms(c.in), c.out, `terms(${JSON.stringify(c.in)})`);
});

test("the stop list is the Go indexer's", () => {
  assert.deepEqual([...STOP_WORDS].sort(), JSON.parse(shared("stopwords.json")));
});

test("the stemmer agrees with the Go stemmer on the whole Snowball vocabulary", () => {
  const lines = gunzipSync(shared("stems.txt.gz")).toString("utf8").split("\n").filter(Boolean);
  assert.ok(lines.length > 40000, `${lines.length} words`);
  const wrong = [];
  for (const line of lines) {
    const [word, want] = line.split(" ");
    if (stem(word) !== want) wrong.push(`${word}: ${stem(word)} ≠ ${want}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} words differ`);
});

test("typo keys are the Go indexer's", () => {
  const want = JSON.parse(shared("typokeys.json"));
  for (const [w, keys] of Object.entries(want)) assert.deepEqual(typoKeys(w), keys, `typoKeys(${w})`);
});

test("edit distance counts a swap of neighbours as one edit and stops past the limit", () => {
  const cases = [
    ["escrw", "escrow", 2, 1], ["counterfiet", "counterfeit", 2, 1], ["inspectoin", "inspection", 2, 1],
    ["arbitraton", "arbitration", 2, 1], ["blacklsit", "blacklist", 2, 1], ["evidance", "evidence", 2, 1],
    ["kitten", "sitting", 3, 3], ["abc", "abc", 1, 0], ["fee", "feature", 2, 3], ["ab", "ba", 1, 1],
  ];
  for (const [a, b, max, want] of cases) assert.equal(editDistance(a, b, max), want, `${a} → ${b}`);
});

test("corrections: one edit for short words, two for longer, nearest then commonest", () => {
  assert.equal(maxTypoDistance("fee"), 1);
  assert.equal(maxTypoDistance("escrw"), 1);
  assert.equal(maxTypoDistance("chargback"), 2);
  assert.deepEqual(corrections("escrw", ["escrow", "escort", "screw"], 3).map((c) => c.word), ["escrow"]);
  // Among equal distances the list's order (most common first) is kept.
  assert.deepEqual(corrections("lne", ["line", "lane", "lone"], 2).map((c) => c.word), ["line", "lane"]);
  assert.deepEqual(corrections("xyzzyq", ["escrow", "supplier"], 3), []);
  assert.deepEqual(corrections("deposits", ["deposits"], 3), [], "the word itself is no correction");
});

test("correction terms: the words under the word's typo keys, ranked, stemmed and weighted by distance", () => {
  assert.deepEqual(typoKeys("chargback"), ["ca", "ch", "ha"]);
  const files = [{ k: { ch: ["chargeback", "charging"], ha: ["chargebacks"] } }, { k: { ca: ["scharback"] } }];
  const terms = correctionTerms("chargback", "chargback", files);
  // Nearest first (chargeback: 1 edit; scharback: 2); chargebacks (2 edits)
  // has chargeback's stem, which keeps the nearer word's weight; charging is too far.
  assert.deepEqual([...terms], [["chargeback", TYPO_WEIGHT[1]], ["scharback", TYPO_WEIGHT[2]]]);
  assert.equal(correctionTerms("chargback", "chargeback", files).has("chargeback"), false, "the word's own term is no correction");
  const many = [{ k: { ca: ["cargback", "chargbacj", "chargbacx", "chargbacz"] } }];
  assert.equal(correctionTerms("chargback", "chargback", many).size, TYPO_LIMIT);
  assert.deepEqual(correctionTerms("chargback", "chargback", []), new Map());
  // The words themselves, for the results to say what was looked up instead.
  assert.deepEqual(correctionsFor("chargback", "chargback", files).map((c) => [c.word, c.term]), [["chargeback", "chargeback"], ["scharback", "scharback"]]);
});

test("a query's stop and question words are dropped; the last word being typed matches as a prefix", () => {
  assert.deepEqual(plan("what should I do if the supplier stops replying").map((p) => p.term), ["supplier", "stop", "repli"]);
  const typed = plan("escr");
  assert.equal(typed[0].prefix, true);
  assert.equal(plan("escrow ")[0].prefix, false);
  assert.equal(plan("诚")[0].prefix, true, "one Chinese character matches the pairs it starts");
});

// Section keys are page*65536 + section.
const key = (page, section) => page * 65536 + section;
const scores = (entries) => ({ scores: new Map(entries.map(([p, s, v]) => [key(p, s), v])), lenient: false });

test("ranking: pages with every word first; a page missing a word is still listed", () => {
  const perTerm = [
    scores([[1, 2, 30], [2, 1, 30], [3, 1, 20]]), // "supplier"
    scores([[1, 2, 30], [3, 4, 20]]), // "replying"
  ];
  const { matches, most } = rankPages(perTerm);
  assert.equal(most, 2);
  assert.deepEqual(matches.map((m) => m.page), [1, 3, 2], "page 2 (one word) is still a result, below the pages with both");
  assert.deepEqual(matches[0].sections[0], [2, 60], "the best section holds both words");
  assert.deepEqual(matches.map((m) => m.matched), [2, 2, 1]);
});

test("ranking: a page whose sections keep returning to the word beats one passing mention of equal strength", () => {
  const { matches } = rankPages([scores([[1, 1, 40], [2, 1, 40], [2, 2, 20], [2, 3, 20]])]);
  assert.deepEqual(matches.map((m) => m.page), [2, 1]);
});

test("ranking: a page holding the reader's own word beats pages holding only a stand-in for it", () => {
  const others = Array.from({ length: 11 }, (_, i) => i + 2);
  const perTerm = [
    scores([[1, 0, 50], ...others.map((p) => [p, 0, 50])]), // "supplier"
    // "ghosted": its own term on page 1 only; a thesaurus stand-in ("go"),
    // stronger, on eleven others.
    { ...scores([[1, 0, 30], ...others.map((p) => [p, 0, 40])]), standIn: new Set(others) },
  ];
  const { matches, most } = rankPages(perTerm);
  assert.equal(matches[0].page, 1);
  assert.equal(matches.length, 12, "the stand-in pages are still results");
  assert.equal(most, 2, "every page holds both words, one through a stand-in");
  assert.deepEqual([matches[0].cover, matches[1].cover], [2, 1.5]);
  // One word, its own term on one page: the stand-in pages still fill the results.
  const one = rankPages([{ ...scores([[1, 0, 30], ...others.map((p) => [p, 0, 40])]), standIn: new Set(others) }]);
  assert.deepEqual(one.matches.map((m) => m.page), [1, ...others]);
});

test("ranking: looser matches are added only until there are enough results", () => {
  const many = Array.from({ length: 12 }, (_, i) => [i, 1, 10]);
  const { matches } = rankPages([scores([...many, [20, 1, 90]]), scores(many)]);
  // 12 pages hold both words: enough; page 20, with one word, is left out.
  assert.ok(!matches.some((m) => m.page === 20));
  assert.equal(matches.length, 12);
});

test("a question's filler words are not looked up, unless nothing else was asked", () => {
  const p = plan("what happens if my goods get stuck at customs ");
  assert.deepEqual(p.map((x) => [x.term, x.filler]), [["happen", true], ["goods", false], ["stuck", false], ["custom", false]]);
  assert.equal(plan("help ")[0].filler, false, "a filler word alone is the subject");
  assert.equal(plan("making excuses ")[0].filler, true, "a filler word is known by its stem too");
  assert.equal(plan("customs help")[1].filler, false, "the word being typed is not yet filler");
  for (const w of FILLER_WORDS) assert.equal(w, w.toLowerCase());
});

test("ranking: the best section is the one holding more of the query's words", () => {
  const { matches } = rankPages([
    scores([[1, 1, 50], [1, 2, 20]]), // "sample": often in section 1
    scores([[1, 2, 20]]), // "approval": only in section 2
  ]);
  assert.equal(matches[0].sections[0][0], 2, "section 2 has both words");
});

test("ranking: a section holding the words nearly as strongly as the page top is linked before it", () => {
  // Section 0 (the page top: title and description) scores best; section 3
  // holds the same words at 0.7 of its score, section 2 only one of them.
  const { matches } = rankPages([
    scores([[1, 0, 50], [1, 2, 60], [1, 3, 35]]),
    scores([[1, 0, 50], [1, 3, 35]]),
  ]);
  assert.deepEqual(matches[0].sections.map(([s]) => s), [3, 0, 2], "section 3 is linked first; section 2 lacks a word");
  // The page's score still takes the top as its best section: 100, plus
  // SPREAD (0.5) of what the best per word adds (60 + 50 - 100), plus DEPTH
  // (0.1) of the other sections (section 2: 60 × 1/2; section 3: 70).
  assert.equal(matches[0].score, 100 + 0.5 * 10 + 0.1 * (30 + 70));
  const weak = rankPages([scores([[1, 0, 50], [1, 3, 20]]), scores([[1, 0, 50], [1, 3, 20]])]).matches[0];
  assert.equal(weak.sections[0][0], 0, "a section far weaker than the top is not linked first");
});

test("excerpts mark the matched words", () => {
  const segs = excerpt("Keep the money in escrow until the goods arrive.", [{ term: "escrow", prefix: false }, { term: "goods", prefix: false }]);
  assert.deepEqual(segs.filter((s) => s.mark).map((s) => s.text), ["escrow", "goods"]);
});
