// The UI strings the checker scripts use are listed in the template that
// hands them to the page (checker/config.html). This test derives the keys
// from the scripts' msg() calls and fails on a key missing from the list or
// from i18n/en.toml, and on a listed key no script uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const theme = new URL("../../themes/safesource/", import.meta.url).pathname;
const read = (p) => readFileSync(join(theme, p), "utf8");

// The band names, as the checker's rules give them (checker/rules.json): the
// templates list band_<band> and severity_<band> from the rules data.
const rules = JSON.parse(readFileSync(new URL("../../checker/rules.json", import.meta.url), "utf8"));
const bandNames = rules.bands.map((b) => b.band);

const i18nKeys = new Set(Array.from(read("i18n/en.toml").matchAll(/^(\w+)\s*=/gm), (m) => m[1]));

/** Keys used by msg() calls in the .ts files of a folder: literal keys, and "prefix_" + value as prefixes. */
function usedKeys(dir) {
  const keys = new Set();
  const prefixes = new Set();
  for (const f of readdirSync(join(theme, dir)).filter((n) => n.endsWith(".ts"))) {
    const src = read(join(dir, f));
    for (const m of src.matchAll(/\bmsg\(([^,()]*)/g)) {
      const arg = m[1];
      const literals = Array.from(arg.matchAll(/"([A-Za-z_]+)"/g), (l) => l[1]);
      assert.ok(literals.length > 0, `${dir}/${f}: msg(${arg}…) has no literal key, so the key cannot be checked`);
      for (const l of literals) (new RegExp(`"${l}"\\s*\\+`).test(arg) ? prefixes : keys).add(l);
    }
  }
  return { keys, prefixes };
}

test("every UI string the checker scripts use is listed for the page and exists in en.toml; nothing listed is unused", () => {
  const block = /\$msgs := slice([\s\S]*?)-\}\}/.exec(read("layouts/_partials/checker/config.html"));
  assert.ok(block, "config.html has the $msgs list");
  const listed = new Set(Array.from(block[1].matchAll(/"([A-Za-z_]+)"/g), (m) => m[1]));
  const config = read("layouts/_partials/checker/config.html");
  assert.match(config, /range \$rules\.bands \}\}.*\(printf "band_%s" \.band\) \(printf "severity_%s" \.band\)/, "config.html lists band_ and severity_ keys from the rules' bands");
  for (const b of bandNames) listed.add(`band_${b}`).add(`severity_${b}`);
  const { keys, prefixes } = usedKeys("assets/ts/checker");
  assert.ok(keys.size > 20, `found the checker's msg() calls (${keys.size})`);
  for (const k of keys) assert.ok(listed.has(k), `"${k}" is used by a checker script but not listed in checker/config.html`);
  for (const p of prefixes) assert.ok([...listed].some((k) => k.startsWith(p)), `no listed key starts with "${p}"`);
  for (const k of listed) {
    assert.ok(i18nKeys.has(k), `"${k}" is listed in checker/config.html but missing from i18n/en.toml`);
    assert.ok(keys.has(k) || [...prefixes].some((p) => k.startsWith(p)), `"${k}" is listed in checker/config.html but no checker script uses it`);
  }
});

test("the strings the site-wide scripts use are on <body> and exist in en.toml", () => {
  const body = read("layouts/baseof.html");
  const onBody = new Map(Array.from(body.matchAll(/data-msg-([a-z-]+)="\{\{ i18n "(\w+)" \}\}"/g), (m) => [m[1], m[2]]));
  const { keys } = usedKeys("assets/ts/lib");
  assert.ok(keys.size > 0);
  for (const k of keys) {
    const attr = k.replace(/([A-Z_])/g, "-$1").toLowerCase().replace(/-_/g, "-");
    assert.equal(onBody.get(attr), k, `"${k}": <body data-msg-${attr}="{{ i18n "${k}" }}"> in baseof.html`);
    assert.ok(i18nKeys.has(k), `"${k}" missing from i18n/en.toml`);
  }
});
