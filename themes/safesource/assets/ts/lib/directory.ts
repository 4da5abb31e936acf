// Filters the authority directory by text and country. Without script every
// entry stays visible.
import { announce } from "./announce";
import { messages } from "./i18n";

export function initDirectoryFilter(): void {
  const form = document.querySelector<HTMLFormElement>("[data-directory-filter]");
  if (!form) return;
  const text = form.querySelector<HTMLInputElement>("[data-filter-text]");
  const country = form.querySelector<HTMLSelectElement>("[data-filter-country]");
  const count = form.querySelector<HTMLElement>("[data-filter-count]");
  const entries = [...document.querySelectorAll<HTMLElement>("[data-contact]")];
  if (!text || !country || !count) return;
  const msg = messages(document.body.dataset);

  // The count is shown at once and spoken once typing pauses (not on load).
  const apply = (say = true): void => {
    const q = text.value.trim().toLowerCase();
    const c = country.value;
    let shown = 0;
    for (const entry of entries) {
      const match = (!c || entry.dataset.country === c) && (!q || (entry.textContent ?? "").toLowerCase().includes(q));
      entry.hidden = !match;
      if (match) shown++;
    }
    count.textContent = msg("contactsShown", { n: shown });
    if (say) announce("directory", count.textContent);
  };
  form.hidden = false;
  form.addEventListener("submit", (e) => e.preventDefault());
  text.addEventListener("input", () => apply());
  country.addEventListener("change", () => apply());
  apply(false);
}
