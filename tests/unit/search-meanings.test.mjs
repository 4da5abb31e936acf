// The engine's meanings path (engine.ts, meanings()): a query word the index
// lacks or barely uses is looked up in the thesaurus, English words in its
// w/ files and Chinese pairs in its z/ files (derived from CC-CEDICT by the
// indexer, generator/internal/searchindex/thesaurus_zh.go), on a small index
// written here in the indexer's formats and served by a stubbed fetch.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const build = new URL("../../build/unit/search/", import.meta.url).pathname;
const { SearchIndex, isHanPair } = require(build + "engine.js");
const { terms } = require(build + "tokenize.js");
const shared = (name) => readFileSync(new URL(`../../generator/internal/searchindex/testdata/${name}`, import.meta.url));

const BASE = "http://test/search-index/";
// Page 0, the legal page: "lawyer" in its section 1. Page 1, the scams page:
// "scam" in its top, and 骗子 once (a Chinese word the site barely uses).
// Page 2, the report page: "scam" in its top.
const files = {
  "manifest.smeta": { v: 3, build: "b1", pages: 3, groups: [["playbook", "Recovery playbook", 0, 2]], shards: ["a"], typo: [], thes: ["swindl"], zthes: ["律师"], rare: 3 },
  "b1/s/0.sidx": { p: { lawyer: [0, 1, 40], make: [0, 0, 50], like: [0, 0, 50], scam: [1, 0, 30, 1, 0, 20], 骗子: [1, 1, 8] }, x: {} },
  "b1/w/0.sthe": { k: { swindl: ["scam", 70] } },
  "b1/z/0.sthe": { k: { 律师: ["lawyer", 70], "律师 师费": ["lawyer", 70], 骗子: ["scam", 49], 喜欢: ["like", 70], 欺詐: ["scam", 70, "make", 60] } },
  "b1/f/0.sfrag": { u: "/legal/", t: "Legal options", g: "playbook", l: "Recovery playbook", s: [["", "Legal options", "When to get help."], ["brief", "Brief for a lawyer", "Give your lawyer the facts."]] },
  "b1/f/2.sfrag": { u: "/report/", t: "Report fraud", g: "playbook", l: "Recovery playbook", s: [["", "Report fraud", "Report the scam."]] },
  "b1/f/1.sfrag": { u: "/scams/", t: "Scam patterns", g: "playbook", l: "Recovery playbook", s: [["", "Scam patterns", "How a scam works."], ["words", "Words", "A 骗子 is a swindler."]] },
};

/** Serves the files above; paths matching offline fail as a browser offline does. */
function serve(offline) {
  const asked = [];
  globalThis.fetch = async (url) => {
    const path = String(url).slice(BASE.length);
    asked.push(path);
    if (offline?.test(path)) throw new TypeError("Failed to fetch");
    if (!(path in files)) return new Response("not found", { status: 404 });
    return new Response(gzipSync(JSON.stringify(files[path])));
  };
  return asked;
}
const realFetch = globalThis.fetch;
afterEach(() => { globalThis.fetch = realFetch; });

test("a Chinese word the site never uses finds the site's words for it, labelled as meaning the same", async () => {
  const asked = serve();
  const ix = await SearchIndex.load(BASE);
  const r = await ix.search("律师");
  assert.equal(r.hits[0]?.href, "/legal/#brief");
  assert.deepEqual(r.instead, [{ word: "律师", by: "meaning", words: [] }]);
  assert.ok(asked.includes("b1/z/0.sthe") && !asked.some((p) => p.startsWith("b1/w/")), `fetched ${asked}`);
});

test("a three-character word is read as one phrase of two pairs", async () => {
  serve();
  const ix = await SearchIndex.load(BASE);
  const r = await ix.search("律师费");
  assert.equal(r.hits[0]?.href, "/legal/#brief");
  assert.deepEqual(r.instead, [{ word: "律师费", by: "meaning", words: [] }]);
  assert.equal(r.partial, false, "师费 is part of the phrase, not a word no page has");
});

test("a Chinese word the site barely uses keeps its own matches and gains its meanings", async () => {
  serve();
  const ix = await SearchIndex.load(BASE);
  const r = await ix.search("骗子");
  assert.deepEqual(r.hits.map((h) => h.href.replace(/#.*/, "")), ["/scams/", "/report/"], "the page that says it first, then one that only says scam");
  assert.deepEqual(r.instead, [], "the word itself matched");
});

test("a Chinese word's meanings leave out words of a question's form", async () => {
  serve();
  const ix = await SearchIndex.load(BASE);
  const r = await ix.search("欺詐");
  assert.deepEqual(r.hits.map((h) => h.href.replace(/#.*/, "")), ["/scams/", "/report/"], "scam, not the legal page that says make");
  const none = await ix.search("喜欢");
  assert.ok(!none.hits.some((h) => h.href.startsWith("/legal/")), "like alone leads nowhere");
  assert.ok(!none.instead.some((i) => i.by === "meaning"));
});

test("offline, where the Chinese files are not saved, the query still answers", async () => {
  const asked = serve(/\/z\//);
  const ix = await SearchIndex.load(BASE);
  const r = await ix.search("律师");
  assert.equal(r.total, 0);
  assert.ok(asked.includes("b1/z/0.sthe"));
  // English words still find their meanings (their files are saved).
  const en = await ix.search("swindle");
  assert.equal(en.hits[0]?.href, "/scams/");
  assert.deepEqual(en.instead, [{ word: "swindle", by: "meaning", words: [] }]);
});

test("a browser that knows it is offline does not ask for the Chinese files", async (t) => {
  const asked = serve();
  const was = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: { onLine: false }, configurable: true, writable: true });
  t.after(() => (was ? Object.defineProperty(globalThis, "navigator", was) : delete globalThis.navigator));
  const ix = await SearchIndex.load(BASE);
  const r = await ix.search("律师");
  assert.equal(r.total, 0);
  assert.ok(!asked.some((p) => p.includes("/z/")), `fetched ${asked}`);
});

test("Han pairs are looked up in the Chinese files exactly when the indexer makes them keys", () => {
  const cases = JSON.parse(shared("zhkeys.json"));
  assert.ok(cases.length >= 8);
  for (const { word, key } of cases) {
    const t = terms(word);
    const got = (t.length === 1 || t.length === 2) && t.every(isHanPair) && [...word].length === t.length + 1 ? t.join(" ") : "";
    assert.equal(got, key, `${word}: ${JSON.stringify(t)}`);
  }
  assert.equal(isHanPair("swindl"), false);
});
