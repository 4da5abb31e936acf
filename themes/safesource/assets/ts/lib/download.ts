// Saving text the page made (an export, a calendar file) as a download,
// without a server: a temporary object URL and a link clicked once.
import { el } from "./dom";

/** Offers text as a file named name, of MIME type type. */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers start reading the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
