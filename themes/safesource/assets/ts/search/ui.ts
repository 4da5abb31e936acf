// Search UI: results as you type under the header box, and the /search/
// page that runs ?q=…&section=… from the URL. Results are built with
// createElement/textContent only; excerpt highlights are Segment objects
// from the engine, never HTML.
import { announce } from "../lib/announce";
import { el } from "../lib/dom";
import { type Msg, messages } from "../lib/i18n";
import { markChinese } from "../lib/lang";
import { SearchIndex, type Hit, type Results, type Segment } from "./engine";
import { codeLink, codeQuery } from "./code";

const POPUP_LIMIT = 5;
const PAGE_LIMIT = 10;
const DEBOUNCE_MS = 40;

function excerptEl(segs: Segment[]): HTMLSpanElement {
  return el("span", { class: "search-hit-excerpt" }, ...segs.map((seg) => (seg.mark ? el("mark", {}, seg.text) : seg.text)));
}

/**
 * One result: a link to the page's best section, then (on the search page,
 * not in the compact header popup) links to up to three other sections of
 * the page that match.
 */
export function renderHit(hit: Hit, withSubs = true): HTMLLIElement {
  const span = (cls: string, text: string): HTMLSpanElement => el("span", { class: cls }, text);
  const a = el("a", { class: "search-hit-link", href: hit.href });
  if (hit.label && hit.label !== hit.pageTitle) a.append(span("search-hit-label", hit.label));
  a.append(span("search-hit-title", hit.pageTitle));
  if (hit.heading) a.append(span("search-hit-heading", hit.heading));
  a.append(excerptEl(hit.excerpt));
  const li = el("li", { class: "search-hit" }, a);
  if (withSubs && hit.subs.length) {
    li.append(el("ul", { class: "search-hit-subs" }, ...hit.subs.map((s) =>
      el("li", {}, el("a", { class: "search-hit-sub", href: s.href }, span("search-hit-heading", s.heading), excerptEl(s.excerpt))))));
  }
  return markChinese(li);
}

/**
 * Arrow keys move focus from the input through the result links and back;
 * Escape returns to the input. Enter on a link opens it (native behaviour).
 */
function arrowNav(input: HTMLInputElement, list: HTMLElement, onEscape: () => boolean): void {
  const links = (): HTMLAnchorElement[] => [...list.querySelectorAll<HTMLAnchorElement>("a[href]")];
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = links()[0];
      if (first) { e.preventDefault(); first.focus(); }
    } else if (e.key === "Escape" && onEscape()) {
      e.preventDefault(); // closing the popup must not also clear the box
    }
  });
  list.addEventListener("keydown", (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]!.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (i === 0) input.focus(); else all[i - 1]!.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      input.focus();
      onEscape();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      all[e.key === "Home" ? 0 : all.length - 1]!.focus();
    }
  });
}

/** One Latin letter matches too much to be worth fetching; one Chinese character is a word. */
function worthSearching(q: string): boolean {
  const t = q.trim();
  return t.length >= 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t);
}

/** Runs searches one at a time: a slow answer never overwrites a newer one. */
function latest<A extends unknown[], R>(fn: (...a: A) => Promise<R>, apply: (r: R) => void, fail: (e: unknown) => void): (...a: A) => void {
  let seq = 0;
  let timer = 0;
  return (...args: A) => {
    const mine = ++seq;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      fn(...args).then((r) => { if (mine === seq) apply(r); }, (e) => { if (mine === seq) fail(e); });
    }, DEBOUNCE_MS);
  };
}

function searchURL(form: HTMLFormElement, q: string, group = ""): string {
  const url = new URL(form.action, window.location.href);
  url.search = "";
  url.searchParams.set("q", q);
  if (group) url.searchParams.set("section", group);
  return url.pathname + url.search;
}

