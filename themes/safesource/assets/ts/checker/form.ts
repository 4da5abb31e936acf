// The questionnaire form <-> answers. Inputs carry name = field id and
// value = enum value; "Don't know" is value "unknown" (or no box ticked).
// The kind of each question is read from its inputs: radio buttons are one
// value, checkboxes a list, a number input a number, a text input text.
import type { Msg } from "../lib/i18n";
import type { Answer, Answers } from "./fragment";

/** The inputs named id, from the form's own index of its controls (no document scan). */
function inputs(form: HTMLFormElement, id: string): HTMLInputElement[] {
  const named = form.elements.namedItem(id);
  if (named instanceof HTMLInputElement) return [named];
  if (named instanceof RadioNodeList) return Array.from(named).filter((e): e is HTMLInputElement => e instanceof HTMLInputElement);
  return [];
}

export interface FormState {
  answers: Answers;
  problems: Map<string, string>; // field id -> what is wrong with what was typed
}

export function readForm(form: HTMLFormElement, fields: readonly string[], msg: Msg): FormState {
  const answers: Answers = {};
  const problems = new Map<string, string>();
  for (const id of fields) {
    const els = inputs(form, id);
    const first = els[0];
    if (!first) continue;
    if (first.type === "radio") {
      const v = els.find((e) => e.checked)?.value;
      if (v && v !== "unknown") answers[id] = v;
    } else if (first.type === "checkbox") {
      const ticked = els.filter((e) => e.checked).map((e) => e.value);
      if (ticked.length) answers[id] = ticked.filter((v) => v !== "none");
    } else {
      const v = first.value.trim();
      if (first.type !== "number") {
        if (v) answers[id] = v;
      } else if (first.validity.badInput) {
        problems.set(id, msg("numberBad"));
      } else if (v) {
        answers[id] = Number(v); // the browser only yields valid decimal numbers here
      }
    }
  }
  return { answers, problems };
}

/** Sets every input from answers; fields not in answers go back to "Don't know". */
export function writeForm(form: HTMLFormElement, fields: readonly string[], answers: Answers): void {
  for (const id of fields) {
    const v = answers[id];
    for (const e of inputs(form, id)) {
      if (e.type === "radio") e.checked = e.value === (v === undefined ? "unknown" : String(v));
      else if (e.type === "checkbox") e.checked = Array.isArray(v) && (v.length ? v.includes(e.value) : e.value === "none");
      else e.value = v === undefined ? "" : String(v);
    }
  }
}

/** "None of these" and the real badges exclude each other. */
export function keepExclusive(target: EventTarget | null): void {
  if (!(target instanceof HTMLInputElement) || target.type !== "checkbox" || !target.checked || !target.form) return;
  for (const other of inputs(target.form, target.name)) {
    if (other !== target && (target.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive"))) other.checked = false;
  }
}

/** Question label and answer as the reader sees them, for the printed report. */
export function answerLines(form: HTMLFormElement, answers: Answers): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  for (const q of Array.from(form.querySelectorAll<HTMLElement>("[data-question]"))) {
    const v = answers[q.dataset.question ?? ""];
    if (v !== undefined) lines.push(answerLine(q, v));
  }
  return lines;
}

/** One question's label and answer as the reader sees them; the ids themselves for a question the form lacks. */
export function describeAnswer(form: HTMLFormElement, id: string, v: Answer): [string, string] {
  const q = form.querySelector<HTMLElement>(`[data-question="${CSS.escape(id)}"]`);
  return q ? answerLine(q, v) : [id, Array.isArray(v) ? v.join(", ") : String(v)];
}

function answerLine(q: HTMLElement, v: Answer): [string, string] {
  const label = (q.querySelector("legend, .question-label")?.textContent ?? q.dataset.question ?? "").trim();
  if (typeof v === "string" || typeof v === "number") {
    const choice = Array.from(q.querySelectorAll<HTMLInputElement>("input[type=radio]")).find((e) => e.value === String(v));
    const unit = q.querySelector(".unit")?.textContent ?? "";
    return [label, choice ? labelOf(choice) : `${v}${unit ? " " + unit : ""}`];
  }
  const ticked = Array.from(q.querySelectorAll<HTMLInputElement>("input[type=checkbox]")).filter((e) => v.length ? v.includes(e.value) : e.value === "none");
  return [label, ticked.map(labelOf).join(", ")];
}

function labelOf(input: HTMLInputElement): string {
  return (input.closest("label")?.textContent ?? input.value).trim();
}
