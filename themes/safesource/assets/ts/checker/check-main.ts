// /check/ (the questionnaire): loaded only there, after main.ts. The saved
// suppliers page has its own bundle (saved-main.ts), so neither page parses
// the other's code.
import { readConfig } from "./config";
import { initCheckPage } from "./check-page";

const cfg = readConfig();
const form = document.querySelector<HTMLFormElement>("[data-checker-form]");
if (cfg && form) initCheckPage(cfg, form);
