// A training session: /training/?pack=a,b,c runs those cases in order on
// the training page and ends with a summary that prints and downloads as
// JSON. Progress lives in sessionStorage only; nothing is sent anywhere.
import type { Grade } from "./grade";
import { type Exercise, initExercise } from "./exercise";
import { t } from "./messages";
import { downloadText } from "../lib/download";
import { el } from "../lib/dom";
import { clip } from "../lib/i18n";
import { markChinese } from "../lib/lang";

interface CaseLink {
  readonly slug: string;
  readonly href: string;
  readonly title: string;
}

export interface CaseResult {
  readonly slug: string;
  readonly title: string;
  readonly caught: string[];
  readonly missed: string[];
  readonly false_alarms: string[];
  readonly flags_caught: number;
  readonly flags_total: number;
  readonly band_chosen: string;
  readonly expected_band: string;
  readonly band_correct: boolean;
}

const STORE_PREFIX = "safesource-training:";
const MAX_PACK = 50;

/** The pack named in the URL, split into known cases and unknown slugs. */
export function parsePack(raw: string, known: ReadonlyMap<string, CaseLink>): { cases: CaseLink[]; unknown: string[] } {
  const cases: CaseLink[] = [];
  const unknown: string[] = [];
  for (const part of raw.split(",").slice(0, MAX_PACK)) {
    const slug = part.trim();
    if (!slug) continue;
    const c = known.get(slug);
    if (c) cases.push(c);
    else if (!unknown.includes(slug)) unknown.push(slug);
  }
  return { cases, unknown };
}

function load(key: string): CaseResult[] {
  try {
    const data: unknown = JSON.parse(sessionStorage.getItem(key) ?? "[]");
    return Array.isArray(data) ? (data as CaseResult[]) : [];
  } catch {
    return [];
  }
}

function save(key: string, results: readonly CaseResult[]): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(results));
  } catch {
    // Storage full or blocked: the session still runs, it just cannot resume.
  }
}

export function initPack(): void {
  const session = document.querySelector<HTMLElement>("[data-training-session]");
  const raw = new URLSearchParams(location.search).get("pack");
  if (!session || raw === null) return;
  const known = new Map<string, CaseLink>();
  for (const a of document.querySelectorAll<HTMLAnchorElement>("a[data-case]")) {
    const slug = a.dataset.case ?? "";
    known.set(slug, { slug, href: a.href, title: a.textContent?.trim() ?? slug });
  }
  const { cases, unknown } = parsePack(raw, known);
  const list = document.querySelector<HTMLElement>("[data-case-list]");
  session.hidden = false;
  const notice = session.querySelector<HTMLElement>("[data-pack-unknown]");
  if (notice && unknown.length) {
    notice.hidden = false;
    notice.dataset.unknownSlugs = unknown.join(",");
    notice.textContent = t("trainingUnknownSlugs", { slugs: unknown.map((s) => `“${clip(s)}”`).join(", ") });
    markChinese(notice);
  }
  if (!cases.length) {
    session.append(el("p", {}, t("trainingEmptyPack")));
    return; // the case list stays visible to pick from
  }
  if (list) list.hidden = true;
  const storeKey = STORE_PREFIX + cases.map((c) => c.slug).join(",");
  const results = load(storeKey).filter((r, i) => r.slug === cases[i]?.slug);
  const host = session.querySelector<HTMLElement>("[data-pack-cases]") ?? session;
  if (results.length) {
    host.append(el("p", { class: "muted" }, t("trainingResumed", { done: results.length, total: cases.length })));
  }
  const run = new Session(host, cases, results, storeKey, unknown);
  void run.next();
}

