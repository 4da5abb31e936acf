// One exercise on the page: reads the trainee's ticks and band, grades them
// against the case's answer key and shows what was caught, missed and
// flagged wrongly, the right band with the checker's explanation, and a link
// that opens the same supplier in the checker.
import { toFragment } from "../checker/fragment";
import { markChinese } from "../lib/lang";
import { type AnswerKey, type Grade, grade, readKey } from "./grade";
import { checkUrl, t } from "./messages";

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
    if (!band) {
      if (error) error.hidden = false;
      form.querySelector<HTMLInputElement>('input[name="band"]')?.focus();
      return;
    }
    if (error) error.hidden = true;
    const ticked = [...form.querySelectorAll<HTMLInputElement>('input[name="flag"]:checked')].map((i) => i.value);
    const g = grade(key, ticked, band.value);
    showGrade(ex, g);
    onGraded(g, ex);
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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = "", cls = ""): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function ruleList(ex: Exercise, ids: readonly string[], heading: string, cls: string): HTMLElement {
  const box = el("div", "", "grade-list " + cls);
  box.append(el("h4", `${heading} (${ids.length})`));
  if (!ids.length) {
    box.append(el("p", t("trainingNone"), "muted"));
    return box;
  }
  const ul = el("ul");
  for (const id of ids) {
    const rule = ex.key.options.find((o) => o.id === id) ?? ex.key.findings.find((f) => f.id === id);
    const li = el("li");
    const a = el("a", rule?.title ?? id);
    a.href = rule?.guide ?? "#";
    li.append(a);
    ul.append(li);
  }
  box.append(ul);
  return box;
}

/** Renders the grade into the exercise's output area and moves focus there. */
export function showGrade(ex: Exercise, g: Grade): HTMLElement {
  const out = ex.root.querySelector<HTMLElement>("[data-grade-output]") ?? ex.root;
  const box = el("div", "", "grade " + (g.bandCorrect ? "grade-right" : "grade-wrong"));
  box.dataset.grade = "";
  box.dataset.caught = g.caught.join(",");
  box.dataset.missed = g.missed.join(",");
  box.dataset.falseAlarms = g.falseAlarms.join(",");
  box.dataset.expectedBand = g.expectedBand;
  box.dataset.bandCorrect = String(g.bandCorrect);
  box.append(el("h3", t("trainingResultTitle")));
  const total = g.caught.length + g.missed.length;
  box.append(el("p", t("trainingCaughtOf", { caught: g.caught.length, total, wrong: g.falseAlarms.length }), "grade-flags"));
  box.append(
    ruleList(ex, g.caught, t("trainingCaught"), "grade-caught"),
    ruleList(ex, g.missed, t("trainingMissed"), "grade-missed"),
    ruleList(ex, g.falseAlarms, t("trainingFalseAlarms"), "grade-false"),
  );
  const verdict = el("p", "", "grade-band");
  const strong = el("strong", g.bandCorrect ? t("trainingBandRight") : t("trainingBandWrong"));
  verdict.append(strong, " ", t("trainingYouChose", { chosen: t("band_" + g.chosenBand), expected: t("band_" + g.expectedBand) }));
  box.append(verdict);
  const explain = ex.root.querySelector<HTMLElement>("[data-band-explanation]");
  if (explain) {
    const copy = explain.cloneNode(true) as HTMLElement;
    copy.hidden = false;
    copy.removeAttribute("data-band-explanation");
    copy.className = "grade-explanation";
    box.append(copy);
  }
  const p = el("p");
  const link = el("a", t("trainingOpenInChecker"));
  const version = Number(ex.root.dataset.rulesVersion);
  link.href = checkerLink(ex.key, Number.isInteger(version) && version > 0 ? version : undefined);
  link.dataset.openInChecker = "";
  p.append(link);
  box.append(p);
  out.replaceChildren(markChinese(box));
  out.focus();
  return box;
}
