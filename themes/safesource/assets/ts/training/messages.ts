// UI strings and URLs for the training pages, from the hidden
// [data-training-config] element (layouts/_partials/training/config.html).

let cfg: DOMStringMap = {};

export function readTrainingConfig(): boolean {
  const el = document.querySelector<HTMLElement>("[data-training-config]");
  if (!el) return false;
  cfg = el.dataset;
  return true;
}

/** A UI string by its i18n key ("trainingCaught", "band_high"), with {name} filled in. */
export function t(key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const text = cfg["msg" + camel.charAt(0).toUpperCase() + camel.slice(1)] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function checkUrl(): string {
  return cfg.checkUrl ?? "/check/";
}

export function trainingUrl(): string {
  return cfg.trainingUrl ?? "/training/";
}
