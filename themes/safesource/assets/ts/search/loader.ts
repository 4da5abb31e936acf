// Loads the search bundle on first use: when the header box gets focus or
// input, or at once on the /search/ page. Without script the header form
// still GETs /search/, which links to every section.
type SearchModule = typeof import("./index");

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>("[data-search-form]");
  const input = form?.querySelector<HTMLInputElement>("[data-search-input]");
  const src = form?.dataset.searchModule;
  const base = form?.dataset.searchIndex;
  if (!form || !input || !src || !base) return;
  const page = document.querySelector<HTMLElement>("[data-search-page]");
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    (import(src) as Promise<SearchModule>).then(
      (m) => m.start({ form, input, page, base }),
      (e: unknown) => { started = false; console.warn("search: could not load the search script", e); },
    );
  };
  if (page) { start(); return; }
  input.addEventListener("focus", start);
  input.addEventListener("input", start);
}
