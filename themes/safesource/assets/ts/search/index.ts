// Entry of the search bundle (assets/search.js), loaded by ./loader only when
// a reader first uses search, so other pages pay nothing for it.
import { SearchIndex } from "./engine";
import { initHeaderSearch, initSearchPage } from "./ui";

export { terms } from "./tokenize"; // the browser tests compare it with the Go tokenizer
export { SearchIndex } from "./engine"; // for tests/bench

export interface StartOptions {
  form: HTMLFormElement;
  input: HTMLInputElement;
  page: HTMLElement | null; // the /search/ page's results section
  base: string; // index folder URL, ending in "/"
}

export function start(o: StartOptions): void {
  const index = SearchIndex.load(o.base);
  index.catch(() => {}); // each UI reports the failure where it shows results
  if (o.page) initSearchPage(index, o.page, o.input);
  else initHeaderSearch(index, o.form, o.input);
}
