// Hostile-input benchmark for the checker CLI: writes large malicious or
// degenerate profile files into a temporary folder, runs the compiled
// `checker score` on each and measures wall time and peak memory (max RSS,
// from /usr/bin/time). Budget: every file up to 50 MB in under 5 s and under
// 300 MB.
//
//   node tests/bench/hostile.mjs [--mb 50] [--bin PATH] [--json] [--keep]
//
// bench.mjs runs it as the "hostile" group (`node tests/bench/bench.mjs
// --only hostile`).
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { loadavg } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
export const budget = { seconds: 5, rssMB: 300 };

/** Writes a file of about `bytes` bytes: head, then part(i) repeated, then tail. */
function generate(path, bytes, { head = "", part, sep = "", tail = "" }) {
  const fd = openSync(path, "w");
  let chunk = head, written = 0;
  for (let i = 0; written + chunk.length < bytes; i++) {
    chunk += (i > 0 ? sep : "") + part(i);
    if (chunk.length >= 1 << 20) { writeSync(fd, chunk); written += chunk.length; chunk = ""; }
  }
  writeSync(fd, chunk + tail);
  closeSync(fd);
}

const profileJSON = (i) => `{"supplier_name":"Supplier ${i}","platform":"1688","store_years":${i % 20},"badges":["verified_supplier","trade_assurance"],"employees":${40 + (i % 300)},"samples":"passed","deposit_percent":30,"payment_method":"platform_escrow"}`;
const profileYAML = (i) => `- supplier_name: Supplier ${i}\n  platform: "1688"\n  store_years: ${i % 20}\n  badges: [verified_supplier, trade_assurance]\n  employees: ${40 + (i % 300)}\n  samples: passed\n  deposit_percent: 30\n  payment_method: platform_escrow\n`;
const csvHeader = "supplier_name,platform,store_years,badges,employees,samples,deposit_percent,payment_method\n";

/** The hostile files: name → how to write one of about `bytes` bytes. */
export const cases = {
  "json-array-of-non-profiles.json": (p, n) => generate(p, n, { head: "[", part: () => "1", sep: ",", tail: "]" }),
  "json-unknown-keys.json": (p, n) => generate(p, n, { head: "[", part: (i) => `{"supplier_nam${i}":1,"paymnet_method${i}":"x"}`, sep: ",\n", tail: "]" }),
  "json-one-object-of-unknown-keys.json": (p, n) => generate(p, n, { head: "{", part: (i) => `"store_year${i}":1`, sep: ",", tail: "}" }),
  "json-bad-values.json": (p, n) => generate(p, n, { head: "[", part: () => `{"payment_method":"paypall","badges":["gold","none"],"store_years":"3"}`, sep: ",\n", tail: "]" }),
  "json-10mb-value.json": (p) => generate(p, 10 << 20, { head: `{"supplier_name":"`, part: () => "A", tail: `"}` }),
  // Profiles with nothing answered: each is a problem, not a result, so
  // the output stays empty however many there are (it was 8.8 GB of text
  // for 10 MB of {}).
  "json-empty-objects.json": (p, n) => generate(p, n, { head: "[", part: () => "{}", sep: ",", tail: "]" }),
  "json-valid-list.json": (p, n) => generate(p, n, { head: "[", part: profileJSON, sep: ",\n", tail: "]" }),
  "yaml-valid-list.yaml": (p, n) => generate(p, n, { part: profileYAML }),
  "yaml-alias-bomb-3.5mb.yaml": (p) => generate(p, 3.5 * (1 << 20), {
    head: "- &a\n" + Array.from({ length: 500 }, (_, i) => `  k${i}: v\n`).join(""), part: () => "- *a\n",
  }),
  "yaml-unknown-keys.yaml": (p, n) => generate(p, n, { part: (i) => `- supplier_nam${i}: 1\n  paymnet_method${i}: x\n` }),
  "csv-unknown-columns.csv": (p, n) => generate(p, n, { part: (i) => `store_year${i}`, sep: ",", tail: "\n1\n" }),
  "csv-ragged-rows.csv": (p, n) => generate(p, n, { head: csvHeader, part: (i) => "A,1688" + ",x".repeat(i % 40) + "\n" }),
  "csv-one-long-row.csv": (p, n) => generate(p, n, { head: csvHeader, part: () => "x", sep: "," }),
  "csv-bad-values.csv": (p, n) => generate(p, n, { head: csvHeader, part: () => "A,ebay,-1,gold,x,ok,120,paypall\n" }),
  "csv-empty-rows.csv": (p, n) => generate(p, n, { head: csvHeader, part: () => ",,,,,,,\n" }),
  "csv-valid.csv": (p, n) => generate(p, n, { head: csvHeader, part: (i) => `Supplier ${i},1688,${i % 20},verified_supplier;trade_assurance,${40 + (i % 300)},passed,30,platform_escrow\n` }),
};

