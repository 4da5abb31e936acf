// /check/saved/: the suppliers saved in this browser side by side, sortable;
// delete (with undo), export and import as JSON or the CLI's CSV. Once the
// checker (in its Web Worker) has loaded, every entry is read and re-scored
// by it with the current rules (an empty list starts no checker until an
// import needs one). Every import is read by the checker itself,
// the code `checker score FILE` runs: all of it is imported or none. The
// page's state is one SavedState (saved-state.ts, where every change to it
// is a pure function); this file stores it, draws it and wires events.
import { $, el } from "../lib/dom";
import { markChinese } from "../lib/lang";
import { downloadText } from "../lib/download";
import { errorText } from "../lib/errors";
import { type Msg, clip } from "../lib/i18n";
import { Checker, afterPaint } from "./client";
import type { Config } from "./config";
import { toFragment } from "./fragment";
import { bandLabel } from "./result";
import * as S from "./saved-state";
import { type Entry, StorageProblem, newId, readStore, writeStore } from "./storage";
import { type ExportItem, ImportProblem, problemText, readExport, toJSON } from "./transfer";

const MAX_FILE = 5 * 1024 * 1024;
const MAX_LISTED = 8;

export function initSavedPage(cfg: Config, root: HTMLElement): void {
  new SavedPage(cfg, root).start();
}

class SavedPage {
  private state = S.initialState();
  private checker: Checker | null = null;
  /** Made on first use: the first date formatter costs the browser tens of milliseconds (locale data), which an empty list should not pay. */
  private dates: Intl.DateTimeFormat | null = null;
  private readonly msg: Msg;
  private readonly status: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly rows: HTMLElement;
  private readonly file: HTMLInputElement;
  private readonly labels: string[];

  constructor(private readonly cfg: Config, private readonly root: HTMLElement) {
    this.msg = cfg.msg;
    this.status = $(root, "[data-saved-status]");
    this.undoButton = $<HTMLButtonElement>(root, '[data-action="undo"]');
    this.rows = $(root, "[data-saved-rows]");
    this.file = $<HTMLInputElement>(root, "[data-import]");
    this.labels = Array.from(root.querySelectorAll("thead th"), (th) => (th.textContent ?? "").trim());
  }

  start(): void {
    this.root.addEventListener("click", (ev) => {
      const t = (ev.target as Element | null)?.closest<HTMLElement>("[data-action], [data-sort], [data-delete]");
      if (t) this.clicked(t);
    });
    this.file.addEventListener("change", () => {
      const f = this.file.files?.[0];
      this.file.value = "";
      if (f) void this.importFile(f);
    });
    window.addEventListener("storage", () => { this.load(); this.render(); });
    this.load();
    this.render();
    if (this.state.damaged) this.say(this.msg("storageDamaged", { error: this.state.damaged }));
    afterPaint(() => { this.rescore().catch((e: unknown) => this.failed(e)); });
  }

  private clicked(t: HTMLElement): void {
    const stamp = new Date().toISOString().slice(0, 10);
    const { sort, delete: id, action } = t.dataset;
    if (sort) {
      this.state = S.sortedBy(this.state, sort as S.SortKey);
      this.render();
    } else if (id) {
      const d = S.deleted(this.state, id);
      if (d && this.persist(d.state)) {
        this.say(this.msg("deleted", { name: S.shownName(d.gone, this.msg) }), [], true);
        this.undoButton.focus(); // the row and its button are gone: keep keyboard focus somewhere useful
      }
    } else if (action === "export-json") {
      downloadText(`safesource-suppliers-${stamp}.json`, "application/json", toJSON(this.state.entries));
    } else if (action === "export-csv") {
      void this.exportCSV(stamp);
    } else if (action === "import") {
      this.file.click();
    } else if (action === "delete-all") {
      this.deleteAll();
    } else if (action === "undo") {
      const back = S.undone(this.state);
      if (back && this.persist(back)) {
        this.say(this.msg("restored"));
        this.status.focus(); // the Undo button hides itself
      }
    }
  }

  private deleteAll(): void {
    const { damaged, entries } = this.state;
    if (!this.persist(S.deletedAll(this.state))) return;
    if (damaged) {
      this.say(this.msg("deletedAll", { n: 0 }));
    } else {
      this.say(this.msg("deletedAll", { n: entries.length }), [], true);
      this.undoButton.focus();
    }
  }

  private failed(e: unknown): void {
    this.say(this.msg("checkerFailed", { error: errorText(e) }));
  }

