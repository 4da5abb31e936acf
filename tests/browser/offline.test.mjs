// Offline use: after one visit the service worker has saved the whole site,
// so with the network gone a guide page opens, search answers and the
// checker scores. A new deploy is offered with a prompt, never swapped in
// under the reader, and replaces the saved copy as one version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSite, openPage, assertClean } from "./harness.mjs";
import { root } from "./checker-lib.mjs";
import { useSite } from "./setup.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CACHE_PREFIX = "safesource-offline-";

/** The version and file count built into a site's sw.js, read from the file. */
function workerManifest(out) {
  const src = readFileSync(join(out, "sw.js"), "utf8");
  const version = /version:"([0-9a-f]{16})"/.exec(src)?.[1];
  const files = [...src.matchAll(/\["(\/[^"]*)","[0-9a-f]{16}"\]/g)].map((m) => m[1]);
  assert.ok(version, "sw.js holds a version");
  assert.ok(files.length > 50, `sw.js lists the site's files (${files.length})`);
  return { version, files };
}

/** Waits until the page's service worker has saved the site and says so in the footer. */
async function waitUntilSaved(page) {
  await page.waitForFunction(() => document.querySelector("[data-offline-status]")?.dataset.offlineStatus === "ready", null, { timeout: 60_000 });
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const names = (await caches.keys()).filter((n) => n.startsWith("safesource-offline-"));
    const saved = names.length === 1 ? (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname) : [];
    return { active: reg.active?.state, names, saved, footer: document.querySelector("[data-offline-status]").textContent };
  });
}

const env = useSite({ cli: true, serve: false });

test("after one visit the site works offline: a guide page, search and the checker", async () => {
  const site = await startSite();
  try {
    const want = workerManifest(join(root, "public"));
    const { page, context, problems } = await openPage(env.browser, site.base, "/", { serviceWorkers: "allow" });
    assert.match(await page.locator("[data-offline-status]").textContent(), /offline/, "footer speaks of offline use from the start");
    const state = await waitUntilSaved(page);
    assert.equal(state.active, "activated");
    assert.deepEqual(state.names, [CACHE_PREFIX + want.version], "one cache, named after the deployed version");
    assert.deepEqual(state.saved.sort(), [...want.files].sort(), "every file of the manifest is saved");
    assert.equal(state.footer, "Available offline");

    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false, "the browser is offline");

    await page.goto(site.base + "guide/safe-payment/");
    assert.equal(await page.locator("h1").textContent(), "Pay safely");
    assert.equal(await page.locator("[data-offline-status]").textContent(), "Available offline");
    // The saved page keeps its production headers, the CSP included.
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
    assert.match(csp ?? "", /default-src 'self'/, "offline pages keep the Content-Security-Policy");

    await page.goto(site.base + "search/?q=" + encodeURIComponent("escrow"));
    await page.waitForFunction(() => (document.querySelector("[data-search-status]")?.textContent ?? "") !== "", null, { timeout: 15_000 });
    const hrefs = await page.$$eval("[data-search-results] a[href]", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.slice(0, 3).includes("/guide/safe-payment/#escrow"), `offline search for escrow: ${hrefs.slice(0, 5).join(", ")}`);
    // A Chinese word the site never uses: its thesaurus file is not saved, so
    // the search answers from the characters alone (here: nothing), without an error.
    await page.goto(site.base + "search/?q=" + encodeURIComponent("警察"));
    await page.waitForFunction(() => (document.querySelector("[data-search-status]")?.textContent ?? "") !== "", null, { timeout: 15_000 });
    assert.match(await page.textContent("[data-search-status]"), /警察/, "offline search for a Chinese word the site lacks says what it looked for");

    await page.goto(site.base + "check/");
    await page.waitForSelector("[data-result][data-score]", { timeout: 20_000 });
    const profile = { store_years: 0.5, payment_method: "personal_account", deposit_percent: 100 };
    await page.locator("#f-store_years").fill("0.5");
    await page.getByLabel("Personal account (private WeChat, Alipay or bank)").check();
    await page.locator("#f-deposit_percent").fill("100");
    const [expected] = env.cli.score([profile]);
    await page.waitForFunction((s) => document.querySelector("[data-result]")?.dataset.score === String(s), expected.score, { timeout: 10_000 });
    assert.equal(await page.locator("[data-result]").getAttribute("data-band"), expected.band, "offline checker agrees with the CLI");

    // A page the site does not have: the saved 404 page, not the browser's error.
    const res = await page.goto(site.base + "no-such-page/");
    assert.equal(res?.status(), 404);
    assert.match(await page.locator("h1").textContent(), /not found/i);

    problems.console = problems.console.filter((m) => !/status of 404/.test(m));
    assertClean(assert, problems, "offline visit");
    await context.close();
  } finally {
    await site.stop();
  }
});

