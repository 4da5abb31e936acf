// One exercise on the page: reads the trainee's ticks and band, grades them
// against the case's answer key and shows what was caught, missed and
// flagged wrongly, the right band with the checker's explanation, and a link
// that opens the same supplier in the checker.
import { toFragment } from "../checker/fragment";
import { el } from "../lib/dom";
import { markChinese } from "../lib/lang";
import { type AnswerKey, type Grade, grade, readKey } from "./grade";
import { checkUrl, t } from "./messages";
import { announce } from "../lib/announce";
import { setInvalid } from "../lib/invalid";

export interface Exercise {
  readonly key: AnswerKey;
  readonly root: HTMLElement;
}

/** Wires an exercise; onGraded runs after every submit. Null when the key is unusable. */
export function initExercise(root: HTMLElement, onGraded: (g: Grade, ex: Exercise) => void): Exercise | null {
  const key = readKey(root);
  const form = root.querySelector<HTMLFormElement>("form[data-exercise-form]");
  if (!key || !form) return null;
  const ex: Exercise = { key, root };
  const error = root.querySelector<HTMLElement>("[data-exercise-error]");
  form.noValidate = true; // the band check below says what is missing, in the page's words
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const band = form.querySelector<HTMLInputElement>('input[name="band"]:checked');
    // The band radios' group carries the error: invalid, described by it.
    const group = form.querySelector('input[name="band"]')?.closest("fieldset");
    if (group) setInvalid(group, !band, error?.id);
    if (!band) {
      if (error) error.hidden = false;
      announce("exercise", error?.textContent?.trim() ?? "");
      form.querySelector<HTMLInputElement>('input[name="band"]')?.focus();
      return;
    }
    if (error) error.hidden = true;
    const ticked = [...form.querySelectorAll<HTMLInputElement>('input[name="flag"]:checked')].map((i) => i.value);
    const g = grade(key, ticked, band.value);
    showGrade(ex, g);
    onGraded(g, ex);
  });
  // Choosing a band answers the error at once.
  form.addEventListener("change", (ev) => {
    const t = ev.target;
    if (!(t instanceof HTMLInputElement) || t.name !== "band" || !error || error.hidden) return;
    error.hidden = true;
    const group = t.closest("fieldset");
    if (group) setInvalid(group, false, error.id);
  });
  return ex;
}

/** The checker's share link for the case's supplier, in the checker's own format. */
export function checkerLink(key: AnswerKey, rulesVersion?: number): string {
  // The key's profile is in questionnaire order already (the rules package
  // wrote it), so its own keys give toFragment the order it needs.
  const fields = Object.keys(key.profile);
  // The link names the rules version that made the key, as the checker's own share links do.
  return checkUrl() + "#" + toFragment({ ...key.profile }, fields, rulesVersion);
}

function ruleList(ex: Exercise, ids: readonly string[], heading: string, cls: string): HTMLElement {
  const box = el("div", { class: "grade-list " + cls }, el("h4", {}, `${heading} (${ids.length})`));
  if (!ids.length) {
    box.append(el("p", { class: "muted" }, t("trainingNone")));
    return box;
  }
  box.append(el("ul", {}, ...ids.map((id) => {
    const rule = ex.key.options.find((o) => o.id === id) ?? ex.key.findings.find((f) => f.id === id);
    return el("li", {}, el("a", { href: rule?.guide ?? "#" }, rule?.title ?? id));
  })));
  return box;
}

/** Renders the grade into the exercise's output area and moves focus there. */
export function showGrade(ex: Exercise, g: Grade): HTMLElement {
  const out = ex.root.querySelector<HTMLElement>("[data-grade-output]") ?? ex.root;
  const box = el("div", { class: "grade " + (g.bandCorrect ? "grade-right" : "grade-wrong") });
  box.dataset.grade = "";
  box.dataset.caught = g.caught.join(",");
  box.dataset.missed = g.missed.join(",");
  box.dataset.falseAlarms = g.falseAlarms.join(",");
  box.dataset.expectedBand = g.expectedBand;
  box.dataset.bandCorrect = String(g.bandCorrect);
  box.append(el("h3", {}, t("trainingResultTitle")));
  const total = g.caught.length + g.missed.length;
  box.append(el("p", { class: "grade-flags" }, t("trainingCaughtOf", { caught: g.caught.length, total, wrong: g.falseAlarms.length })));
  box.append(
    ruleList(ex, g.caught, t("trainingCaught"), "grade-caught"),
    ruleList(ex, g.missed, t("trainingMissed"), "grade-missed"),
    ruleList(ex, g.falseAlarms, t("trainingFalseAlarms"), "grade-false"),
  );
  box.append(el("p", { class: "grade-band" }, el("strong", {}, g.bandCorrect ? t("trainingBandRight") : t("trainingBandWrong")),
    " ", t("trainingYouChose", { chosen: t("band_" + g.chosenBand), expected: t("band_" + g.expectedBand) })));
  const explain = ex.root.querySelector<HTMLElement>("[data-band-explanation]");
  if (explain) {
    const copy = explain.cloneNode(true) as HTMLElement;
    copy.hidden = false;
    copy.removeAttribute("data-band-explanation");
    copy.className = "grade-explanation";
    box.append(copy);
  }
  const version = Number(ex.root.dataset.rulesVersion);
  const href = checkerLink(ex.key, Number.isInteger(version) && version > 0 ? version : undefined);
  box.append(el("p", {}, el("a", { href, "data-open-in-checker": "" }, t("trainingOpenInChecker"))));
  out.replaceChildren(markChinese(box));
  out.focus();
  return box;
}
