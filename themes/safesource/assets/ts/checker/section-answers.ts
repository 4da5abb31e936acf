// The result's "Answers by section": one line per questionnaire section,
// linked to it, saying how many of its questions are answered (the same
// words as the count in the section's own summary).
import { setText } from "../lib/dom";

/** Writes text as the answered count of the section that count belongs to. */
export function showSectionAnswers(result: ParentNode, count: Element, text: string): void {
  const id = count.closest<HTMLElement>("[data-section]")?.dataset.section;
  const out = id ? result.querySelector(`[data-section-answered="${CSS.escape(id)}"]`) : null;
  if (out) setText(out, text);
}
