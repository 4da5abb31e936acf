// What axe cannot see, tried as a keyboard and screen-reader user would:
// focus kept clear of the sticky score bar while tabbing, how often and how
// much the live regions say while answering, invalid fields exposed as such,
// the questionnaire's outline, headings named by their text alone, and the
// "/" shortcut (WCAG 2.4.11, 4.1.3, 4.1.2, 3.3.1, 1.3.1, 2.4.6, 2.1.4).
// Names and descriptions are Chromium's own, read through DevTools.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSite, launch, openPage, assertClean } from "./harness.mjs";

let site, browser;
before(async () => {
  site = await startSite(process.env.KEYBOARD_TEST_OUT ? { out: process.env.KEYBOARD_TEST_OUT } : {});
  browser = await launch();
});
after(async () => { await browser?.close(); await site?.stop(); });

const scored = (page) => page.waitForSelector("[data-result][data-score]:not([data-scoring])", { timeout: 20_000 });

// ---- focus not obscured -------------------------------------------------

/**
 * Presses Tab until focus leaves the page (or max stops) and returns every
 * stop whose focused element is not fully inside the viewport or is
 * overlapped by a fixed or sticky box it is not part of.
 */
async function obscuredStops(page, max = 300) {
  const bad = [];
  let stops = 0;
  for (; stops < max; stops++) {
    await page.keyboard.press("Tab");
    const seen = await page.evaluate(async () => {
      // Focus scrolls smoothly: wait until the page has stopped moving.
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let still = 0, y = scrollY, i = 0; still < 3 && i < 120; i++) {
        await frame();
        still = scrollY === y ? still + 1 : 0;
        y = scrollY;
      }
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""} "${(el.textContent || el.getAttribute("value") || "").trim().slice(0, 30)}"`;
      const problems = [];
      if (r.top < -1 || r.left < -1 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1) problems.push(`outside the viewport (${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight})`);
      for (const box of document.querySelectorAll("body *")) {
        if (box.contains(el) || el.contains(box)) continue;
        const pos = getComputedStyle(box).position;
        if (pos !== "fixed" && pos !== "sticky") continue;
        const b = box.getBoundingClientRect();
        if (b.width === 0 || b.height === 0) continue;
        const overlap = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 0.5 && Math.min(r.right, b.right) - Math.max(r.left, b.left) > 0.5;
        // A sticky box in its own place in the flow covers nothing.
        if (overlap) problems.push(`under ${box.tagName.toLowerCase()}.${box.className}`);
      }
      return { name, problems, first: el === document.querySelector("a[href], button, input") };
    });
    if (!seen) break;
    if (stops > 0 && seen.first) break; // wrapped round
    if (seen.problems.length) bad.push(`stop ${stops + 1} ${seen.name}: ${seen.problems.join(", ")}`);
  }
  return { bad, stops };
}

const viewports = [{ width: 320, height: 640 }, { width: 640, height: 400 }, { width: 1280, height: 800 }];

for (const path of ["/check/", "/check/saved/", "/training/pop-up-phone-stands/"]) {
  test(`${path}: every Tab stop is fully visible at 320×640, 640×400 and 1280×800`, async () => {
    for (const viewport of viewports) {
      const { page, context } = await openPage(browser, site.base, null, { viewport });
      if (path === "/check/saved/") {
        // A saved supplier, so the table and its controls are there to tab through.
        await page.goto(site.base + "check/", { waitUntil: "networkidle" });
        await scored(page);
        await page.fill('input[name="supplier_name"]', "Focus Test Trading");
        await page.click('[data-action="save"]');
        await page.waitForFunction(() => /Focus Test/.test(document.querySelector("[data-action-status]")?.textContent ?? ""));
      }
      await page.goto(site.base + path.slice(1), { waitUntil: "networkidle" });
      if (path === "/check/") await scored(page);
      const { bad, stops } = await obscuredStops(page);
      assert.ok(stops > 10, `${path} at ${viewport.width}×${viewport.height}: tabbed through ${stops} stops`);
      assert.deepEqual(bad, [], `${path} at ${viewport.width}×${viewport.height}: ${bad.length} of ${stops} stops hidden`);
      await context.close();
    }
  });
}

// ---- live announcements -------------------------------------------------

/**
 * Records what the page's live regions would be asked to say: every text
 * added inside an aria-live, status, alert or log region that is rendered.
 * Changes within 100 ms of each other count as one announcement (a screen
 * reader would queue them), so the count is a lower bound.
 */
function recordLive() {
  const log = [];
  globalThis.__live = log;
  const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
  new MutationObserver((records) => {
    for (const m of records) {
      const target = m.target instanceof Element ? m.target : m.target.parentElement;
      const region = target?.closest(live);
      if (!region || region.closest("[hidden]") || !region.getClientRects().length) continue;
      const added = m.type === "characterData" ? m.target.data
        : region.getAttribute("aria-atomic") === "true" ? region.textContent
        : Array.from(m.addedNodes, (n) => n.textContent).join(" ");
      const text = (added ?? "").replace(/\s+/g, " ").trim();
      if (text) log.push({ t: performance.now(), text });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function announcements(page) {
  const log = await page.evaluate(() => globalThis.__live.splice(0));
  const out = [];
  for (const e of log) {
    const last = out[out.length - 1];
    if (last && e.t - last.t < 100) { last.text += " " + e.text; last.t = e.t; }
    else out.push({ ...e });
  }
  return out.map((e) => e.text);
}

const words = (s) => s.split(/\s+/).filter(Boolean).length;

/** After a step: at most one announcement, and a short one. */
function assertOneShort(said, step) {
  assert.ok(said.length <= 1, `${step}: ${said.length} announcements: ${JSON.stringify(said).slice(0, 600)}`);
  for (const s of said) assert.ok(words(s) <= 25, `${step}: ${words(s)} words: ${s}`);
}

test("/check/: one short announcement per settled answer (arrow keys, a number, a credit code)", async () => {
  const { page, context, problems } = await openPage(browser, site.base, null);
  await context.addInitScript(recordLive);
  await page.goto(site.base + "check/", { waitUntil: "networkidle" });
  await scored(page);
  await page.waitForTimeout(1500);
  await announcements(page); // whatever loading said

  // Arrow keys through a radio group: each press checks the next choice.
  const group = await page.evaluate(() => {
    const q = Array.from(document.querySelectorAll("fieldset[data-question]")).find((f) => f.querySelectorAll("input[type=radio]").length >= 4);
    return q?.dataset.question;
  });
  await page.focus(`input[name="${group}"]:checked`);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(150);
  }
  await scored(page);
  await page.waitForTimeout(2000);
  const arrows = await announcements(page);
  assertOneShort(arrows, "three arrow keys");
  assert.equal(arrows.length, 1, "the settled result is announced");
  assert.match(arrows[0], /\d/, `the announcement gives the score: ${arrows[0]}`);

  // A number, typed a digit at a time.
  const number = page.locator("input[type=number]").first();
  await number.pressSequentially("250", { delay: 150 });
  await scored(page);
  await page.waitForTimeout(2000);
  assertOneShort(await announcements(page), "typing a number");

  // A credit code, typed a character at a time.
  await page.locator("#f-uscc").pressSequentially("91330100716105852F", { delay: 120 });
  await scored(page);
  await page.waitForTimeout(2000);
  const code = await announcements(page);
  assertOneShort(code, "typing a credit code");
  assert.equal(code.length, 1, "the code's status is announced once it settles");
  assert.match(code[0], /Valid code/, `the code's status is said: ${code[0]}`);
  assertClean(assert, problems, "announcements");
  await context.close();
});

