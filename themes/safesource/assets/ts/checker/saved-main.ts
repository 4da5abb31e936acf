// /check/saved/ (the saved suppliers): loaded only there, after main.ts.
// The questionnaire has its own bundle (check-main.ts).
import { readConfig } from "./config";
import { initSavedPage } from "./saved-page";

const cfg = readConfig();
const saved = document.querySelector<HTMLElement>("[data-saved]");
if (cfg && saved) initSavedPage(cfg, saved);
