import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
const ROOT = new URL("../../", import.meta.url).pathname;
const base = join(ROOT, "public/search-index");
const m = JSON.parse(gunzipSync(readFileSync(join(base, "manifest.smeta"))));
const dir = join(base, m.build, "s");
const p = {};
for (const f of readdirSync(dir)) Object.assign(p, JSON.parse(gunzipSync(readFileSync(join(dir, f)))).p);
let secs = new Set(); for (const [t, l] of Object.entries(p)) { let pg = 0; for (let k = 0; k + 2 < l.length; k += 3) { pg += l[k]; secs.add(pg * 65536 + l[k + 1]); } }
console.log("sections", secs.size, "terms", Object.keys(p).length);
for (const t of process.argv.slice(2)) console.log(t, (p[t]?.length ?? 0) / 3);