/** The header box: a popup of the best few results under it. */
export function initHeaderSearch(index: Promise<SearchIndex>, form: HTMLFormElement, input: HTMLInputElement): void {
  const msg = messages(form.dataset);
  const popup = el("div", { class: "search-popup", id: "search-popup" });
  popup.hidden = true;
  // The count is shown at once and spoken once typing pauses (lib/announce).
  const status = el("p", { class: "search-popup-status" });
  const list = el("ol", { class: "search-popup-results", "aria-label": msg("searchResults") });
  const all = el("a", { class: "search-popup-all" });
  popup.append(status, list, all);
  form.append(popup);
  input.setAttribute("aria-controls", popup.id);

  /** Hides the popup; reports whether it was open. */
  const hide = (): boolean => { const was = !popup.hidden; popup.hidden = true; return was; };
  const show = (r: Results): void => {
    list.replaceChildren(...r.hits.map((h) => renderHit(h, false)));
    if (r.total === 0) {
      status.textContent = msg("searchNoResults", { q: r.query.trim() });
    } else {
      status.textContent = [msg(r.total === 1 ? "searchOneResult" : "searchCount", { n: r.total }), insteadNote(msg, r), msg("searchKeysHint")].filter(Boolean).join(" ");
    }
    markChinese(status);
    all.href = searchURL(form, r.query.trim());
    all.textContent = r.total === 0 ? msg("searchOpenPage") : msg("searchSeeAll", { n: r.total });
    popup.hidden = false;
    announce("search", status.textContent);
  };
  const fail = (e: unknown): void => {
    list.replaceChildren();
    status.textContent = msg("searchFailed");
    all.href = searchURL(form, input.value.trim());
    all.textContent = msg("searchOpenPage");
    popup.hidden = false;
    announce("search", status.textContent);
    console.warn("search:", e);
  };
  const run = latest((q: string) => index.then((ix) => ix.search(q, { limit: POPUP_LIMIT })), show, fail);
  const update = (): void => {
    if (!worthSearching(input.value)) { hide(); return; }
    run(input.value);
  };
  input.addEventListener("input", update);
  input.addEventListener("focus", () => { if (input.value.trim() && list.childElementCount) popup.hidden = false; });
  form.addEventListener("focusout", (e) => {
    if (!(e.relatedTarget instanceof Node) || !form.contains(e.relatedTarget)) hide();
  });
  document.addEventListener("click", (e) => { if (e.target instanceof Node && !form.contains(e.target)) hide(); });
  arrowNav(input, list, hide);
  if (input.value.trim()) update();
}

/** Each section filter's count of results; a filter with none is disabled unless it is the one chosen. */
function showCounts(buttons: readonly HTMLButtonElement[], r: Results, group: string): void {
  for (const b of buttons) {
    const g = b.dataset.filter ?? "";
    const n = g ? r.counts[g] ?? 0 : r.total;
    const count = b.querySelector<HTMLElement>("[data-filter-count]");
    if (count) count.textContent = String(n);
    b.disabled = n === 0 && g !== group;
  }
}

/** The /search/ page's count line for a query's results ("" before a query). */
function pageStatus(msg: Msg, r: Results, q: string, group: string): string {
  if (q === "") return "";
  if (r.total === 0) return msg("searchNoResults", { q });
  const n = group ? r.page : r.total;
  // Loose results hold none of the words: the note below says what they hold.
  const partial = r.partial && !r.loose ? msg("searchPartial") : "";
  return [msg(n === 1 ? "searchOneResultFor" : "searchCountFor", { n, q }), partial, insteadNote(msg, r)].filter(Boolean).join(" ");
}

/**
 * Says which query words the site does not have and what the results
 * hold instead: the nearest spellings, words of the same meaning, (when
 * nothing else matched) words starting with the same letters, or, for a
 * pasted credit code, the pages on reading one.
 */
function insteadNote(msg: Msg, r: Results): string {
  return r.instead.map((x) => {
    if (x.by === "spelling") return msg("searchInsteadSpelling", { word: x.word, as: x.words.join(", ") });
    if (x.by === "meaning") return msg("searchInsteadMeaning", { word: x.word });
    if (x.by === "code") return msg("searchInsteadCode");
    return msg("searchInsteadPart", { word: x.word });
  }).join(" ");
}

