// Citations are a public contract (docs/CONTENT-CONTRACT.md): every
// a[data-cite] names a locator and links to a note on the same page that
// carries data-source (the same key), data-source-kind and, for a primary
// source, the URL it was read at; own-policy marks lead to the methodology.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const env = useSite();

const pages = [
  "/guide/safe-payment/", "/guide/export-documents/", "/red-flags/large-deposit/",
  "/scams/payment-diversion/", "/playbook/report-in-china/", "/playbook/reverse-payment/",
  "/contacts/", "/glossary/", "/methodology/", "/guide/print/",
];

// Reads every citation and note of the page as plain data.
function readCitations() {
  const cites = [...document.querySelectorAll("a[data-cite]")].map((a) => {
    const id = decodeURIComponent(new URL(a.href).hash.slice(1));
    const note = document.getElementById(id);
    return {
      key: a.dataset.cite, locator: a.dataset.locator ?? "", samePage: new URL(a.href).pathname === location.pathname,
      note: note && {
        source: note.dataset.source, kind: note.dataset.sourceKind, url: note.dataset.sourceUrl ?? "",
        linksUrl: !!note.dataset.sourceUrl && [...note.querySelectorAll("a")].some((l) => l.href === note.dataset.sourceUrl),
        text: note.textContent,
      },
    };
  });
  const own = [...document.querySelectorAll("a[data-own-policy]")].map((a) => new URL(a.href).pathname + new URL(a.href).hash);
  return { cites, own };
}

for (const path of pages) {
  test(`${path}: every citation resolves to its source note`, async () => {
    const { page, context } = await openPage(env.browser, env.site.base, path);
    const { cites, own } = await page.evaluate(readCitations);
    assert.ok(cites.length > 0, `${path} cites its sources`);
    for (const c of cites) {
      const where = `${path} citation of ${c.key} (${c.locator})`;
      assert.ok(c.locator.trim().length > 0, `${where}: has a locator`);
      assert.ok(c.samePage, `${where}: links within the page`);
      assert.ok(c.note, `${where}: its note exists`);
      assert.equal(c.note.source, c.key, `${where}: the note is that source's`);
      assert.ok(["primary", "secondary"].includes(c.note.kind), `${where}: the note says primary or secondary`);
      if (c.note.kind === "primary") assert.ok(c.note.url.startsWith("http") && c.note.linksUrl, `${where}: a primary source links its URL`);
      assert.ok(c.note.text.includes(c.locator), `${where}: the note lists what it was cited for`);
    }
    for (const href of own) assert.equal(href, "/methodology/#own-policy", `${path}: own-policy marks lead to the methodology`);
    await context.close();
  });
}

test("the methodology explains the site's own policy", async () => {
  const { page, context } = await openPage(env.browser, env.site.base, "/methodology/");
  assert.equal(await page.locator("#own-policy").count(), 1);
  await context.close();
});
