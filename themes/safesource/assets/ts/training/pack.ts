// A training session: /training/?pack=a,b,c runs those cases in order on
// the training page and ends with a summary that prints and downloads as
// JSON. Progress lives in sessionStorage only; nothing is sent anywhere.
import type { Grade } from "./grade";
import { type Exercise, initExercise } from "./exercise";
import { t } from "./messages";
import { downloadText } from "../lib/download";
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

function clip(s: string, n = 60): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
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
    const p = document.createElement("p");
    p.textContent = t("trainingEmptyPack");
    session.append(p);
    return; // the case list stays visible to pick from
  }
  if (list) list.hidden = true;
  const storeKey = STORE_PREFIX + cases.map((c) => c.slug).join(",");
  const results = load(storeKey).filter((r, i) => r.slug === cases[i]?.slug);
  const host = session.querySelector<HTMLElement>("[data-pack-cases]") ?? session;
  if (results.length) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = t("trainingResumed", { done: results.length, total: cases.length });
    host.append(p);
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
    const section = document.createElement("section");
    section.className = "pack-case";
    section.dataset.packCase = c.slug;
    const h = document.createElement("h2");
    h.id = "pack-case-" + (i + 1);
    h.textContent = t("trainingCaseOf", { n: i + 1, total: this.cases.length, title: c.title });
    section.setAttribute("aria-labelledby", h.id);
    section.append(h);
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
      if (exHeading) {
        const h3 = document.createElement("h3");
        h3.id = exHeading.id;
        h3.append(...exHeading.childNodes);
        exHeading.replaceWith(h3);
      }
      section.append(document.importNode(story, true), ex);
      const wired = initExercise(ex, (g, e) => this.graded(c, g, e));
      if (!wired) throw new Error("damaged answer key");
      // Focus stays on the grade just shown; the next case follows it in reading order.
      this.current = section;
    } catch {
      const p = document.createElement("p");
      p.className = "notice";
      p.textContent = t("trainingLoadFailed", { title: c.title });
      section.append(p);
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
    const box = document.createElement("section");
    box.className = "training-summary";
    box.dataset.trainingSummary = "";
    const h = document.createElement("h2");
    h.id = "training-summary";
    h.textContent = t("trainingSummaryTitle");
    box.setAttribute("aria-labelledby", h.id);
    box.append(h);
    const when = document.createElement("p");
    when.className = "muted";
    when.textContent = t("trainingSummaryWhen", { date: new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" }), n: this.results.length });
    box.append(when);
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const col of ["trainingCase", "trainingFlagsCol", "trainingFalseCol", "trainingBandCol"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = t(col);
      head.append(th);
    }
    const body = table.createTBody();
    for (const r of this.results) {
      const row = body.insertRow();
      row.dataset.summaryCase = r.slug;
      row.dataset.flagsCaught = String(r.flags_caught);
      row.dataset.flagsTotal = String(r.flags_total);
      row.dataset.bandCorrect = String(r.band_correct);
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = r.title;
      row.append(th);
      row.insertCell().textContent = t("trainingCaughtShort", { caught: r.flags_caught, total: r.flags_total });
      row.insertCell().textContent = String(r.false_alarms.length);
      row.insertCell().textContent = r.band_chosen === "" ? "–" : r.band_correct ? t("trainingRight") : t("trainingWrong", { expected: t("band_" + r.expected_band) });
    }
    box.append(table);
    const actions = document.createElement("p");
    actions.className = "summary-actions no-print";
    const print = document.createElement("button");
    print.type = "button";
    print.className = "button";
    print.textContent = t("trainingPrint");
    print.addEventListener("click", () => window.print());
    const download = document.createElement("button");
    download.type = "button";
    download.className = "button";
    download.textContent = t("trainingDownload");
    download.dataset.summaryDownload = "";
    download.addEventListener("click", () => this.download());
    const restart = document.createElement("button");
    restart.type = "button";
    restart.className = "button button-secondary";
    restart.textContent = t("trainingRestart");
    restart.addEventListener("click", () => {
      try { sessionStorage.removeItem(this.storeKey); } catch { /* nothing stored */ }
      location.reload();
    });
    actions.append(print, " ", download, " ", restart);
    box.append(actions);
    this.host.append(markChinese(box));
    document.body.classList.add("training-finished");
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
