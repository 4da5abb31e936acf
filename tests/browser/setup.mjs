// The setup every browser test file shares, written once: before the
// file's first test the built site is served with the production headers
// (harness.startSite), Chromium is started, and (cli: true) the
// command-line checker is built for the comparisons; after its last test
// all of it is stopped. The returned object's fields are filled in by the
// time the first test runs: env.site.base, env.browser, env.cli. A file
// that serves its own copies of the site (offline.test.mjs) passes
// serve: false.
import { after, before } from "node:test";
import { buildCLI } from "./checker-lib.mjs";
import { launch, startSite } from "./harness.mjs";

export function useSite({ cli = false, serve = true } = {}) {
  const env = { site: null, browser: null, cli: null };
  before(async () => {
    if (cli) env.cli = buildCLI();
    if (serve) env.site = await startSite();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.stop();
    env.cli?.cleanup();
  });
  return env;
}
