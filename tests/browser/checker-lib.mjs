// Helpers shared by checker.test.mjs and saved.test.mjs: the command-line
// checker (the reference the browser must agree with), an independent
// encoder for share links, and a seeded corpus of random profiles.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = new URL("../../", import.meta.url).pathname;

/** Builds the CLI once per test file; returns {score, uscc, rules, dir, cleanup}. */
export function buildCLI() {
  const dir = mkdtempSync(join(tmpdir(), "safesource-cli-"));
  const bin = join(dir, "checker");
  execFileSync("go", ["build", "-o", bin, "./checker/cmd/checker"], { cwd: root, stdio: "inherit", env: { ...process.env, CGO_ENABLED: "0" } });
  const run = (args) => {
    const r = spawnSync(bin, args, { cwd: root, encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`checker ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
    return r.stdout;
  };
  return {
    dir,
    /** Scores files (JSON, YAML or CSV) with `checker score --format json`: one result per profile, in order. */
    scoreFiles: (...files) => JSON.parse(run(["score", "--format", "json", ...files])),
    /** Scores profile objects by writing them to a JSON list first. */
    score(profiles) {
      const file = join(dir, `profiles-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify(profiles));
      return this.scoreFiles(file);
    },
    /**
     * The result for no answers. A file of profiles with nothing answered is
     * a problem to the command-line checker ("profile 1: no answers; nothing
     * to score"), so this is the result the build wrote with the same Go
     * code, checker.Score of an empty profile (build/generated/data/checker_start.json).
     */
    noAnswers: () => JSON.parse(readFileSync(join(root, "build/generated/data/checker_start.json"), "utf8")),
    uscc: (...codes) => JSON.parse(run(["uscc", "--format", "json", ...codes])),
    rules: () => JSON.parse(run(["rules", "--format", "json"])),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The share-link fragment for a profile, written from the spec, not from the
 * page's code. With rulesVersion it ends in rules_version=N, as the page
 * writes links; without, it is a link as the v1 page wrote them.
 */
export function fragment(profile, rulesVersion) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(profile)) {
    if (v === null || v === undefined) continue;
    p.append(k, Array.isArray(v) ? (v.length ? v.join(",") : "none") : String(v));
  }
  if (rulesVersion !== undefined) p.append("rules_version", String(rulesVersion));
  return "#" + p.toString();
}

/** The valid example profiles the Go tests use (the bad-* and not-an-object files are rejects). */
export function exampleProfiles() {
  const dir = join(root, "checker/testdata/profiles");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.startsWith("bad-") && f !== "not-an-object.json")
    .map((f) => ({ name: f, file: join(dir, f), profile: JSON.parse(readFileSync(join(dir, f), "utf8")) }));
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values at and around every threshold in the rules, and a few far away.
const NUMBERS = [0, 0.4, 0.5, 0.99, 1, 2, 2.5, 2.99, 3, 4, 10, 12, 29, 30, 31, 35, 49, 50, 51, 69, 70, 80, 99, 100, 150, 499, 500, 501, 999, 4999, 5000, 25000, 1e6];
const NAMES = ["Ningbo Reliable Home Goods Co., Ltd.", "深圳市优质贸易有限公司", "Quote \"Trading\" & Sons", "a,b;c", "<img src=x onerror=alert(1)>"];
const CODES = ["91330100716105852F", "91330100716105852A", "9133 0100 7161 0585 2F", "123", "91440300MA5D8RHJ0Y"];

/** n random profiles over the questionnaire in `rules` (from `checker rules --format json`). */
export function randomProfiles(rules, n, seed = 20261121) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const p = {};
    for (const q of rules.questions) {
      if (r() < 0.35) continue; // not known
      const values = (q.values ?? []).map((v) => v.value).filter((v) => v !== "unknown");
      if (q.type === "enum") p[q.id] = pick(values);
      else if (q.type === "list") p[q.id] = values.filter(() => r() < 0.3);
      else if (q.type === "text") p[q.id] = q.id === "uscc" ? pick(CODES) : pick(NAMES);
      else {
        const ok = NUMBERS.filter((x) => (q.min === undefined || x >= q.min) && (q.max === undefined || x <= q.max) && (q.type !== "integer" || Number.isInteger(x)));
        p[q.id] = pick(ok);
      }
    }
    out.push(p);
  }
  return out;
}

/**
 * Runs in the page (page.evaluate): clicks answers that change the score and
 * times each click until the result panel is updated (the worker's reply
 * rendered). Returns {n, median, p95} in milliseconds.
 */
export async function inputToResult(n) {
  const root = document.querySelector("[data-result]");
  const radios = ["passed", "failed"].map((v) => document.querySelector(`input[name="samples"][value="${v}"]`));
  const times = [];
  for (let i = 0; i < n; i++) {
    const updated = new Promise((resolve) => {
      const o = new MutationObserver(() => { o.disconnect(); resolve(); });
      o.observe(root, { attributes: true, attributeFilter: ["data-score"] });
    });
    const t0 = performance.now();
    radios[i % 2].click();
    await updated;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { n: times.length, median: times[Math.floor(n / 2)], p95: times[Math.floor(n * 0.95)] };
}
