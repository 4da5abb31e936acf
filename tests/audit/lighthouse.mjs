// Lighthouse audit (mobile defaults) of the home page, a guide page, the
// checker, the saved suppliers and search, served with the production
// headers. Prints one JSON object: {page: {performance, accessibility,
// best-practices, seo, tbtMs, cls, failing, runs}}.
//   node tests/audit/lighthouse.mjs [--assert] [--runs N]
//   --assert exits 1 unless accessibility, best practices and SEO are 100
//   on every page. --runs N audits each page N times and reports the median
//   run (Lighthouse's own choice: the run nearest the median first paint and
//   time to interactive), with every run's performance score and blocking
//   time beside it: on a shared machine one run of the same build has given
//   /check/ a blocking time anywhere from 9 to 239 ms.
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import * as chromeLauncher from "chrome-launcher";
import { startSite, CHROMIUM } from "../browser/harness.mjs";

const pages = ["/", "/guide/safe-payment/", "/check/", "/check/saved/", "/search/"];
const categories = ["performance", "accessibility", "best-practices", "seo"];
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg < 0 ? 1 : Number(process.argv[runsArg + 1]);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`lighthouse.mjs: --runs wants a whole number of runs, 1 or more (got ${process.argv[runsArg + 1] ?? "nothing"})`);
  process.exit(2);
}
const score = (lhr, c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const tbt = (lhr) => Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN);

const site = await startSite();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = {};
try {
  for (const path of pages) {
    const all = [];
    for (let i = 0; i < runs; i++) {
      all.push((await lighthouse(site.base + path.slice(1), { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories })).lhr);
    }
    const lhr = runs === 1 ? all[0] : computeMedianRun(all);
    const scores = Object.fromEntries(categories.map((c) => [c, score(lhr, c)]));
    // Name the audits that cost points, so a failure says what to fix.
    const failing = [];
    for (const c of categories) {
      for (const ref of lhr.categories[c].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 0.9) failing.push(`${c}: ${a.id} (${a.displayValue ?? a.score})`);
      }
    }
    const tbtMs = tbt(lhr);
    const cls = Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(4));
    results[path] = { ...scores, tbtMs, cls, failing, runs: all.map((r) => ({ performance: score(r, "performance"), tbtMs: tbt(r) })) };
  }
} finally {
  await chrome.kill();
  await site.stop();
}
console.log(JSON.stringify(results, null, 2));
if (process.argv.includes("--assert")) {
  const bad = Object.entries(results).filter(([, r]) => r.accessibility < 100 || r["best-practices"] < 100 || r.seo < 100);
  for (const [p, r] of bad) console.error(`Lighthouse ${p}: accessibility ${r.accessibility}, best practices ${r["best-practices"]}, SEO ${r.seo}; failing: ${r.failing.join("; ")}`);
  process.exit(bad.length ? 1 : 0);
}
