// Site-wide behaviour under the production headers: every page kind loads
// without console errors, CSP violations or off-site requests; the theme
// toggle persists; headings offer copy-link buttons; the layout holds at 360 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, assertClean, pageKinds } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const env = useSite();

for (const path of pageKinds) {
  test(`${path} loads cleanly in light and dark`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context, problems } = await openPage(env.browser, env.site.base, path, { colorScheme });
      assert.ok((await page.title()).length > 0, "has a title");
      assertClean(assert, problems, `${path} (${colorScheme})`);
      await context.close();
    }
  });
}

test("unknown paths get the 404 page with status 404", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, null);
  const res = await page.goto(env.site.base + "no-such-page/");
  assert.equal(res.status(), 404);
  assert.match(await page.locator("h1").textContent(), /not found/i);
  await context.close();
  // Chromium logs the document's own 404 status; nothing else may go wrong.
  const { problems, context: c2 } = await openPage(env.browser, env.site.base, "/no-such-page/");
  problems.console = problems.console.filter((m) => !/status of 404/.test(m));
  assertClean(assert, problems, "404 page");
  await c2.close();
});

test("theme toggle switches and persists across pages", async () => {
  const { page, context, problems } = await openPage(env.browser, env.site.base, "/guide/", { colorScheme: "light" });
  const toggle = page.locator("[data-theme-toggle]");
  await toggle.click();
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  await page.goto(env.site.base + "red-flags/", { waitUntil: "networkidle" });
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark", "choice survives navigation");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(255, 255, 255)", "dark background applied");
  await page.locator("[data-theme-toggle]").click();
  assert.equal(await page.locator("html").getAttribute("data-theme"), "light");
  assertClean(assert, problems, "theme toggle");
  await context.close();
});

test("every heading has an anchor and a working copy-link button", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/playbook/open-dispute/", { permissions: ["clipboard-read", "clipboard-write"] });
  const headings = await page.locator(".content h2[id], .content h3[id]").count();
  assert.ok(headings > 3, "playbook step has sub-step headings");
  assert.equal(await page.locator(".content h2[id] .copy-link:visible, .content h3[id] .copy-link:visible").count(), headings);
  const first = page.locator(".content h2[id]").first();
  const id = await first.getAttribute("id");
  await first.locator(".copy-link").click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${env.site.base}playbook/open-dispute/#${id}`);
  await context.close();
});

test("the / key focuses the header search box", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/guide/");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "q");
  await context.close();
});

test("the authority directory filters by text and country", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/contacts/");
  const all = await page.locator("[data-contact]").count();
  assert.ok(all >= 15, `directory lists every body (${all})`);
  await page.fill("[data-filter-text]", "IC3");
  const shown = await page.locator("[data-contact]:visible").count();
  assert.ok(shown >= 1 && shown < all, `text filter narrows (${shown} of ${all})`);
  await page.fill("[data-filter-text]", "");
  await page.selectOption("[data-filter-country]", "China");
  const china = await page.locator("[data-contact]:visible").all();
  assert.ok(china.length > 0 && china.length < all);
  for (const c of china) assert.equal(await c.getAttribute("data-country"), "China");
  await context.close();
});

test("every directory entry states its status, and quoted contacts show the same one", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/contacts/");
  const entries = await page.locator("[data-contact]").all();
  assert.ok(entries.length >= 15);
  const statusOf = {};
  for (const e of entries) {
    const id = await e.getAttribute("id");
    const status = await e.getAttribute("data-status");
    assert.ok(["confirmed", "unconfirmed"].includes(status), `${id} has a status (${status})`);
    const label = e.locator("p.contact-status");
    assert.ok(await label.isVisible(), `${id} shows its status label`);
    assert.match(await label.textContent(), status === "confirmed" ? /^Confirmed/ : /not confirmed/i);
    if (status === "confirmed") {
      const href = await label.locator("a[rel~=noopener]").first().getAttribute("href");
      assert.match(href, /^https?:\/\//, `${id} links the official page`);
    }
    statusOf[id] = status;
  }
  assert.ok(Object.values(statusOf).includes("confirmed") && Object.values(statusOf).includes("unconfirmed"));
  assert.ok(await page.locator('a[href="/about/facts/"]').count() >= 2, "the directory and footer link the policy");
  await context.close();

  const quoted = await openPage(env.browser, env.site.base, "/playbook/report-fraud/");
  const links = await quoted.page.locator("a.contact-link").all();
  assert.ok(links.length >= 3, "the playbook step quotes contacts");
  for (const link of links) {
    const id = (await link.getAttribute("href")).split("#")[1];
    const badge = link.locator("xpath=following-sibling::span[1]");
    assert.equal(await badge.getAttribute("data-status"), statusOf[id], `status beside ${id} matches the directory`);
  }
  await quoted.context.close();
});

test("pages fit a 360 px screen without sideways scrolling", async () => {
  // Pages with wide tables, citations in table cells and the tools' tables.
  for (const path of ["/", "/guide/platform-signals/", "/contacts/", "/methodology/", "/check/", "/red-flags/large-deposit/", "/guide/inspection/", "/guide/safe-payment/", "/playbook/deadlines/"]) {
    const { page, context } = await openPage(env.browser, env.site.base, path, { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at 360px`);
    await context.close();
  }
});

test("print hides navigation and writes out link targets", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/guide/safe-payment/");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".sidebar").isVisible(), false, "sidebar hidden in print");
  assert.equal(await page.locator(".site-header").isVisible(), false, "header hidden in print");
  const after = await page.evaluate(() => {
    const a = document.querySelector(".content a[data-print-url]");
    return a ? getComputedStyle(a, "::after").content : "";
  });
  assert.match(after, /https?:\/\//, "internal links print their full URL");
  await context.close();
});
