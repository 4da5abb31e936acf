// "/" focuses the header search box, unless the reader is typing somewhere.
export function initSearchShortcut(): void {
  const input = document.querySelector<HTMLInputElement>("[data-search-input]");
  if (!input) return;
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
  });
}
