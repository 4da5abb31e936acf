// "/" focuses the header search box (WCAG 2.1.4, character key shortcuts):
// only when focus is not in a form control, where "/" may be typed or mean
// something else, and only while the reader has not turned it off. The
// setting is a checkbox on the search page (data-shortcut-toggle), kept in
// this browser's localStorage; the input names the shortcut
// (aria-keyshortcuts) and the header shows it while it is on.

const KEY = "safesource-slash-shortcut";
const CONTROLS = "input, textarea, select, button, [contenteditable]:not([contenteditable=false]), [role=textbox], [role=combobox], [role=searchbox]";

function shortcutOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== "off";
  } catch {
    return true; // storage blocked: the default
  }
}

function setShortcut(on: boolean): void {
  try {
    if (on) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, "off");
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

export function initSearchShortcut(): void {
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  if (!input) return;
  const hint = input.form?.querySelector<HTMLElement>(".search-hint");
  let on = shortcutOn();
  const show = (): void => {
    if (on) input.setAttribute("aria-keyshortcuts", "/");
    else input.removeAttribute("aria-keyshortcuts");
    if (hint) hint.hidden = !on;
  };
  show();
  const toggle = document.querySelector<HTMLInputElement>("[data-shortcut-toggle]");
  if (toggle) {
    toggle.checked = on;
    toggle.addEventListener("change", () => {
      on = toggle.checked;
      setShortcut(on);
      show();
    });
  }
  document.addEventListener("keydown", (e) => {
    if (!on || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target instanceof Element ? e.target : null;
    if (t?.closest(CONTROLS) || (t instanceof HTMLElement && t.isContentEditable)) return;
    e.preventDefault();
    input.focus();
  });
}