  private say(text: string, problems: readonly string[] = [], canUndo = false): void {
    this.status.replaceChildren(el("p", {}, text));
    if (problems.length) {
      const shown = problems.slice(0, MAX_LISTED).map((p) => el("li", {}, p));
      if (problems.length > MAX_LISTED) shown.push(el("li", {}, this.msg("importMore", { n: problems.length - MAX_LISTED })));
      this.status.append(el("ul", {}, ...shown));
    }
    markChinese(this.status);
    this.undoButton.hidden = !canUndo;
  }

  private load(): void {
    try {
      this.state = S.loaded(this.state, readStore());
    } catch (e) {
      this.state = S.loaded(this.state, [], errorText(e));
    }
  }

  /** Stores the entries of next and makes it the page's state; false (and says why) when storage refuses. */
  private persist(next: S.SavedState): boolean {
    try {
      writeStore(next.entries);
    } catch (e) {
      if (!(e instanceof StorageProblem)) throw e;
      this.say(this.msg("storageFailed", { error: e.message }));
      return false;
    }
    this.state = next;
    this.render();
    return true;
  }

  private formatDate(d: Date): string {
    this.dates ??= new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "short" });
    return this.dates.format(d);
  }

  private cell(i: number, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLTableCellElement {
    return el("td", { ...attrs, "data-label": this.labels[i] ?? "" }, ...children);
  }

  private notesBox(e: Entry, name: string): HTMLTextAreaElement {
    const notes = el("textarea", { rows: "2", maxlength: "2000", "aria-label": this.msg("notesFor", { name }) });
    notes.value = e.notes;
    notes.addEventListener("change", () => {
      const next = S.notesEdited(this.state, e.id, notes.value);
      try {
        writeStore(next.entries);
        this.state = next;
      } catch (err) {
        this.say(this.msg("storageFailed", { error: errorText(err) }));
      }
    });
    return notes;
  }

  private row(e: Entry): HTMLTableRowElement {
    const { msg } = this;
    const name = S.shownName(e, msg);
    const findings = e.findings ?? [];
    const list = findings.length
      ? el("ul", { class: "saved-findings" }, ...findings.slice(0, 3).map((t) => el("li", {}, t)),
        ...(findings.length > 3 ? [el("li", { class: "saved-more" }, msg("findingsMore", { n: findings.length - 3 }))] : []))
      : "0";
    const frag = toFragment(e.profile, this.cfg.fields, e.rules_version ?? 1);
    const when = new Date(e.saved);
    const hidden = (): HTMLSpanElement => el("span", { class: "visually-hidden" }, " " + name);
    return el("tr", { "data-entry": e.id },
      el("th", { scope: "row", "data-label": this.labels[0] ?? "" }, name),
      this.cell(1, { class: "num" }, el("span", { class: "saved-score", "data-cell": "score" }, e.score === undefined ? "–" : String(e.score)),
        ...(e.confidence === undefined ? [] : [el("span", { class: "saved-confidence" }, msg("confidenceText", { n: Math.round(e.confidence * 100) }))])),
      this.cell(2, {}, e.band ? el("span", { class: `band band-${e.band}`, "data-cell": "band" }, bandLabel(msg, e.band)) : "–"),
      this.cell(3, {}, list),
      this.cell(4, {}, el("time", { datetime: e.saved }, Number.isNaN(when.getTime()) ? e.saved : this.formatDate(when))),
      this.cell(5, { class: "saved-notes" }, this.notesBox(e, name)),
      this.cell(6, { class: "saved-actions" }, el("div", {},
        el("a", { class: "button button-small", href: this.cfg.checkUrl + (frag ? "#" + frag : "") }, msg("openInChecker"), hidden()),
        el("button", { type: "button", class: "button button-small", "data-delete": e.id }, msg("delete"), hidden()))));
  }

  private render(): void {
    const { root, state } = this;
    const has = state.entries.length > 0;
    $(root, "[data-saved-wrap]").hidden = !has;
    $(root, "[data-saved-empty]").hidden = has || state.damaged !== "";
    for (const b of Array.from(root.querySelectorAll<HTMLButtonElement>('[data-action^="export"]'))) b.disabled = !has;
    $<HTMLButtonElement>(root, '[data-action="delete-all"]').disabled = !has && !state.damaged;
    this.rows.replaceChildren(...S.sortedEntries(state, this.cfg.bands).map((e) => markChinese(this.row(e))));
    const { key, dir } = state.sort;
    for (const th of Array.from(root.querySelectorAll<HTMLElement>("[data-sort-col]"))) {
      const active = th.dataset.sortCol === key;
      if (active) th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
      const mark = th.querySelector(".sort-mark");
      if (mark) mark.textContent = active ? (dir === 1 ? " ▲" : " ▼") : "";
    }
  }

  private async ready(): Promise<Checker> {
    this.checker ??= new Checker(this.cfg.worker, this.cfg.wasm, this.cfg.integrity);
    await this.checker.ready;
    return this.checker;
  }

  /** Reads every entry with the checker and re-scores it (one crossing each); problems and changes are named. */
  private async rescore(): Promise<void> {
    // Nothing saved, nothing to re-score: the checker (a worker and its
    // WebAssembly) then starts only when an import or export needs it.
    if (this.state.entries.length) {
      const c = await this.ready();
      const before = this.state.entries;
      const done = await Promise.all(before.map(async (e) => S.rescoredEntry(e, await c.call("score", e.profile, S.scoredWith(e)), this.msg)));
      if (done.some((r, i) => r.entry !== before[i])) {
        this.state = S.rescored(this.state, done.map((r) => r.entry));
        try { writeStore(this.state.entries); } catch { /* shown as scored; stored next time */ }
        this.render();
      }
      const problems = done.flatMap((r) => r.problems);
      const notes = done.flatMap((r) => (r.note ? [r.note] : []));
      if (problems.length) this.say(this.msg("rescoreProblems"), [...problems, ...notes]);
      else if (done.some((r) => r.changed)) this.say(this.msg("rescored"), notes);
    }
    this.root.dataset.scored = ""; // every entry shows the current rules' result (or says why not)
  }

  /** The suppliers of a file, each read and scored by the checker; throws ImportProblem. */
  private async readFile(c: Checker, name: string, bytes: Uint8Array): Promise<Entry[]> {
    const { msg } = this;
    const now = new Date().toISOString();
    let read: ExportItem[] | null = readExport(new TextDecoder().decode(bytes), msg);
    if (!read) {
      // Anything but the site's own export is read exactly as the command-line checker reads the file.
      const out = await c.call("decode", name, bytes);
      if (out.errors.length) throw new ImportProblem(out.errors.map((p) => problemText(p, msg)));
      read = out.profiles.map((profile, i) => ({ where: msg("importEntry", { n: i + 1 }), profile }));
    }
    if (!read.length) throw new ImportProblem([msg("importEmpty")]);
    const problems: string[] = [];
    const incoming: Entry[] = [];
    for (const item of read) {
      const out = await c.call("score", item.profile); // one crossing reads and scores each supplier
      const refused = S.replyProblems(out);
      if ("errors" in out || refused.length) problems.push(...S.named(item.where, refused, msg));
      else incoming.push(S.importedEntry(item, out, newId(), now));
    }
    if (problems.length) throw new ImportProblem(problems);
    return incoming;
  }

  private async importFile(f: File): Promise<void> {
    const { msg } = this;
    const name = clip(f.name, 80);
    const reject = (problems: readonly string[]): void => this.say(msg("importRejected", { file: name, problem: problems[0] ?? "" }), problems.slice(1));
    if (this.state.damaged) return this.say(msg("storageDamaged", { error: this.state.damaged }));
    if (f.size > MAX_FILE) return reject([msg("importTooLarge")]);
    if (!/\.(json|csv)$/i.test(f.name)) return reject([msg("importType")]);
    this.say(msg("importing", { file: name }));
    let incoming: Entry[];
    try {
      // The bytes as they are on disk: the checker decodes them, BOM and all.
      incoming = await this.readFile(await this.ready(), f.name, new Uint8Array(await f.arrayBuffer()));
    } catch (e) {
      return reject(e instanceof ImportProblem ? e.problems : [msg("checkerFailed", { error: errorText(e) })]);
    }
    const m = S.imported(this.state, incoming);
    if (this.persist(m.state)) this.say(msg("imported", { n: incoming.length, file: name, added: m.added, replaced: m.replaced }), [], true);
  }

  private async exportCSV(stamp: string): Promise<void> {
    try {
      const out = await (await this.ready()).call("csv", this.state.entries.map((e) => e.profile));
      if ("errors" in out) return this.say(this.msg("exportFailed"), out.errors.map((p) => problemText(p, this.msg)));
      downloadText(`safesource-suppliers-${stamp}.csv`, "text/csv", out.csv);
    } catch (e) {
      this.failed(e);
    }
  }
}
