// The playbook and the guide as one printable document each: cover with the
// date, contents, every page of the section in order, unique ids, links
// between the section's pages pointing inside the document, and A4 and
// Letter print without content wider than the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, assertClean } from "./harness.mjs";
import { useSite } from "./setup.mjs";

const env = useSite();

// Printable width in CSS pixels (96 per inch) with Chromium's default ~0.4in margins.
const papers = { A4: { width: 794 - 76 }, Letter: { width: 816 - 76 } };

for (const section of ["playbook", "guide"]) {
  test(`/${section}/print/ holds the whole section with unique ids and in-document links`, async () => {
    const { page: index, context: c1 } = await openPage(env.browser, env.site.base, `/${section}/`);
    const printHref = await index.$eval("a[data-print-whole]", (a) => a.getAttribute("href"));
    assert.equal(printHref, `/${section}/print/`, "the section page links to its printable document");
    const pages = await index.$$eval(".page-list a", (as) => as.map((a) => new URL(a.href).pathname));
    await c1.close();

    const { page, context, problems } = await openPage(env.browser, env.site.base, `/${section}/print/`);
    const doc = await page.evaluate((section) => {
      const root = document.querySelector("[data-print-document]");
      const ids = Array.from(document.querySelectorAll("[id]"), (e) => e.id);
      const hrefs = Array.from(root.querySelectorAll("a[href]"), (a) => a.getAttribute("href"));
      return {
        cover: root.querySelector(".print-cover")?.textContent ?? "",
        toc: Array.from(root.querySelectorAll(".print-toc > ol > li > a"), (a) => a.getAttribute("href")),
        tocHeadings: root.querySelectorAll(".print-toc ol ol a").length,
        h3: root.querySelectorAll("section.print-page h3[id]").length,
        sections: Array.from(root.querySelectorAll("section.print-page"), (s) => s.id),
        dupes: ids.filter((id, i) => ids.indexOf(id) !== i),
        broken: hrefs.filter((h) => h.startsWith("#") && !document.getElementById(decodeURIComponent(h.slice(1)))),
        outward: hrefs.filter((h) => new RegExp(`^/${section}/[^/]+/`).test(h)),
        templates: root.querySelectorAll("pre").length,
      };
    }, section);
    assert.match(doc.cover, /\w+ \d{1,2}, 20\d\d/, "the cover carries a date");
    assert.deepEqual(doc.sections, pages.map((p) => p.split("/")[2]), "every page of the section, in order");
    assert.deepEqual(doc.toc, doc.sections.map((s) => "#" + s), "contents list every page");
    assert.equal(doc.tocHeadings, doc.h3, "contents list every page's sections (its ## headings, now one level down)");
    assert.deepEqual(doc.dupes, [], "ids are unique");
    assert.deepEqual(doc.broken, [], "every in-document link has a target");
    assert.deepEqual(doc.outward, [], "links between the section's pages point inside the document");
    if (section === "playbook") assert.ok(doc.templates > 0, "the playbook's templates are included");
    assertClean(assert, problems, `/${section}/print/`);

    await page.emulateMedia({ media: "print" });
    for (const [format, { width }] of Object.entries(papers)) {
      await page.setViewportSize({ width, height: 1000 });
      const wide = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll("[data-print-document] pre, [data-print-document] table, [data-print-document] code, [data-print-document] p, [data-print-document] li")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.right > limit + 1 || el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName} ${el.textContent.slice(0, 40)} (${Math.round(r.right)} > ${limit})`);
        }
        return { out, page: document.documentElement.scrollWidth - limit };
      });
      assert.deepEqual(wide.out, [], `${format}: nothing is clipped or wider than the page`);
      assert.ok(wide.page <= 0, `${format}: no horizontal overflow (${wide.page}px)`);
      const pdf = await page.pdf({ format, printBackground: false });
      const count = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(count > doc.sections.length, `${format}: ${count} PDF pages for ${doc.sections.length} sections (each starts a new page)`);
    }
    await context.close();
  });
}
