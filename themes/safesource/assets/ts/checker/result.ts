// The result panel: score, band (colour and words), confidence, each finding
// with its reason and guide link, the positives, the changes that would
// lower the score most and the next actions. The panel itself is not a live
// region (one answer would read out the whole result): each settled result
// is announced in one short sentence, score, band and red flags.
import { announce } from "../lib/announce";
import { $, el, setText, syncList } from "../lib/dom";
import { markChinese } from "../lib/lang";
import type { Msg } from "../lib/i18n";
import { parseNames, type Config } from "./config";
import type { Action, EntityDocument, Finding, Improvement, Result, SetAside } from "./protocol";

export const bandLabel = (msg: Msg, band: string): string => msg("band_" + band);

/**
 * A guide link with its absolute URL on the public site for print, so a
 * paper report still says where to read more. The markup matches
 * layouts/_partials/checker/result-item.html, which renders the first result.
 */
function guideLink(site: string, guide: string, text: string): HTMLAnchorElement {
  return el("a", { href: guide, "data-print-url": new URL(guide, site).href }, text);
}

function findingItem(msg: Msg, site: string, f: Finding): HTMLElement {
  const positive = f.points < 0;
  return el("li", { class: `finding finding-${f.severity}`, [positive ? "data-positive" : "data-finding"]: f.id },
    el("p", { class: "finding-head" },
      el("span", { class: `severity severity-${f.severity}` }, msg("severity_" + f.severity)),
      " ",
      el("span", { class: "finding-points" }, msg(positive ? "pointsDown" : "pointsUp", { n: Math.abs(f.points) }))),
    el("p", { class: "finding-title" }, guideLink(site, f.guide, f.title)),
    el("p", { class: "finding-why" }, f.why));
}

/** "Account holder: 深圳华强电子科技有限公司, a lookalike of the licence: not the same company". */
function entityItem(msg: Msg, d: EntityDocument): HTMLElement {
  const withDoc = d.compared_with ? msg("entityWith_" + d.compared_with) : "";
  return el("li", { class: `entity-row entity-${d.match}`, "data-entity-document": d.document, "data-entity-match": d.match },
    el("span", { class: "entity-document" }, msg("entityDoc_" + d.document)), ": ",
    el("span", { class: "entity-value" }, d.value), " — ",
    el("span", { class: "entity-match" }, msg("entityMatch_" + d.match, { with: withDoc })));
}

/** A question's label and an answer's text as the form shows them. */
export type Describe = (question: string, answer: string) => [string, string];

function setAsideItem(msg: Msg, describe: Describe, s: SetAside): HTMLElement {
  const [question, answer] = describe(s.question, s.answer);
  return el("li", { "data-set-aside": s.question }, msg("entitySetAside", { question, answer, reason: s.reason }));
}

function actionItem(site: string, a: Action): HTMLElement {
  return el("li", {}, guideLink(site, a.guide, a.text));
}

export class ResultPanel {
  readonly root: HTMLElement;
  private readonly score: HTMLElement;
  private readonly band: HTMLElement;
  private readonly confidence: HTMLElement;
  private readonly note: HTMLElement;
  private readonly message: HTMLElement;
  private readonly details: HTMLElement;
  /** The link to the deadline planner, shown for the bands it lists. */
  private readonly deadlines: HTMLElement | null;
  private readonly urgentBands: ReadonlySet<string>;

  private readonly msg: Msg;
  private readonly improve: ReadonlyMap<string, string>;
  private readonly site: string;

  /** describe names a set-aside answer in the form's words (the ids when it is not given). */
  constructor(root: HTMLElement, cfg: Pick<Config, "msg" | "improve" | "siteUrl">, private readonly describe: Describe = (q, a) => [q, a]) {
    this.root = root;
    this.msg = cfg.msg;
    this.improve = cfg.improve;
    this.site = cfg.siteUrl;
    this.score = $(root, "[data-score-value]");
    this.band = $(root, "[data-band-label]");
    this.confidence = $(root, "[data-confidence]");
    this.note = $(root, "[data-result-note]");
    this.message = $(root, "[data-result-message]");
    this.details = $(root, "[data-result-details]");
    this.deadlines = root.querySelector<HTMLElement>("[data-deadlines-link]");
    this.urgentBands = new Set(parseNames(this.deadlines?.dataset.bands ?? "[]"));
  }