/** Offers the checker for a query shaped like a credit code (code.ts). */
function showCode(box: HTMLElement, q: string): void {
  const c = codeQuery(q);
  box.hidden = c === "";
  const link = box.querySelector<HTMLAnchorElement>("[data-search-code-link]");
  if (c !== "" && link) link.href = codeLink(new URL(link.href).pathname, c, link.dataset.rulesVersion ?? "");
}

/** The /search/ page: the query and section filter live in the URL. */
export function initSearchPage(index: Promise<SearchIndex>, page: HTMLElement, headerInput: HTMLInputElement | null): void {
  const form = page.querySelector<HTMLFormElement>("[data-search-page-form]");
  const input = page.querySelector<HTMLInputElement>("[data-search-page-input]");
  const results = page.querySelector<HTMLOListElement>("[data-search-results]");
  const status = page.querySelector<HTMLElement>("[data-search-status]");
  const help = page.querySelector<HTMLElement>("[data-search-help]");
  const noMatch = page.querySelector<HTMLElement>("[data-search-nomatch]");
  const more = page.querySelector<HTMLButtonElement>("[data-search-more]");
  const code = page.querySelector<HTMLElement>("[data-search-code]");
  const filters = page.querySelector<HTMLElement>("[data-search-filters]");
  if (!form || !input || !results || !status || !help || !noMatch || !more || !filters) return;
  const buttons = [...filters.querySelectorAll<HTMLButtonElement>("button[data-filter]")];
  const msg: Msg = messages(page.dataset);

  const params = new URLSearchParams(window.location.search);
  let group = params.get("section") ?? "";
  if (!buttons.some((b) => b.dataset.filter === group)) group = "";
  input.value = params.get("q") ?? "";
  if (headerInput) headerInput.value = input.value;
  let shown = 0;

  const setFilter = (g: string): void => {
    group = g;
    for (const b of buttons) b.setAttribute("aria-pressed", String((b.dataset.filter ?? "") === g));
  };
  setFilter(group);

  const render = (r: Results, append: boolean): void => {
    const q = r.query.trim();
    help.hidden = q !== "";
    noMatch.hidden = !(q !== "" && r.total === 0);
    filters.hidden = r.total === 0;
    showCounts(buttons, r, group);
    const items = r.hits.map((h) => renderHit(h));
    if (append) results.append(...items); else results.replaceChildren(...items);
    shown = (append ? shown : 0) + r.hits.length;
    more.hidden = shown >= r.page;
    status.textContent = pageStatus(msg, r, q, group);
    markChinese(status);
    if (code) showCode(code, q);
    // Shown at once, spoken once typing pauses.
    announce("search", status.textContent);
  };
  const fail = (e: unknown): void => {
    status.textContent = msg("searchFailed");
    announce("search", status.textContent);
    help.hidden = false;
    console.warn("search:", e);
  };
  const run = latest((q: string, g: string) => index.then((ix) => ix.search(q, { group: g, limit: PAGE_LIMIT })), (r: Results) => render(r, false), fail);
  const update = (push: boolean): void => {
    const q = input.value;
    const url = q.trim() ? searchURL(form, q.trim(), group) : window.location.pathname;
    if (push) window.history.replaceState(null, "", url);
    run(q, group);
  };

  form.addEventListener("submit", (e) => { e.preventDefault(); update(true); });
  input.addEventListener("input", () => { if (headerInput) headerInput.value = input.value; update(true); });
  if (headerInput) {
    headerInput.form?.addEventListener("submit", (e) => { e.preventDefault(); input.value = headerInput.value; update(true); });
    headerInput.addEventListener("input", () => { input.value = headerInput.value; update(true); });
    arrowNav(headerInput, results, () => false);
  }
  for (const b of buttons) {
    b.addEventListener("click", () => { setFilter(b.dataset.filter ?? ""); update(true); });
  }
  more.addEventListener("click", () => {
    const first = shown;
    index.then((ix) => ix.search(input.value, { group, limit: PAGE_LIMIT, offset: shown })).then((r) => {
      render(r, true);
      results.querySelectorAll<HTMLAnchorElement>("a[href]")[first]?.focus();
    }, fail);
  });
  arrowNav(input, results, () => false);
  filters.hidden = true;
  update(false);
}
