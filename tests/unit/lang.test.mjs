// lib/lang.ts: the Han runs it finds (the same cases as the build's
// marker, generator/internal/hanmark/testdata/runs.json) and how it wraps
// them in what the scripts write.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { lang } from "./load.mjs";
import { document, h, html } from "./dom-shim.mjs";

const runs = JSON.parse(readFileSync(new URL("../../generator/internal/hanmark/testdata/runs.json", import.meta.url), "utf8"));

test("finds the same Han runs as the build", () => {
  for (const c of runs) assert.deepEqual(lang.hanRuns(c.text), c.runs, c.text);
});

test("isChinese: zh and its subtags, not the Latin-script ones", () => {
  for (const [l, want] of [["zh", true], ["zh-Hans", true], ["ZH-hans", true], ["zh-CN", true], ["zh-Latn-pinyin", false], ["en", false], ["", false]]) {
    assert.equal(lang.isChinese(l), want, l);
  }
});

const Z = (s) => `<span lang="zh-Hans">${s}</span>`;

const cases = [
  ["a finding in an English page", () => h("li", {}, h("p", {}, "Licence revoked (吊销) or company cancelled (注销)")),
    `<li><p>Licence revoked (${Z("吊销")}) or company cancelled (${Z("注销")})</p></li>`],
  ["text already in Chinese is left alone", () => h("p", {}, "the ", h("span", { lang: "zh-Hans" }, "诚信通"), " badge"),
    `<p>the <span lang="zh-Hans">诚信通</span> badge</p>`],
  ["Han in pinyin is not Chinese", () => h("span", { lang: "zh-Latn-pinyin" }, "tōng 通"),
    `<span lang="zh-Latn-pinyin">tōng ${Z("通")}</span>`],
  ["scripts, styles, text areas and options are not touched", () => h("div", {}, h("textarea", {}, "备注"), h("option", {}, "吊销"), h("script", {}, "'诚'")),
    `<div><textarea>备注</textarea><option>吊销</option><script>'诚'</script></div>`],
  ["text without Han stays one node", () => h("p", {}, "Escrow “quoted” – 30%"), `<p>Escrow “quoted” – 30%</p>`],
];

for (const [name, make, want] of cases) {
  test(`markChinese: ${name}`, () => {
    const root = make();
    assert.equal(lang.markChinese(root), root, "returns its argument");
    assert.equal(html(root), want);
    lang.markChinese(root);
    assert.equal(html(root), want, "marking twice changes nothing");
  });
}

test("markChinese: an element inside a Chinese element is left alone", () => {
  const inner = h("em", {}, "营业执照");
  h("div", { lang: "zh-Hans" }, h("p", {}, inner));
  lang.markChinese(inner);
  assert.equal(html(inner), "<em>营业执照</em>");
});

test("markChinese: a fragment and a bare text node's parent", () => {
  const frag = document.createDocumentFragment();
  frag.append("公章 or 合同专用章");
  lang.markChinese(frag);
  assert.equal(html(frag), `${Z("公章")} or ${Z("合同专用章")}`);
  assert.equal(frag.textContent, "公章 or 合同专用章", "the text reads the same");
});