  /** Loading or failure text; the last score stays visible. */
  say(text: string): void {
    setText(this.message, text);
    announce("result-message", text);
  }

  /**
   * Marks the result the page was built with (the checker's for no
   * answers, data-start-score and data-start-band) as scored; false when
   * the page has none, and the answers need scoring.
   */
  showStart(): boolean {
    const { startScore, startBand } = this.root.dataset;
    if (!startScore || !startBand) return false;
    this.root.dataset.band = startBand;
    this.root.dataset.score = startScore;
    return true;
  }

  show(r: Result, answered: number): void {
    const msg = this.msg;
    this.root.dataset.band = r.band;
    this.root.dataset.score = String(r.score);
    this.root.dataset.rulesVersion = String(r.rules_version);
    setText(this.score, String(r.score));
    const band = `band band-${r.band}`;
    if (this.band.className !== band) this.band.className = band;
    setText(this.band, bandLabel(msg, r.band));
    setText(this.confidence, msg("confidenceText", { n: Math.round(r.confidence * 100) }));
    // How much is known, apart from the risk: a thin profile that scores 0
    // says so rather than reading like a verdict.
    const known = msg("knownText", { known: r.known, of: r.known_of, score: r.score });
    setText(this.note, answered === 0 ? msg("nothingAnswered") + " " + msg("lowConfidence") : r.confidence < 0.5 ? known + " " + msg("lowConfidence") : known);
    this.details.hidden = false;
    this.list("findings", r.findings, (f) => f.id, (f) => findingItem(msg, this.site, f));
    this.list("positives", r.positives, (f) => f.id, (f) => findingItem(msg, this.site, f));
    this.showEntity(r);
    this.list("improvements", r.improvements, (m) => `${m.question}:${r.score}:${m.score_after}`, (m) => this.improvementItem(m, r.score));
    this.list("actions", r.actions, (a) => a.id, (a) => actionItem(this.site, a));
    if (this.deadlines) this.deadlines.hidden = !this.urgentBands.has(r.band);
    announce("result", msg("resultAnnounce", { score: r.score, band: bandLabel(msg, r.band), n: r.findings.length }));
  }

  /** The licence's code in a sentence, one row per document typed, the account's country and the answers set aside. */
  private showEntity(r: Result): void {
    const e = r.entity;
    // No document typed: the section's hint and the code's sentence are for
    // the screen; a paper report stays short.
    $(this.root, "[data-entity]").classList.toggle("no-print", !e || e.documents.length === 0);
    const code = $(this.root, "[data-entity-code]");
    const bank = e && e.bank_country !== "" && e.bank_country !== "unknown" ? this.msg("entityBank_" + e.bank_country) : "";
    const parts = [e?.uscc?.valid ? e.uscc.summary : "", bank].filter((t) => t !== "");
    setText(code, parts.join(" "));
    code.hidden = parts.length === 0;
    markChinese(code);
    this.list("entity", e?.documents ?? [], (d) => `${d.document}:${d.match}:${d.compared_with}:${d.value}`, (d) => entityItem(this.msg, d));
    syncList($(this.root, '[data-list="set-aside"]'), e?.set_aside ?? [], (s) => `${s.question}:${s.answer}:${s.reason}`, (s) => setAsideItem(this.msg, this.describe, s));
  }

  /** "Pay through the platform's escrow instead: 71 → 46", linked to the guide step. */
  private improvementItem(m: Improvement, score: number): HTMLElement {
    const text = this.improve.get(m.question) ?? m.question;
    return el("li", { "data-improvement": m.question, "data-answer": m.answer, "data-score-after": String(m.score_after) },
      guideLink(this.site, m.guide, text), " ",
      el("span", { class: "improvement-score" }, this.msg("improvementScore", { before: score, after: m.score_after })));
  }

  private list<T>(name: string, items: readonly T[], key: (t: T) => string, make: (t: T) => HTMLElement): void {
    syncList($(this.root, `[data-list="${name}"]`), items, key, (t) => markChinese(make(t)));
    $(this.root, `[data-empty="${name}"]`).hidden = items.length > 0;
    const count = this.root.querySelector(`[data-count="${name}"]`);
    if (count) setText(count, items.length ? `(${items.length})` : "");
  }
}
