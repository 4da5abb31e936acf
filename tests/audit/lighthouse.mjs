// Lighthouse audit (mobile defaults) of the home page, a guide page, the
// checker, the saved suppliers and search, served with the production
// headers. Prints one JSON object: {page: {performance, accessibility,
// best-practices, seo, tbtMs, cls, failing}}.
//   node tests/audit/lighthouse.mjs [--assert]   --assert exits 1 unless
//   accessibility, best practices and SEO are 100 on every page.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startSite, CHROMIUM } from "../browser/harness.mjs";

const pages = ["/", "/guide/safe-payment/", "/check/", "/check/saved/", "/search/"];
const categories = ["performance", "accessibility", "best-practices", "seo"];

const site = await startSite();
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const results = {};
try {
  for (const path of pages) {
    const { lhr } = await lighthouse(site.base + path.slice(1), { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories });
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    // Name the audits that cost points, so a failure says what to fix.
    const failing = [];
    for (const c of categories) {
      for (const ref of lhr.categories[c].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 0.9) failing.push(`${c}: ${a.id} (${a.displayValue ?? a.score})`);
      }
    }
    const tbtMs = Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN);
    const cls = Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(4));
    results[path] = { ...scores, tbtMs, cls, failing };
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
