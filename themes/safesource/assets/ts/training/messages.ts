// UI strings and URLs for the training pages, from the hidden
// [data-training-config] element (layouts/_partials/training/config.html).

import { type Msg, type Vars, messages } from "../lib/i18n";

let cfg: DOMStringMap = {};
let msg: Msg = messages({});

export function readTrainingConfig(): boolean {
  const el = document.querySelector<HTMLElement>("[data-training-config]");
  if (!el) return false;
  cfg = el.dataset;
  msg = messages(cfg);
  return true;
}

/** A UI string by its i18n key ("trainingCaught", "band_high"), with {name} filled in. */
export function t(key: string, vars: Vars = {}): string {
  return msg(key, vars);
}

export function checkUrl(): string {
  return cfg.checkUrl ?? "/check/";
}

export function trainingUrl(): string {
  return cfg.trainingUrl ?? "/training/";
}
