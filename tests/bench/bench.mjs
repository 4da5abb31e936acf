// `make bench`: measures the build, the page weights, the WebAssembly
// checker, scoring speed, search and Lighthouse in one run on this machine,
// stores the numbers in BENCHMARKS.json and regenerates BENCHMARKS.md as one
// table. `--only NAME[,NAME]` re-measures some groups and keeps the others.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { budget as hostileBudget, runHostile } from "./hostile.mjs";

const root = new URL("../..", import.meta.url).pathname;
const env = { ...process.env, CGO_ENABLED: "0" };
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20, ...opts });
const time = (fn) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / 1e6; };
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

function htmlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out;
}

/** HTML + the stylesheets and scripts a page loads up front, brotli. */
function pageWeight(file) {
  const text = readFileSync(file, "utf8");
  const html = br(Buffer.from(text));
  let css = 0, js = 0;
  for (const m of text.matchAll(/<link[^>]+rel=["']?stylesheet[^>]+href=["']?([^"' >]+)/g)) css += br(readFileSync(join(root, "public", m[1])));
  for (const m of text.matchAll(/<script[^>]+src=["']?([^"' >]+)/g)) js += br(readFileSync(join(root, "public", m[1])));
  return { html, css, js, total: html + css + js };
}

const groups = {
  machine() {
    const chromium = spawnSync(process.env.CHROMIUM || "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout?.trim() || "not found";
    return {
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}`,
      memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free at start)`,
      go: run("go", ["version"]).trim(), node: process.version, chromium,
      date: new Date().toISOString().slice(0, 10),
    };
  },

  build() {
    run("go", ["run", "./generator", "build"]); // warm caches (modules, Hugo binary, size cache)
    const runs = [1, 2, 3].map(() => time(() => run("go", ["run", "./generator", "build"])));
    const pages = htmlFiles(join(root, "public")).length;
    const best = Math.min(...runs);
    return { realBuildMs: best, realPages: pages, realPerPageMs: best / pages };
  },

  synthetic() {
    const dir = mkdtempSync(join(tmpdir(), "safesource-synthetic-"));
    try {
      run("go", ["run", "./generator", "synthetic", "-pages", "5000", "-out", dir]);
      const buildMs = time(() => run("go", ["run", "./generator", "build", "-root", dir]));
      const pages = htmlFiles(join(dir, "public")).length;
      return { synthBuildMs: buildMs, synthPages: pages, synthPerPageMs: buildMs / pages };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  weights() {
    const pub = join(root, "public");
    const guides = readdirSync(join(pub, "guide"), { withFileTypes: true })
      .filter((e) => e.isDirectory()).map((e) => join(pub, "guide", e.name, "index.html"));
    const totals = guides.map((g) => pageWeight(g).total).sort((a, b) => a - b);
    const wasmName = readdirSync(join(pub, "assets")).find((f) => f.endsWith(".wasm"));
    const wasm = wasmName ? readFileSync(join(pub, "assets", wasmName)) : Buffer.alloc(0);
    return {
      homeKB: pageWeight(join(pub, "index.html")).total,
      guideMaxKB: totals[totals.length - 1],
      guideMedianKB: totals[Math.floor(totals.length / 2)],
      checkerJS: pageWeight(join(pub, "check", "index.html")).js,
      wasmRaw: wasm.length, wasmGzip: gzipSync(wasm, { level: 9 }).length, wasmBrotli: br(wasm),
    };
  },

  scoring() {
    const single = run("go", ["test", "-run", "^$", "-bench", "^(BenchmarkScore|BenchmarkScorer)$", "./checker/"]);
    const batch = run("go", ["test", "-run", "^$", "-bench", "^BenchmarkBatchVsBaseline$", "-benchtime", "3x", "./checker/cmd/checker/"]);
    const num = (re, s) => Number(re.exec(s)?.[1] ?? NaN);
    return {
      scoreNs: num(/BenchmarkScore-\d+\s+\d+\s+([\d.]+) ns\/op/, single),
      scorerNs: num(/BenchmarkScorer-\d+\s+\d+\s+([\d.]+) ns\/op/, single),
      batchRatio: num(/([\d.]+) ratio/, batch),
      batchNsPerRow: num(/([\d.]+) ns\/row/, batch),
    };
  },

  search() {
    const script = join(root, "tests", "bench", "search-bench.mjs");
    if (!existsSync(script)) return { searchNote: "search benchmark not present" };
    return JSON.parse(run("node", [script, "--json"]));
  },

  hostile() {
    return runHostile({ mb: 50 });
  },

  lighthouse() {
    return { pages: JSON.parse(run("node", ["tests/audit/lighthouse.mjs"])) };
  },
};

const store = join(root, "BENCHMARKS.json");
const results = existsSync(store) ? JSON.parse(readFileSync(store, "utf8")) : {};
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : Object.keys(groups);
for (const name of ["machine", ...only.filter((n) => n !== "machine")]) {
  if (!groups[name]) throw new Error(`unknown group ${name}: use ${Object.keys(groups).join(", ")}`);
  process.stderr.write(`bench: ${name}…\n`);
  results[name] = groups[name]();
}
writeFileSync(store, JSON.stringify(results, null, 2) + "\n");
writeFileSync(join(root, "BENCHMARKS.md"), render(results));
process.stderr.write("bench: wrote BENCHMARKS.md\n");

function render(r) {
  const m = r.machine ?? {};
  const b = r.build ?? {}, s = r.synthetic ?? {}, w = r.weights ?? {}, sc = r.scoring ?? {}, se = r.search ?? {}, lh = r.lighthouse?.pages ?? {}, ho = r.hostile ?? {};
  const ok = (pass) => (pass === undefined ? "" : pass ? "✅" : "❌");
  const has = (v) => v !== undefined && !Number.isNaN(v);
  const rows = [
    ["Full build, real site (all stages)", has(b.realBuildMs) ? `${ms(b.realBuildMs)} for ${b.realPages} pages (${b.realPerPageMs.toFixed(1)} ms/page)` : "—", "", ""],
    ["Full build, synthetic site (all stages)", has(s.synthBuildMs) ? `${ms(s.synthBuildMs)} for ${s.synthPages} pages (${s.synthPerPageMs.toFixed(2)} ms/page)` : "—", "", ""],
    ["Home page: HTML + CSS + JS (brotli)", has(w.homeKB) ? kb(w.homeKB) : "—", "", ""],
    ["Guide page: heaviest / median (brotli)", has(w.guideMaxKB) ? `${kb(w.guideMaxKB)} / ${kb(w.guideMedianKB)}` : "—", "≤ 35 KB", ok(has(w.guideMaxKB) ? w.guideMaxKB <= 35 * 1024 : undefined)],
    ["Checker page JavaScript (brotli)", has(w.checkerJS) ? kb(w.checkerJS) : "—", "≤ 20 KB", ok(has(w.checkerJS) ? w.checkerJS <= 20 * 1024 : undefined)],
    ["checker.wasm raw / gzip / brotli", w.wasmRaw ? `${kb(w.wasmRaw)} / ${kb(w.wasmGzip)} / ${kb(w.wasmBrotli)}` : "—", "≤ 700 KB brotli (goal 550)", ok(w.wasmRaw ? w.wasmBrotli <= 700 * 1024 : undefined)],
    ["Score one profile (Go, native)", has(sc.scoreNs) ? `${(sc.scoreNs / 1000).toFixed(2)} µs; reusing a Scorer ${(sc.scorerNs / 1000).toFixed(2)} µs` : "—", "goal ≤ 2 µs", ok(has(sc.scoreNs) ? sc.scoreNs <= 2000 : undefined)],
    ["CSV batch of 200,000 profiles ÷ encoding/csv read+write of the same file", has(sc.batchRatio) ? `${sc.batchRatio.toFixed(2)}× (${sc.batchNsPerRow.toFixed(0)} ns/row; both measured interleaved in one run)` : "—", "goal ≤ 1.5×", ok(has(sc.batchRatio) ? sc.batchRatio <= 1.5 : undefined)],
  ];
  for (const row of se.rows ?? []) rows.push([row.measure, row.result, row.budget ?? "", ok(row.pass)]);
  if (se.searchNote) rows.push(["Search", se.searchNote, "", ""]);
  for (const h of ho.hostile ?? []) {
    const cpu = Number.isFinite(h.cpuSeconds) ? `${h.cpuSeconds.toFixed(2)} s CPU` : "killed after 120 s";
    rows.push([`Hostile input: \`checker score\` on ${h.name} (${h.sizeMB.toFixed(1)} MB)`,
      `${cpu}, ${h.rssMB.toFixed(0)} MB peak; exit ${h.exit}, ${h.stderrLines} stderr lines (wall ${h.seconds} s at load ${h.load?.toFixed(1) ?? "?"})`,
      `< ${hostileBudget.seconds} s CPU, < ${hostileBudget.rssMB} MB`, ok(h.pass)]);
  }
  for (const [page, sco] of Object.entries(lh)) {
    rows.push([`Lighthouse ${page}: performance / accessibility / best practices / SEO`, `${sco.performance} / ${sco.accessibility} / ${sco["best-practices"]} / ${sco.seo}`, "≥ 95 / 100 / 100 / 100",
      ok(sco.performance >= 95 && sco.accessibility === 100 && sco["best-practices"] === 100 && sco.seo === 100)]);
  }
  return `# Benchmarks

Regenerated by \`make bench\` (\`make audit\` refreshes the Lighthouse rows);
the raw numbers are in \`BENCHMARKS.json\`. Times are wall-clock on a shared
machine: compare ratios measured in the same run, not separate runs.

**Machine:** ${m.cpu ?? "?"}, ${m.memory ?? "?"}; ${m.go ?? "?"}; Node ${m.node ?? "?"}; ${m.chromium ?? "?"}; measured ${m.date ?? "?"}.

| Measure | Result | Budget / goal | |
|---|---|---|---|
${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}
`;
}
