// Relevance measures for the search benchmark: hit@1, hit@3, mean reciprocal
// rank and anchor precision over the judged queries in search-queries.json.
//
//   node tests/bench/relevance.mjs             # this engine only, in node, on the built public/ (quick check)
//   node tests/bench/relevance.mjs tuning old  # named sets only (old, tuning, heldback)
//
// Sets: "old" (search-queries.json, the regression set); "tuning" and
// "heldback" (search-queries-tuning.json / -heldback.json: the first queries
// written for issue 27 before any ranking change, split by a hash of the
// query; "heldback" was reported once and has been used for tuning since);
// "tuning2" and "heldback2" (search-queries-tuning-2.json / -heldback-2.json:
// a second set written before the second round of ranking changes, split the
// same way; "heldback2" was reported once and has been used for tuning
// since); "independent" (search-queries-independent.json: written and judged
// by a reader who never saw the search code, the other sets or the pages'
// answers lists; measured once, its failures seen since); "tuning3" and
// "heldback3" (search-queries-tuning-3.json / -heldback-3.json: a third set
// by another such reader, split the same way before any engine ran on it;
// "heldback3" is measured once, at the end of the round, and nobody tunes
// on it).
//
// Default sets: all but "independent" and "heldback3".
//
// tests/bench/search-bench.mjs runs both engines in the browser and uses
// judge() and summarise() from here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const load = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8")).queries;
export const QUERIES = load("./search-queries.json");
/** The judged sets, by name. */
export const SETS = {
  old: QUERIES,
  tuning: load("./search-queries-tuning.json"),
  heldback: load("./search-queries-heldback.json"),
  tuning2: load("./search-queries-tuning-2.json"),
  heldback2: load("./search-queries-heldback-2.json"),
  independent: load("./search-queries-independent.json"),
  tuning3: load("./search-queries-tuning-3.json"),
  heldback3: load("./search-queries-heldback-3.json"),
};
export const DEPTH = 10; // results looked at per query

const pageOf = (href) => href.replace(/#.*$/, "");

/**
 * Judges one query. results: the engine's links, best first, one per page
 * (the link it shows first for that page: a section or the page).
 */
export function judge(query, results) {
  const rank = results.findIndex((h) => query.want.includes(pageOf(h))) + 1;
  const out = { q: query.q, kind: query.kind, rank, top: results[0] ?? null, zero: results.length === 0 };
  if (query.anchors) {
    const top = results[0] ?? "";
    out.anchorOK = query.anchors.some((a) => (a.includes("#") ? a === top : pageOf(top) === a));
  }
  return out;
}

/** Totals per kind of query and overall. */
export function summarise(judged) {
  const sum = (rows) => {
    const n = rows.length;
    const withAnchor = rows.filter((r) => r.anchorOK !== undefined);
    return {
      n,
      hit1: rows.filter((r) => r.rank === 1).length / n,
      hit3: rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / n,
      mrr: rows.reduce((a, r) => a + (r.rank > 0 ? 1 / r.rank : 0), 0) / n,
      anchorN: withAnchor.length,
      anchor: withAnchor.length ? withAnchor.filter((r) => r.anchorOK).length / withAnchor.length : NaN,
      zero: rows.filter((r) => r.zero).length,
    };
  };
  const kinds = [...new Set(judged.map((r) => r.kind))];
  return { all: sum(judged), kinds: Object.fromEntries(kinds.map((k) => [k, sum(judged.filter((r) => r.kind === k))])) };
}

// Quick check of this engine without a browser: the compiled engine
// (build/unit, from `npm run test:unit`'s compile step) reads public/.
if (import.meta.url === `file://${process.argv[1]}`) {
  execFileSync("npx", ["tsc", "-p", "tests/unit/tsconfig.json"], { cwd: ROOT, stdio: "inherit" });
  globalThis.fetch = async (url) => new Response(readFileSync(join(ROOT, "public", new URL(url).pathname)));
  const { SearchIndex } = createRequire(import.meta.url)(join(ROOT, "build/unit/search/engine.js"));
  const ix = await SearchIndex.load("http://localhost/search-index/");
  const f = (x) => (Number.isNaN(x) ? "—" : x.toFixed(2));
  const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  for (const name of names.length ? names : ["old", "tuning", "heldback", "tuning2", "heldback2", "tuning3"]) {
    const set = SETS[name];
    if (!set) throw new Error(`unknown set ${name}: ${Object.keys(SETS).join(", ")}`);
    const judged = [];
    for (const q of set) {
      const r = await ix.search(q.q, { limit: DEPTH }); // as the bench: the last word may still be being typed
      const j = judge(q, r.hits.map((h) => h.href));
      judged.push(j);
      if (j.rank !== 1 || j.anchorOK === false) console.log(`${q.kind.padEnd(12)} ${q.q.padEnd(40)} rank ${j.rank || "-"} top ${j.top}${j.anchorOK === false ? " (anchor)" : ""}`);
    }
    const s = summarise(judged);
    console.log(`${name}: hit@1 ${f(s.all.hit1)} hit@3 ${f(s.all.hit3)} MRR ${f(s.all.mrr)} anchor ${f(s.all.anchor)} zero ${s.all.zero} (${s.all.n} queries)`);
    for (const [k, v] of Object.entries(s.kinds)) console.log(`  ${k.padEnd(12)} hit@1 ${f(v.hit1)} hit@3 ${f(v.hit3)} MRR ${f(v.mrr)} anchor ${f(v.anchor)} zero ${v.zero} (${v.n})`);
  }
}
