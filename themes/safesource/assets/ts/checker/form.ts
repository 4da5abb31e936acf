// The questionnaire form <-> Answers. Inputs carry name = field id and
// value = enum value; "Don't know" is value "unknown" (or no box ticked).
import type { Field } from "./config";
import { msg } from "./config";
import type { Answers } from "./profile";

function inputs(form: HTMLFormElement, id: string): HTMLInputElement[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(id)}"]`));
}

export interface FormState {
  answers: Answers;
  problems: Map<string, string>; // field id -> what is wrong with what was typed
}

export function readForm(form: HTMLFormElement, fields: readonly Field[]): FormState {
  const answers: Answers = {};
  const problems = new Map<string, string>();
  for (const f of fields) {
    const els = inputs(form, f.id);
    switch (f.type) {
      case "enum": {
        const v = els.find((e) => e.checked)?.value;
        if (v && v !== "unknown") answers[f.id] = v;
        break;
      }
      case "list": {
        const ticked = els.filter((e) => e.checked).map((e) => e.value);
        if (ticked.length) answers[f.id] = ticked.filter((v) => v !== "none");
        break;
      }
      default: {
        const e = els[0];
        if (!e) break;
        const v = e.value.trim();
        if (f.type === "text") {
          if (v) answers[f.id] = v;
        } else if (e.validity.badInput) {
          problems.set(f.id, msg("numberBad"));
        } else if (v) {
          answers[f.id] = Number(v); // the browser only yields valid decimal numbers here
        }
      }
    }
  }
  return { answers, problems };
}

/** Sets every input from answers; fields not in answers go back to "Don't know". */
export function writeForm(form: HTMLFormElement, fields: readonly Field[], answers: Answers): void {
  for (const f of fields) {
    const v = answers[f.id];
    for (const e of inputs(form, f.id)) {
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
    const id = q.dataset.question ?? "";
    const v = answers[id];
    if (v === undefined) continue;
    const label = (q.querySelector("legend, .question-label")?.textContent ?? id).trim();
    let text: string;
    if (typeof v === "string" || typeof v === "number") {
      const choice = Array.from(q.querySelectorAll<HTMLInputElement>("input[type=radio]")).find((e) => e.value === String(v));
      const unit = q.querySelector(".unit")?.textContent ?? "";
      text = choice ? labelOf(choice) : `${v}${unit ? " " + unit : ""}`;
    } else {
      const ticked = Array.from(q.querySelectorAll<HTMLInputElement>("input[type=checkbox]")).filter((e) => v.length ? v.includes(e.value) : e.value === "none");
      text = ticked.map(labelOf).join(", ");
    }
    lines.push([label, text]);
  }
  return lines;
}

function labelOf(input: HTMLInputElement): string {
  return (input.closest("label")?.textContent ?? input.value).trim();
}
