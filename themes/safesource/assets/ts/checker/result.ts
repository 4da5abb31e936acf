// The result panel: score, band (colour and words), confidence, each finding
// with its reason and guide link, the positives, the changes that would
// lower the score most and the next actions. Lists are updated in place so
// the polite live region announces only changes.
import { type Config, msg } from "./config";
import { $, el, setText, syncList } from "./dom";
import type { Action, Finding, Improvement, Result } from "./wasm";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const bandLabel = (band: string): string => msg("band" + cap(band));

/** An absolute URL for print, so a paper report still says where to read more. */
function guideLink(guide: string, text: string): HTMLAnchorElement {
  return el("a", { href: guide, "data-print-url": new URL(guide, location.origin).href }, text);
}

function findingItem(f: Finding): HTMLElement {
  const positive = f.points < 0;
  return el("li", { class: `finding finding-${f.severity}` },
    el("p", { class: "finding-head" },
      el("span", { class: `severity severity-${f.severity}` }, msg("severity" + cap(f.severity))),
      " ",
      el("span", { class: "finding-points" }, msg(positive ? "pointsDown" : "pointsUp", { n: Math.abs(f.points) }))),
    el("p", { class: "finding-title" }, guideLink(f.guide, f.title)),
    el("p", { class: "finding-why" }, f.why));
}

function actionItem(a: Action): HTMLElement {
  return el("li", {}, guideLink(a.guide, a.text));
}

export class ResultPanel {
  readonly root: HTMLElement;
  private readonly cfg: Config;
  private readonly score: HTMLElement;
  private readonly band: HTMLElement;
  private readonly confidence: HTMLElement;
  private readonly note: HTMLElement;
  private readonly message: HTMLElement;
  private readonly details: HTMLElement;

  constructor(root: HTMLElement, cfg: Config) {
    this.root = root;
    this.cfg = cfg;
    this.score = $(root, "[data-score-value]");
    this.band = $(root, "[data-band-label]");
    this.confidence = $(root, "[data-confidence]");
    this.note = $(root, "[data-result-note]");
    this.message = $(root, "[data-result-message]");
    this.details = $(root, "[data-result-details]");
  }

  /** Loading or failure text; the last score stays visible. */
  say(text: string): void {
    setText(this.message, text);
  }

  show(r: Result, answered: number): void {
    this.root.dataset.band = r.band;
    this.root.dataset.score = String(r.score);
    this.root.dataset.rulesVersion = String(r.rules_version);
    setText(this.score, String(r.score));
    this.band.className = `band band-${r.band}`;
    setText(this.band, bandLabel(r.band));
    setText(this.confidence, msg("confidenceText", { n: Math.round(r.confidence * 100) }));
    setText(this.note, answered === 0 ? msg("nothingAnswered") + " " + msg("lowConfidence") : r.confidence < 0.5 ? msg("lowConfidence") : "");
    this.details.hidden = false;
    this.list("findings", r.findings, (f) => f.id, findingItem);
    this.list("positives", r.positives, (f) => f.id, findingItem);
    this.list("improvements", r.improvements, (m) => `${m.question}:${r.score}:${m.score_after}`, (m) => this.improvementItem(m, r.score));
    this.list("actions", r.actions, (a) => a.id, actionItem);
  }

  /** "Pay through the platform's escrow instead: 71 → 46", linked to the guide step. */
  private improvementItem(m: Improvement, score: number): HTMLElement {
    const text = this.cfg.byId.get(m.question)?.improve ?? m.question;
    return el("li", { "data-improvement": m.question, "data-answer": m.answer, "data-score-after": String(m.score_after) },
      guideLink(m.guide, text), " ",
      el("span", { class: "improvement-score" }, msg("improvementScore", { before: score, after: m.score_after })));
  }

  private list<T>(name: string, items: readonly T[], key: (t: T) => string, make: (t: T) => HTMLElement): void {
    syncList($(this.root, `[data-list="${name}"]`), items, key, make);
    $(this.root, `[data-empty="${name}"]`).hidden = items.length > 0;
    const count = this.root.querySelector(`[data-count="${name}"]`);
    if (count) setText(count, items.length ? `(${items.length})` : "");
  }
}
