// The trainers' pack builder: tick cases, get a /training/?pack=… link.
import { t } from "./messages";

export function initBuilder(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-pack-form]");
  const out = form?.querySelector<HTMLInputElement>("[data-pack-link]");
  const open = form?.querySelector<HTMLAnchorElement>("[data-pack-open]");
  const status = form?.querySelector<HTMLElement>("[data-pack-status]");
  if (!form || !out || !open) return;
  const base = new URL(open.getAttribute("href") ?? "/training/", location.href);
  const update = (): void => {
    const slugs = [...form.querySelectorAll<HTMLInputElement>('input[name="case"]:checked')].map((i) => i.value);
    const url = new URL(base);
    url.search = slugs.length ? "?pack=" + slugs.map(encodeURIComponent).join(",") : "";
    out.value = url.href;
    open.href = url.pathname + url.search;
    open.setAttribute("aria-disabled", String(!slugs.length));
    if (status) status.textContent = slugs.length ? "" : t("trainingPackNone");
  };
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  update();
  form.querySelector<HTMLButtonElement>("[data-pack-copy]")?.addEventListener("click", () => {
    navigator.clipboard.writeText(out.value).then(
      () => { if (status) status.textContent = t("trainingCopied"); },
      () => { out.select(); if (status) status.textContent = t("trainingCopyFailed"); },
    );
  });
}
