import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
const ROOT = new URL("../../", import.meta.url).pathname;
globalThis.fetch = async (url) => new Response(readFileSync(join(ROOT, "public", new URL(url).pathname)));
const { SearchIndex } = createRequire(import.meta.url)(join(ROOT, "build/unit/search/engine.js"));
const ix = await SearchIndex.load("http://localhost/search-index/");
for (const q of process.argv.slice(2)) {
  const r = await ix.search(q + " ", { limit: 5 });
  console.log("==", q, JSON.stringify(r.instead ?? null));
  for (const h of r.hits) console.log("  ", h.href, h.score?.toFixed?.(2) ?? "");
}