/** Runs one file through the CLI; returns wall and CPU seconds, peak RSS in MB, exit code and stderr size. */
function measure(bin, file, dir) {
  const timing = join(dir, "time.txt"), errFile = join(dir, "stderr.txt");
  writeFileSync(timing, "");
  const r = spawnSync("/bin/sh", ["-c", `exec /usr/bin/time -f "%e %U %S %M" -o "$1" "$2" score --format csv "$3" > /dev/null 2> "$4"`, "sh", timing, bin, file, errFile], { encoding: "utf8", timeout: 120_000 });
  const last = readFileSync(timing, "utf8").trim().split("\n").pop();
  if (r.error || !last) return { seconds: Infinity, cpuSeconds: Infinity, rssMB: NaN, exit: -1, stderrLines: 0, stderrBytes: 0, lastLine: "killed after 120 s" };
  const [secs, user, sys, kb] = last.split(" ").map(Number);
  const stderr = readFileSync(errFile, "utf8");
  const lines = stderr.split("\n").filter(Boolean);
  return { seconds: secs, cpuSeconds: user + sys, rssMB: kb / 1024, exit: r.status ?? -1, stderrLines: lines.length, stderrBytes: Buffer.byteLength(stderr), lastLine: lines.at(-1) ?? "" };
}

export function runHostile({ mb = 50, bin, keep = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "safesource-hostile-"));
  try {
    if (!bin) {
      bin = join(dir, "checker");
      execFileSync("go", ["build", "-o", bin, "./checker/cmd/checker"], { cwd: root, env: { ...process.env, CGO_ENABLED: "0" } });
    }
    const rows = [];
    for (const [name, write] of Object.entries(cases)) {
      const file = join(dir, name);
      write(file, mb << 20);
      const size = statSync(file).size;
      const m = measure(bin, file, dir);
      const load = loadavg()[0];
      // The machine is shared: wall time includes waiting for other
      // processes, so the time budget is checked on CPU time (user + system)
      // and the wall time and load average are shown beside it.
      rows.push({ name, sizeMB: size / (1 << 20), ...m, load, pass: m.cpuSeconds < budget.seconds && m.rssMB < budget.rssMB && m.exit !== -1 });
      process.stderr.write(`hostile: ${name} ${(size / (1 << 20)).toFixed(1)} MB: ${m.cpuSeconds.toFixed(2)} s CPU, ${m.seconds} s wall (load ${load.toFixed(1)}), ${m.rssMB.toFixed(0)} MB, exit ${m.exit}, ${m.stderrLines} stderr lines\n`);
      if (!keep) rmSync(file);
    }
    return { hostileMB: mb, hostile: rows };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const result = runHostile({ mb: Number(arg("--mb") ?? 50), bin: arg("--bin"), keep: process.argv.includes("--keep") });
  if (process.argv.includes("--json")) process.stdout.write(JSON.stringify(result) + "\n");
}