test("a new deploy is offered with a prompt and replaces the saved copy as one version", async () => {
  const out = mkdtempSync(join(tmpdir(), "safesource-deploy-"));
  cpSync(join(root, "public"), out, { recursive: true });
  const site = await startSite({ out });
  try {
    const a = workerManifest(out);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
    const reader = await context.newPage();
    const errors = [];
    reader.on("pageerror", (e) => errors.push(e.message));
    await reader.goto(site.base + "guide/safe-payment/", { waitUntil: "networkidle" });
    assert.deepEqual((await waitUntilSaved(reader)).names, [CACHE_PREFIX + a.version]);
    // Served by the saved version from now on.
    await reader.reload();
    assert.equal(await reader.evaluate(() => navigator.serviceWorker.controller !== null), true, "the page is served by the worker");
    assert.equal(await reader.locator("h1").textContent(), "Pay safely");

    // Deploy version B: one page changes, and the generator rewrites sw.js.
    const file = join(out, "guide", "safe-payment", "index.html");
    writeFileSync(file, readFileSync(file, "utf8").replace(/<h1([^>]*)>Pay safely<\/h1>/, "<h1$1>Pay safely, version B</h1>"));
    execFileSync("go", ["run", "./generator", "offline", "-out", out], { cwd: root, env: { ...process.env, CGO_ENABLED: "0" }, stdio: "ignore" });
    const b = workerManifest(out);
    assert.notEqual(b.version, a.version, "the edited page changed the version");

    await reader.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = reader.locator("[data-update-prompt]");
    await prompt.waitFor({ state: "visible", timeout: 60_000 });
    assert.equal((await prompt.textContent()).replace(/\s+/g, " ").trim(), "New version available: reload");
    const button = reader.getByRole("button", { name: "reload" });
    assert.equal(await button.isVisible(), true);
    await reader.evaluate(axeSource);
    const axe = await reader.evaluate(() => globalThis.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`), [], "the prompt is accessible");

    // Nothing swaps under the reader: this page and a new tab stay on version A.
    assert.equal(await reader.locator("h1").textContent(), "Pay safely");
    const other = await context.newPage();
    await other.goto(site.base + "guide/safe-payment/");
    assert.equal(await other.locator("h1").textContent(), "Pay safely", "a new tab still gets the saved version A");
    await other.locator("[data-update-prompt]").waitFor({ state: "visible", timeout: 10_000 });

    // The reader chooses: every open page reloads on version B.
    const reloaded = reader.waitForEvent("load", { timeout: 30_000 });
    const otherReloaded = other.waitForEvent("load", { timeout: 30_000 });
    await button.click();
    await reloaded;
    await otherReloaded;
    assert.equal(await reader.locator("h1").textContent(), "Pay safely, version B");
    assert.equal(await other.locator("h1").textContent(), "Pay safely, version B");
    assert.equal(await reader.locator("[data-update-prompt]").isVisible(), false, "no prompt on the new version");
    const after = await waitUntilSaved(reader);
    assert.deepEqual(after.names, [CACHE_PREFIX + b.version], "the old version's cache is gone");
    assert.deepEqual(after.saved.sort(), [...b.files].sort());

    // And version B is what works offline now.
    await context.setOffline(true);
    await reader.goto(site.base + "guide/safe-payment/");
    assert.equal(await reader.locator("h1").textContent(), "Pay safely, version B");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await site.stop();
    rmSync(out, { recursive: true, force: true });
  }
});

test("on /check/ the site is saved for offline use only once the checker has started", async () => {
  const site = await startSite();
  try {
    const context = await env.browser.newContext({ serviceWorkers: "allow" });
    // Hold the checker's WebAssembly back until the test lets it through.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let asked = false;
    await context.route("**/*.wasm", async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(site.base + "check/", { waitUntil: "load" });
    await page.waitForFunction(() => document.readyState === "complete");
    // Loaded, idle and waiting for its checker: nothing is saved yet.
    await page.waitForTimeout(2500);
    assert.equal(asked, true, "the checker asked for its WebAssembly");
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), true,
      "no service worker while the checker is still starting");
    assert.equal(await page.locator("[data-result]").getAttribute("data-score"), null, "the checker has not scored yet");

    release();
    await page.waitForSelector("[data-result][data-score]", { timeout: 30_000 });
    const state = await waitUntilSaved(page);
    assert.equal(state.active, "activated", "once the checker has started, the site is saved");
    assert.equal(state.footer, "Available offline");
    await context.close();
  } finally {
    await site.stop();
  }
});
