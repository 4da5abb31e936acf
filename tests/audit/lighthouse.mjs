// Lighthouse audit (mobile defaults) of the home page, a guide page, the
// checker, the saved suppliers and search, served with the production
// headers. Prints one JSON object: {page: {performance, accessibility,
// best-practices, seo, tbtMs, cls, failing, runs}}.
//   node tests/audit/lighthouse.mjs [--assert] [--runs N]
//   --assert exits 1 unless accessibility, best practices and SEO are 100
//   on every page. --runs N audits each page N times: performance and
//   total blocking time are then the median of the runs (each run's figures
//   are in runs, with the machine's 1-minute load average after the run: on
//   a shared machine one build's /check/ has had a blocking time anywhere
//   from 9 to 324 ms), the layout shift the largest, and accessibility, best
//   practices and SEO the lowest.
import { loadavg } from "node:os";
import lighthouse from "lighthouse";
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
const cls = (lhr) => Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(4));
/** The middle value (the lower middle one for an even count). */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

const site = await startSite();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = {};
try {
  // Runs take turns between the pages (round 1 of every page, then round 2…),
  // so a burst of other work on a shared machine spreads over all the pages
  // instead of landing on every run of one of them.
  const done = Object.fromEntries(pages.map((p) => [p, []])); // per page: { lhr, load } of each run
  for (let i = 0; i < runs; i++) {
    for (const path of pages) {
      const { lhr } = await lighthouse(site.base + path.slice(1), { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories });
      done[path].push({ lhr, load: Number(loadavg()[0].toFixed(1)) });
    }
  }
  for (const path of pages) {
    const all = done[path].map((r) => r.lhr);
    // The run with the lowest accessibility, best practices and SEO names what cost the points.
    const others = categories.filter((c) => c !== "performance");
    const worst = all.reduce((a, b) => (others.reduce((n, c) => n + score(b, c) - score(a, c), 0) < 0 ? b : a));
    const scores = Object.fromEntries(others.map((c) => [c, score(worst, c)]));
    scores.performance = median(all.map((r) => score(r, "performance")));
    // Name the audits that cost points, so a failure says what to fix.
    const failing = [];
    for (const c of others) {
      for (const ref of worst.categories[c].auditRefs) {
        const a = worst.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 0.9) failing.push(`${c}: ${a.id} (${a.displayValue ?? a.score})`);
      }
    }
    results[path] = {
      ...scores, tbtMs: median(all.map(tbt)), cls: Math.max(...all.map(cls)), failing,
      runs: done[path].map(({ lhr: r, load }) => ({ performance: score(r, "performance"), tbtMs: tbt(r), cls: cls(r), load })),
    };
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
