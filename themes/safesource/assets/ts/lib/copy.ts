// Copy buttons: a link to any heading (for sharing a playbook step) and the
// text of any code block (copy-ready templates).
import { messages } from "./i18n";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function flash(button: HTMLElement, ok: boolean, label: HTMLElement | null): void {
  const msg = messages(document.body.dataset);
  const status = document.querySelector<HTMLElement>("[data-copy-status]");
  const text = ok ? msg("linkCopied") : msg("copyFailed");
  if (status) status.textContent = text;
  button.classList.toggle("is-copied", ok);
  if (label) {
    const before = label.textContent;
    label.textContent = text;
    window.setTimeout(() => { label.textContent = before; button.classList.remove("is-copied"); }, 1800);
  } else {
    window.setTimeout(() => button.classList.remove("is-copied"), 1800);
  }
}

export function headingURL(anchor: string, location: Location = window.location): string {
  return `${location.origin}${location.pathname}#${encodeURIComponent(anchor)}`;
}

export function initCopyButtons(): void {
  if (!navigator.clipboard) return; // buttons stay hidden; anchors still work
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-copy-anchor]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const anchor = button.dataset.copyAnchor ?? "";
      flash(button, await writeClipboard(headingURL(anchor)), null);
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-copy-code]")) {
    const code = button.parentElement?.querySelector("code");
    if (!code) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      flash(button, await writeClipboard(code.textContent ?? ""), button);
    });
  }
}
