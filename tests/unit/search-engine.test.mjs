// The search engine end to end on a tiny index held in memory (the files
// the Go indexer writes, in its format): how a query's words are looked up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { SearchIndex } = require(new URL("../../build/unit/search/engine.js", import.meta.url).pathname);

// Pages: 0 /photos/ (about photographs), 1 /stock/ (stock photos),
// 2 /police/ (arrest and report), 3 /copy/ (copies). Postings are
// [page delta, section, score]; the terms are stems, as the indexer writes.
// Page 4 /cxt/ is about 诚信通, written "chengxintong".
const FILES = {
  "manifest.smeta": { v: 3, build: "b", pages: 5, groups: [["", "All", 0, 4]], shards: [""], typo: [], thes: ["a"], rare: 3 },
  "b/s/0.sidx": {
    p: {
      photo: [1, 0, 300],
      photograph: [0, 0, 900],
      stock: [1, 0, 300],
      arrest: [2, 0, 500],
      report: [2, 0, 300],
      copi: [3, 0, 900],
      copyright: [3, 0, 900],
      chengxintong: [4, 0, 700],
      cheng: [0, 0, 100],
      bank: [1, 0, 200],
      transfer: [0, 0, 200],
    },
    x: {},
  },
  "b/w/0.sthe": { k: { cop: ["arrest", 60] } },
  ...Object.fromEntries(["/photos/", "/stock/", "/police/", "/copy/", "/cxt/"].map((u, i) => [`b/f/${i}.sfrag`, { u, t: u, g: "", l: "en", s: [["", u, "text"]] }])),
};

async function index() {
  globalThis.fetch = async (url) => {
    const path = new URL(url).pathname.replace(/^\/ix\//, "");
    const body = FILES[path];
    return body ? new Response(gzipSync(JSON.stringify(body))) : new Response("", { status: 404 });
  };
  return SearchIndex.load("http://test/ix/");
}

const hrefs = (r) => r.hits.map((h) => h.href);

test("a last word that is a site word itself ranks above the words it begins", async () => {
  const ix = await index();
  // "photo" while typing: it is a site term, so /stock/ (which says it)
  // beats /photos/, whose stronger "photograph" only begins with it.
  const r = await ix.search("photo");
  assert.equal(hrefs(r)[0], "/stock/");
  // The words it begins still match, below it.
  assert.deepEqual(hrefs(r), ["/stock/", "/photos/"]);
});

test("a last word the site lacks but the thesaurus knows is read for its meaning, the words it begins kept below", async () => {
  const ix = await index();
  // "cop" begins "copi" and "copyright", but is a word of its own: the
  // thesaurus leads it to "arrest".
  const r = await ix.search("cop");
  assert.equal(hrefs(r)[0], "/police/");
  assert.deepEqual(r.instead, [{ word: "cop", by: "meaning", words: [] }]);
  assert.ok(hrefs(r).includes("/copy/"));
  // Typed in full (a space after it), it is read for its meaning alone.
  const done = await ix.search("cop ");
  assert.deepEqual(hrefs(done), ["/police/"]);
});

test("a last word that is neither a site word nor known to the thesaurus matches the words it begins", async () => {
  const ix = await index();
  const r = await ix.search("photog");
  assert.deepEqual(hrefs(r), ["/photos/"]);
  assert.deepEqual(r.instead, []);
});

test("pinyin typed a syllable at a time finds the word the site writes whole", async () => {
  const ix = await index();
  for (const q of ["cheng xin tong", "cheng xin tong ", "chengxin tong"]) {
    const r = await ix.search(q);
    assert.equal(hrefs(r)[0], "/cxt/", q);
    assert.deepEqual(r.instead, [], q);
  }
  // Site words are never run together: "bank transfer" stays two words.
  const r = await ix.search("bank transfer ");
  assert.deepEqual(new Set(hrefs(r)), new Set(["/photos/", "/stock/"]));
});
