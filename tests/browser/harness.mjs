// Shared browser-test harness: serves the built public/ with the production
// headers (`generator serve -prod`), drives the system Chromium through
// playwright-core, and records console errors, CSP violations and requests
// that leave the site's origin.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** One page of every kind the site has, for checks that must hold site-wide. */
export const pageKinds = [
  "/", "/guide/", "/guide/safe-payment/", "/red-flags/", "/red-flags/large-deposit/",
  "/scams/", "/scams/pop-up-store/", "/playbook/", "/playbook/reverse-payment/",
  "/contacts/", "/glossary/", "/methodology/", "/check/", "/check/saved/", "/search/",
  "/training/", "/training/pop-up-phone-stands/", "/training/trainers/", "/playbook/print/", "/guide/print/",
  "/about/facts/",
];

/**
 * Starts the production-like server on a free port; resolves to {base, stop}.
 * `out` serves another built copy of the site (an absolute folder) instead of public/.
 */
export async function startSite({ out } = {}) {
  const child = spawn("go", ["run", "./generator", "serve", "-prod", "-port", "0", ...(out ? ["-out", out] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, CGO_ENABLED: "0" },
    detached: true, // own process group: stopping it also stops the binary `go run` started
  });
  const killGroup = () => { try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ } };
  const lines = createInterface({ input: child.stdout });
  const timer = setTimeout(killGroup, 120_000);
  for await (const line of lines) {
    const m = /^serving (http:\/\/\S+\/)$/.exec(line);
    if (m) {
      clearTimeout(timer);
      return {
        base: m[1],
        async stop() {
          const exited = once(child, "exit").catch(() => {});
          killGroup();
          await exited;
        },
      };
    }
  }
  throw new Error("the test server exited before it printed its address: run `make build` first");
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/**
 * Opens a page in a fresh context and records what went wrong on it.
 * Returns {page, context, problems} where problems.console holds console
 * errors (CSP violations are reported there by Chromium), problems.pageErrors
 * uncaught exceptions, and problems.offsite every request to another origin.
 * The service worker is blocked unless options say serviceWorkers: "allow":
 * saving the whole site in every fresh context competes with what a test
 * measures (offline.test.mjs covers the worker).
 */
export async function openPage(browser, base, path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block", ...options });
  const page = await context.newPage();
  const origin = new URL(base).origin;
  const problems = { console: [], pageErrors: [], offsite: [], requests: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.console.push(m.text()); });
  page.on("pageerror", (e) => problems.pageErrors.push(e.message));
  page.on("request", (r) => {
    const url = r.url();
    problems.requests.push(url);
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) problems.offsite.push(url);
  });
  if (path !== null) await page.goto(base + path.replace(/^\//, ""), { waitUntil: "networkidle" });
  return { page, context, problems };
}

/** Fails with a readable list when a page logged errors or went off-site. */
export function assertClean(assert, problems, where) {
  assert.deepEqual(problems.console, [], `${where}: console errors (CSP violations appear here)`);
  assert.deepEqual(problems.pageErrors, [], `${where}: uncaught script errors`);
  assert.deepEqual(problems.offsite, [], `${where}: requests to another origin`);
}
