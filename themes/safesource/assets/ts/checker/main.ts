// The checker pages (/check/ and /check/saved/): loaded only there, after
// main.ts. Each part does nothing when its markup is absent.
import { readConfig } from "./config";
import { initCheckPage } from "./check-page";
import { initSavedPage } from "./saved-page";

const cfg = readConfig();
if (cfg) {
  const form = document.querySelector<HTMLFormElement>("[data-checker-form]");
  const saved = document.querySelector<HTMLElement>("[data-saved]");
  if (form) initCheckPage(cfg, form);
  else if (saved) initSavedPage(cfg, saved);
}
