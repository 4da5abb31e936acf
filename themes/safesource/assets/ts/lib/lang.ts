// Marks Chinese as Chinese in what the scripts write (results, notices,
// search results, training feedback): each run of Han characters outside
// an element whose language is Chinese gets its own <span lang="zh-Hans">,
// as the build does for the pages (generator/internal/hanmark, tested on
// the same runs: its testdata/runs.json). WCAG 2.2, 3.1.2.

// Han characters joined by what sits between them in Chinese text (CJK and
// fullwidth punctuation, digits, ellipses, dashes, quotation marks), with
// CJK punctuation right before or after: 国发〔2015〕33号 is one run.
const RUN = /[\u3000-\u303F\uFF00-\uFFEF]*\p{Script=Han}(?:[\u3000-\u303F\uFF00-\uFFEF0-9\u2026\u2014\u201C\u201D\u2018\u2019\u00B7]*\p{Script=Han})*[\u3000-\u303F\uFF00-\uFFEF]*/gu;
const HAN = /\p{Script=Han}/u;

// Text that cannot hold a span, or is not read.
const SKIP = new Set(["SCRIPT", "STYLE", "TEXTAREA", "TITLE", "OPTION"]);

/** Whether a lang value makes Han text read as Chinese (not zh-Latn-pinyin). */
export function isChinese(lang: string): boolean {
  const l = lang.toLowerCase();
  return l === "zh" || (l.startsWith("zh-") && !l.startsWith("zh-latn"));
}

/** The runs of Han characters in text, in order. */
export function hanRuns(text: string): string[] {
  return Array.from(text.matchAll(RUN), (m) => m[0]);
}

/**
 * Wraps every Han run in root's text that is not already inside a Chinese
 * element (root's ancestors count) in <span lang="zh-Hans">; returns root,
 * so a call can wrap an element where it is made. Marking twice changes
 * nothing.
 */
export function markChinese<T extends Node>(root: T): T {
  walk(root, chineseAt(root));
  return root;
}

function chineseAt(node: Node): boolean {
  for (let e = node.nodeType === 1 ? (node as unknown as Element) : node.parentElement; e; e = e.parentElement) {
    const lang = e.getAttribute("lang");
    if (lang !== null) return isChinese(lang);
  }
  return false;
}

function walk(node: Node, chinese: boolean): void {
  if (node.nodeType === 3) {
    if (!chinese) wrapRuns(node as Text);
    return;
  }
  if (node.nodeType === 1) {
    const e = node as unknown as Element;
    if (SKIP.has(e.tagName.toUpperCase())) return;
    const lang = e.getAttribute("lang");
    if (lang !== null) chinese = isChinese(lang);
  } else if (node.nodeType !== 11) {
    return;
  }
  for (const child of Array.from(node.childNodes)) walk(child, chinese);
}

function wrapRuns(text: Text): void {
  const s = text.data;
  if (!HAN.test(s)) return;
  const parts: Array<Node | string> = [];
  let last = 0;
  for (const m of s.matchAll(RUN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(s.slice(last, at));
    const span = text.ownerDocument.createElement("span");
    span.setAttribute("lang", "zh-Hans");
    span.textContent = m[0];
    parts.push(span);
    last = at + m[0].length;
  }
  if (last < s.length) parts.push(s.slice(last));
  text.replaceWith(...parts);
}