class Session {
  private current: HTMLElement | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly cases: readonly CaseLink[],
    private readonly results: CaseResult[],
    private readonly storeKey: string,
    private readonly unknown: readonly string[],
  ) {}

  async next(): Promise<void> {
    const i = this.results.length;
    if (i >= this.cases.length) {
      this.summary();
      return;
    }
    const c = this.cases[i]!;
    const id = "pack-case-" + (i + 1);
    const section = el("section", { class: "pack-case", "data-pack-case": c.slug, "aria-labelledby": id },
      el("h2", { id }, t("trainingCaseOf", { n: i + 1, total: this.cases.length, title: c.title })));
    this.host.append(section);
    try {
      const res = await fetch(c.href, { credentials: "same-origin" });
      if (!res.ok) throw new Error(String(res.status));
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const story = doc.querySelector("article .content");
      const exercise = doc.querySelector<HTMLElement>("[data-exercise]");
      if (!story || !exercise) throw new Error("no exercise");
      // Headings of the story keep their text but not their ids: several
      // cases share one page, and ids must stay unique.
      for (const n of story.querySelectorAll("[id]")) n.removeAttribute("id");
      for (const n of story.querySelectorAll(".heading-anchor, .copy-link")) n.remove();
      story.className = "content pack-story";
      // One level down: the case title is this page's heading for the story.
      for (const old of story.querySelectorAll("h2, h3")) {
        const h = doc.createElement(old.tagName === "H2" ? "h3" : "h4");
        h.append(...old.childNodes);
        old.replaceWith(h);
      }
      const ex = document.importNode(exercise, true);
      const exHeading = ex.querySelector("h2");
      exHeading?.replaceWith(el("h3", { id: exHeading.id }, ...exHeading.childNodes));
      section.append(document.importNode(story, true), ex);
      const wired = initExercise(ex, (g, e) => this.graded(c, g, e));
      if (!wired) throw new Error("damaged answer key");
      // Focus stays on the grade just shown; the next case follows it in reading order.
      this.current = section;
    } catch {
      section.append(el("p", { class: "notice" }, t("trainingLoadFailed", { title: c.title })));
      this.results.push({
        slug: c.slug, title: c.title, caught: [], missed: [], false_alarms: [], flags_caught: 0, flags_total: 0,
        band_chosen: "", expected_band: "", band_correct: false,
      });
      save(this.storeKey, this.results);
      await this.next();
    }
  }

  private graded(c: CaseLink, g: Grade, ex: Exercise): void {
    if (this.current !== ex.root.closest("section.pack-case")) return;
    // Earlier cases fold to one line, so the page holds one live form and one graded result.
    for (const done of this.host.querySelectorAll<HTMLElement>("section.pack-case[data-done]")) {
      done.querySelector(".pack-story")?.remove();
      done.querySelector("[data-grade]")?.removeAttribute("data-grade");
    }
    ex.root.querySelector("form[data-exercise-form]")?.remove();
    this.current?.setAttribute("data-done", "");
    this.results.push({
      slug: c.slug, title: c.title, caught: g.caught, missed: g.missed, false_alarms: g.falseAlarms,
      flags_caught: g.caught.length, flags_total: g.caught.length + g.missed.length,
      band_chosen: g.chosenBand, expected_band: g.expectedBand, band_correct: g.bandCorrect,
    });
    save(this.storeKey, this.results);
    void this.next();
  }

  private summary(): void {
    const date = new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
    this.host.append(markChinese(el("section", { class: "training-summary", "data-training-summary": "", "aria-labelledby": "training-summary" },
      el("h2", { id: "training-summary" }, t("trainingSummaryTitle")),
      el("p", { class: "muted" }, t("trainingSummaryWhen", { date, n: this.results.length })),
      this.summaryTable(),
      this.summaryActions())));
    document.body.classList.add("training-finished");
  }

  /** One row per case: flags caught, false alarms, and whether the band was right. */
  private summaryTable(): HTMLTableElement {
    const table = el("table");
    table.createTHead().insertRow().append(...["trainingCase", "trainingFlagsCol", "trainingFalseCol", "trainingBandCol"].map((col) => el("th", { scope: "col" }, t(col))));
    const body = table.createTBody();
    for (const r of this.results) {
      const row = body.insertRow();
      Object.assign(row.dataset, { summaryCase: r.slug, flagsCaught: String(r.flags_caught), flagsTotal: String(r.flags_total), bandCorrect: String(r.band_correct) });
      row.append(el("th", { scope: "row" }, r.title));
      row.insertCell().textContent = t("trainingCaughtShort", { caught: r.flags_caught, total: r.flags_total });
      row.insertCell().textContent = String(r.false_alarms.length);
      row.insertCell().textContent = r.band_chosen === "" ? "–" : r.band_correct ? t("trainingRight") : t("trainingWrong", { expected: t("band_" + r.expected_band) });
    }
    return table;
  }

  /** Print, download and start again. */
  private summaryActions(): HTMLElement {
    const button = (cls: string, text: string, attrs: Record<string, string>, onClick: () => void): HTMLButtonElement => {
      const b = el("button", { type: "button", class: cls, ...attrs }, text);
      b.addEventListener("click", onClick);
      return b;
    };
    return el("p", { class: "summary-actions no-print" },
      button("button", t("trainingPrint"), {}, () => window.print()), " ",
      button("button", t("trainingDownload"), { "data-summary-download": "" }, () => this.download()), " ",
      button("button button-secondary", t("trainingRestart"), {}, () => {
        try { sessionStorage.removeItem(this.storeKey); } catch { /* nothing stored */ }
        location.reload();
      }));
  }

  /** The summary as JSON, for a trainer's records (a local download). */
  exportJSON(): string {
    return JSON.stringify({
      format: "safesource-training",
      version: 1,
      rules_version: document.querySelector<HTMLElement>("[data-exercise][data-rules-version]")?.dataset.rulesVersion ?? "",
      completed: new Date().toISOString(),
      pack: this.cases.map((c) => c.slug),
      unknown: this.unknown,
      results: this.results,
    }, null, 2);
  }

  private download(): void {
    downloadText(`training-${new Date().toISOString().slice(0, 10)}.json`, "application/json", this.exportJSON());
  }
}