test("/search/: the result count is announced once the query settles", async () => {
  const { page, context } = await openPage(browser, site.base, null);
  await context.addInitScript(recordLive);
  await page.goto(site.base + "search/", { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await announcements(page);
  await page.locator("[data-search-page-input]").pressSequentially("escrow payment", { delay: 120 });
  await page.waitForFunction(() => /payment/.test(document.querySelector("[data-search-status]")?.textContent ?? ""), null, { timeout: 15_000 });
  await page.waitForTimeout(2000);
  const said = await announcements(page);
  assertOneShort(said, "typing a query");
  assert.equal(said.length, 1, "the count is announced");
  await context.close();
});

test("/contacts/: the directory filter's count is announced once typing settles", async () => {
  const { page, context } = await openPage(browser, site.base, null);
  await context.addInitScript(recordLive);
  await page.goto(site.base + "contacts/", { waitUntil: "networkidle" });
  await page.waitForTimeout(1500);
  assert.deepEqual(await announcements(page), [], "nothing is said on load");
  await page.locator("[data-filter-text]").pressSequentially("police", { delay: 120 });
  await page.waitForTimeout(2000);
  const said = await announcements(page);
  assertOneShort(said, "typing a filter");
  assert.equal(said.length, 1, "the count is announced");
  await context.close();
});

// ---- invalid fields -----------------------------------------------------

async function cdpFor(page) {
  return page.context().newCDPSession(page);
}

/** Chromium's accessible name and description of the element selector matches. */
async function axOf(page, selector) {
  const cdp = await cdpFor(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  const n = nodes[0];
  const prop = (name) => n.properties?.find((p) => p.name === name)?.value?.value;
  return { name: n.name?.value ?? "", description: n.description?.value ?? "", invalid: prop("invalid") ?? "false" };
}

test("/check/: a bad credit code is invalid, with its error as the field's description", async () => {
  const { page, context } = await openPage(browser, site.base, "/check/");
  await scored(page);
  assert.equal(await page.locator("[aria-invalid=true]").count(), 0, "nothing is invalid before anything is typed");
  await page.locator("#f-uscc").pressSequentially("91330100716105852A");
  await page.waitForFunction(() => /Not a valid code/.test(document.querySelector("#err-uscc")?.textContent ?? ""), null, { timeout: 5000 });
  await scored(page);
  assert.equal(await page.locator("#f-uscc").getAttribute("aria-invalid"), "true");
  const ax = await axOf(page, "#f-uscc");
  assert.equal(ax.invalid, "true", "Chromium exposes the field as invalid");
  assert.match(ax.description, /Not a valid code/, `the error describes the field: ${ax.description}`);
  assert.doesNotMatch(ax.description, /✕/, "the drawn cross is not read out");
  await page.locator("#f-uscc").fill("91330100716105852F");
  await page.waitForFunction(() => /Valid code/.test(document.querySelector("#err-uscc")?.textContent ?? ""), null, { timeout: 5000 });
  assert.equal(await page.locator("#f-uscc").getAttribute("aria-invalid"), null, "a valid code is not invalid");
  await context.close();
});

test("/check/: Save without a name marks the name field invalid and ties the message to it", async () => {
  const { page, context } = await openPage(browser, site.base, "/check/");
  await scored(page);
  await page.click('[data-action="save"]');
  const name = page.locator('input[name="supplier_name"]');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "supplier_name");
  assert.equal(await name.getAttribute("aria-invalid"), "true");
  const ax = await axOf(page, 'input[name="supplier_name"]');
  assert.match(ax.description, /name first/, `the message describes the field: ${ax.description}`);
  await name.pressSequentially("Acme");
  await page.waitForTimeout(300);
  assert.equal(await name.getAttribute("aria-invalid"), null, "typing a name clears it");
  await context.close();
});

test("training case: nothing is invalid on load; a missing band is invalid and described", async () => {
  const { page, context } = await openPage(browser, site.base, "/training/pay-my-alipay/");
  assert.equal(await page.evaluate(() => document.querySelectorAll(":invalid, [aria-invalid=true]").length), 0, "nothing invalid before submitting");
  const radio = 'input[name="band"]';
  assert.equal((await axOf(page, radio)).invalid, "false", "the band radios are not announced invalid on load");
  await page.click("[data-grade-submit]");
  const group = await page.evaluate(() => {
    const g = document.querySelector('input[name="band"]').closest("[aria-invalid]");
    const ids = (g?.getAttribute("aria-describedby") ?? "").split(/\s+/);
    return { invalid: g?.getAttribute("aria-invalid"), described: ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ") };
  });
  assert.equal(group.invalid, "true", "the band group is marked invalid");
  assert.match(group.described, /Choose a risk band/, "the message is tied to the group");
  await page.click(`${radio}[value="high"]`);
  await page.click("[data-grade-submit]");
  assert.equal(await page.locator("[aria-invalid=true]").count(), 0, "a chosen band clears it");
  await context.close();
});

// ---- outline and heading names ------------------------------------------

/** Headings as Chromium's accessibility tree lists them: [{level, name}]. */
async function headings(page) {
  const cdp = await cdpFor(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  // The list is not in document order: walk the tree from its root.
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const order = [];
  const walk = (n) => {
    if (!n) return;
    order.push(n);
    for (const id of n.childIds ?? []) walk(byId.get(id));
  };
  walk(nodes.find((n) => !n.parentId));
  return order.filter((n) => !n.ignored && n.role?.value === "heading").map((n) => ({
    level: n.properties?.find((p) => p.name === "level")?.value?.value,
    name: n.name?.value ?? "",
  }));
}

test("/check/: the outline has a heading for each questionnaire section before the result", async () => {
  const { page, context } = await openPage(browser, site.base, "/check/");
  await scored(page);
  const sections = await page.$$eval("details[data-section] summary .q-section-title", (ts) => ts.map((t) => t.textContent.trim()));
  assert.equal(sections.length, 6);
  const hs = await headings(page);
  const h1 = hs.findIndex((h) => h.level === 1);
  const after = hs.slice(h1 + 1, h1 + 1 + sections.length);
  assert.deepEqual(after.map((h) => h.name), sections, `after the h1 come the sections: ${JSON.stringify(hs.slice(0, 12))}`);
  for (const h of after) assert.equal(h.level, 2, `${h.name} is a level 2 heading`);
  await context.close();
});

test("/check/: the result says how many answers each section has", async () => {
  const { page, context } = await openPage(browser, site.base, "/check/");
  await scored(page);
  const first = await page.$eval("details[data-section]", (d) => ({ id: d.id, title: d.querySelector(".q-section-title").textContent.trim(), n: d.querySelectorAll("[data-question]").length }));
  await page.locator(`#${first.id} input[type=radio]:not([value=unknown])`).first().check();
  await scored(page);
  const line = await page.evaluate((id) => document.querySelector(`[data-result] a[href="#${id}"]`)?.closest("li")?.textContent.replace(/\s+/g, " ").trim() ?? "", first.id);
  assert.ok(line.includes(first.title), `the result links the section: ${line}`);
  assert.ok(line.includes(`1 of ${first.n} answered`), `and counts its answers: ${line}`);
  await context.close();
});

for (const path of ["/contacts/", "/methodology/", "/guide/safe-payment/"]) {
  test(`${path}: headings are named by their text, not their link buttons`, async () => {
    const { page, context } = await openPage(browser, site.base, path);
    const hs = await headings(page);
    const linked = await page.$$eval(".heading-anchor", (as) => as.length);
    assert.ok(linked > 0, "the page has linkable headings");
    const bad = hs.filter((h) => /Link to this section|Copy link/.test(h.name)).map((h) => h.name);
    assert.deepEqual(bad, [], `${bad.length} of ${hs.length} headings read their buttons`);
    // The link and the copy button keep their own names.
    const anchor = await axOf(page, ".heading-anchor");
    assert.match(anchor.name, /^Link to this section: /);
    await context.close();
  });
}

// ---- the "/" shortcut ---------------------------------------------------

test('"/" focuses search only outside form controls, and can be turned off', async () => {
  const { page, context } = await openPage(browser, site.base, "/check/");
  await scored(page);
  const radio = page.locator('input[type=radio]').first();
  await radio.focus();
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.type), "radio", "a focused radio keeps focus");
  await page.locator('[data-action="save"]').focus();
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.action), "save", "a focused button keeps focus");
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "site-search-input", "from the page, / goes to search");
  const input = page.locator("#site-search-input");
  assert.equal(await input.getAttribute("aria-keyshortcuts"), "/", "the shortcut is exposed");

  // The setting, on the search page.
  await page.goto(site.base + "search/", { waitUntil: "networkidle" });
  const toggle = page.locator("[data-shortcut-toggle]");
  assert.equal(await toggle.isChecked(), true, "on by default");
  await toggle.uncheck();
  await page.goto(site.base + "guide/", { waitUntil: "networkidle" });
  await page.keyboard.press("/");
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "site-search-input", "turned off, / does nothing");
  assert.equal(await page.locator("#site-search-input").getAttribute("aria-keyshortcuts"), null);
  await context.close();
});
