// /check/saved/: the suppliers saved in this browser side by side, sortable;
// delete (with undo), export and import as JSON or the CLI's CSV. Once the
// checker (in its Web Worker) has loaded, every entry is read and re-scored
// by it with the current rules (an empty list starts no checker until an
// import needs one). Every import is read by the checker itself,
// the code `checker score FILE` runs: all of it is imported or none.
import { $, el } from "../lib/dom";
import { clip } from "../lib/i18n";
import { markChinese } from "../lib/lang";
import { Checker, afterPaint } from "./client";
import type { Config } from "./config";
import { type Answers, toFragment } from "./fragment";
import type { Problem, Result } from "./protocol";
import { rescoreText } from "./rescore";
import { bandLabel } from "./result";
import { type Entry, StorageProblem, entryName, merge, newId, readStore, writeStore } from "./storage";
import { type ExportItem, ImportProblem, problemText, readExport, toJSON } from "./transfer";
import { downloadText } from "../lib/download";

const MAX_FILE = 5 * 1024 * 1024;
const MAX_LISTED = 8;
type SortKey = "name" | "score" | "band" | "saved";

function scoredFields(r: Result): { score: number; band: string; confidence: number; findings: string[]; rules_version: number } {
  return { score: r.score, band: r.band, confidence: r.confidence, findings: r.findings.map((f) => f.title), rules_version: r.rules_version };
}

export function initSavedPage(cfg: Config, root: HTMLElement): void {
  const { msg } = cfg;
  const status = $(root, "[data-saved-status]");
  const undoButton = $<HTMLButtonElement>(root, '[data-action="undo"]');
  const rows = $(root, "[data-saved-rows]");
  const file = $<HTMLInputElement>(root, "[data-import]");
  const labels = Array.from(root.querySelectorAll("thead th"), (th) => (th.textContent ?? "").trim());
  // Made on first use: the first date formatter costs the browser tens of
  // milliseconds (locale data), which an empty list should not pay.
  let dates: Intl.DateTimeFormat | null = null;
  const formatDate = (d: Date): string =>
    (dates ??= new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "medium", timeStyle: "short" })).format(d);
  let entries: Entry[] = [];
  let damaged = "";
  let undo: Entry[] | null = null;
  let sort: { key: SortKey; dir: 1 | -1 } = { key: "saved", dir: -1 };
  let checker: Checker | null = null;

  function say(text: string, problems: readonly string[] = [], canUndo = false): void {
    status.replaceChildren(el("p", {}, text));
    if (problems.length) {
      const shown = problems.slice(0, MAX_LISTED).map((p) => el("li", {}, p));
      if (problems.length > MAX_LISTED) shown.push(el("li", {}, msg("importMore", { n: problems.length - MAX_LISTED })));
      status.append(el("ul", {}, ...shown));
    }
    markChinese(status);
    undoButton.hidden = !canUndo;
  }

  function load(): void {
    try {
      entries = readStore();
      damaged = "";
    } catch (e) {
      entries = [];
      damaged = e instanceof Error ? e.message : String(e);
    }
  }

  /** Stores a new list; the old one becomes the undo point when asked. */
  function persist(next: Entry[], undoable: boolean): boolean {
    try {
      writeStore(next);
    } catch (e) {
      if (!(e instanceof StorageProblem)) throw e;
      say(msg("storageFailed", { error: e.message }));
      return false;
    }
    undo = undoable ? entries : null;
    entries = next;
    render();
    return true;
  }

  const value = (e: Entry, key: SortKey): string | number => {
    switch (key) {
      case "name": return entryName(e).toLowerCase();
      case "score": return e.score ?? -1;
      case "band": return cfg.bands.indexOf(e.band ?? "") * 1000 + (e.score ?? 0);
      default: return e.saved;
    }
  };

  function row(e: Entry): HTMLTableRowElement {
    const name = entryName(e) || msg("unnamedSupplier");
    const cell = (i: number, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLTableCellElement =>
      el("td", { ...attrs, "data-label": labels[i] ?? "" }, ...children);
    const findings = e.findings ?? [];
    const list = findings.length
      ? el("ul", { class: "saved-findings" }, ...findings.slice(0, 3).map((t) => el("li", {}, t)),
        ...(findings.length > 3 ? [el("li", { class: "saved-more" }, msg("findingsMore", { n: findings.length - 3 }))] : []))
      : "0";
    const notes = el("textarea", { rows: "2", maxlength: "2000", "aria-label": msg("notesFor", { name }) });
    notes.value = e.notes;
    notes.addEventListener("change", () => {
      const next = entries.map((x) => (x.id === e.id ? { ...x, notes: notes.value.trim() } : x));
      try {
        writeStore(next);
        entries = next;
      } catch (err) {
        say(msg("storageFailed", { error: err instanceof Error ? err.message : String(err) }));
      }
    });
    const frag = toFragment(e.profile, cfg.fields, e.rules_version ?? 1);
    const when = new Date(e.saved);
    return el("tr", { "data-entry": e.id },
      el("th", { scope: "row", "data-label": labels[0] ?? "" }, name),
      cell(1, { class: "num" }, el("span", { class: "saved-score", "data-cell": "score" }, e.score === undefined ? "–" : String(e.score)),
        ...(e.confidence === undefined ? [] : [el("span", { class: "saved-confidence" }, msg("confidenceText", { n: Math.round(e.confidence * 100) }))])),
      cell(2, {}, e.band ? el("span", { class: `band band-${e.band}`, "data-cell": "band" }, bandLabel(msg, e.band)) : "–"),
      cell(3, {}, list),
      cell(4, {}, el("time", { datetime: e.saved }, Number.isNaN(when.getTime()) ? e.saved : formatDate(when))),
      cell(5, { class: "saved-notes" }, notes),
      cell(6, { class: "saved-actions" }, el("div", {},
        el("a", { class: "button button-small", href: cfg.checkUrl + (frag ? "#" + frag : "") }, msg("openInChecker"), el("span", { class: "visually-hidden" }, " " + name)),
        el("button", { type: "button", class: "button button-small", "data-delete": e.id }, msg("delete"), el("span", { class: "visually-hidden" }, " " + name)))));
  }

  function render(): void {
    const has = entries.length > 0;
    $(root, "[data-saved-wrap]").hidden = !has;
    $(root, "[data-saved-empty]").hidden = has || damaged !== "";
    for (const b of Array.from(root.querySelectorAll<HTMLButtonElement>('[data-action^="export"]'))) b.disabled = !has;
    $<HTMLButtonElement>(root, '[data-action="delete-all"]').disabled = !has && !damaged;
    const sorted = [...entries].sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
    });
    rows.replaceChildren(...sorted.map((e) => markChinese(row(e))));
    for (const th of Array.from(root.querySelectorAll<HTMLElement>("[data-sort-col]"))) {
      const active = th.dataset.sortCol === sort.key;
      if (active) th.setAttribute("aria-sort", sort.dir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
      const mark = th.querySelector(".sort-mark");
      if (mark) mark.textContent = active ? (sort.dir === 1 ? " ▲" : " ▼") : "";
    }
  }

  function getChecker(): Checker {
    checker ??= new Checker(cfg.worker, cfg.wasm, cfg.integrity);
    return checker;
  }

  const where = (w: string, p: Problem): string => `${w}: ${problemText(p, msg)}`;

  /**
   * Reads every entry with the checker and re-scores it. An entry the
   * checker cannot read keeps its answers and is named, never dropped.
   */
  async function rescore(): Promise<void> {
    // Nothing saved, nothing to re-score: the checker (a worker and its
    // WebAssembly) then starts only when an import or export needs it.
    if (!entries.length) {
      root.dataset.scored = "";
      return;
    }
    const c = getChecker();
    await c.ready;
    const problems: string[] = [];
    const notes: string[] = []; // one "scored again with rules vN" line per entry from older rules
    let changed = false;
    const next = await Promise.all(entries.map(async (e) => {
      const name = entryName(e) || msg("unnamedSupplier");
      // One crossing reads and scores the entry and, for an entry scored
      // with older rules, says what changed since.
      const version = e.rules_version ?? 1; // entries saved before versions existed were v1
      const out = await c.call("score", e.profile, e.score !== undefined ? version : 0);
      if ("errors" in out || out.refused.length) {
        // Named by the entry: a line in the stored JSON would mean nothing here.
        problems.push(...("errors" in out ? out.errors : out.refused).map((p) => where(name, { ...p, line: 0 })));
        return e;
      }
      const profile = out.profile;
      if (out.rescore && !("errors" in out.rescore)) {
        notes.push(msg("savedRescored", { name, text: rescoreText(out.rescore, msg) }));
        changed = true;
        return { ...e, profile: profile as Answers, ...scoredFields(out.result) };
      }
      const fresh = { profile: profile as Answers, ...scoredFields(out.result) };
      if (JSON.stringify(fresh.profile) === JSON.stringify(e.profile) && fresh.score === e.score && fresh.band === e.band &&
        fresh.confidence === e.confidence && fresh.findings.join("\n") === e.findings?.join("\n") && fresh.rules_version === e.rules_version) return e;
      changed ||= e.score !== undefined;
      return { ...e, ...fresh };
    }));
    if (next.some((e, i) => e !== entries[i])) {
      entries = next;
      try { writeStore(entries); } catch { /* shown as scored; stored next time */ }
      render();
    }
    if (problems.length) say(msg("rescoreProblems"), [...problems, ...notes]);
    else if (changed) say(msg("rescored"), notes);
    root.dataset.scored = ""; // every entry shows the current rules' result (or says why not)
  }

  /** The suppliers of a file, each read and scored by the checker; throws ImportProblem. */
  async function readFile(c: Checker, name: string, bytes: Uint8Array): Promise<Entry[]> {
    const now = new Date().toISOString();
    const items: ExportItem[] | null = readExport(new TextDecoder().decode(bytes), msg);
    const read: ExportItem[] = [];
    const problems: string[] = [];
    if (items) {
      // The site's own export: each supplier's profile is read and scored below.
      read.push(...items);
    } else {
      // Anything else is read exactly as the command-line checker reads the file.
      const out = await c.call("decode", name, bytes);
      problems.push(...out.errors.map((p) => problemText(p, msg)));
      out.profiles.forEach((profile, i) => read.push({ where: msg("importEntry", { n: i + 1 }), profile }));
    }
    if (problems.length) throw new ImportProblem(problems);
    if (!read.length) throw new ImportProblem([msg("importEmpty")]);
    const incoming: Entry[] = [];
    for (const item of read) {
      // One crossing reads and scores each supplier.
      const out = await c.call("score", item.profile);
      if ("errors" in out || out.refused.length) {
        problems.push(...("errors" in out ? out.errors : out.refused).map((p) => where(item.where, { ...p, line: 0 })));
        continue;
      }
      incoming.push({ id: item.id ?? newId(), saved: item.saved ?? now, notes: item.notes ?? "", profile: out.profile as Answers, ...scoredFields(out.result) });
    }
    if (problems.length) throw new ImportProblem(problems);
    return incoming;
  }

  async function importFile(f: File): Promise<void> {
    const name = clip(f.name, 80);
    const reject = (problems: readonly string[]): void => say(msg("importRejected", { file: name, problem: problems[0] ?? "" }), problems.slice(1));
    if (damaged) return say(msg("storageDamaged", { error: damaged }));
    if (f.size > MAX_FILE) return reject([msg("importTooLarge")]);
    if (!/\.(json|csv)$/i.test(f.name)) return reject([msg("importType")]);
    say(msg("importing", { file: name }));
    let incoming: Entry[];
    try {
      const c = getChecker();
      await c.ready;
      // The bytes as they are on disk: the checker decodes them, BOM and all.
      incoming = await readFile(c, f.name, new Uint8Array(await f.arrayBuffer()));
    } catch (e) {
      if (e instanceof ImportProblem) return reject(e.problems);
      return reject([msg("checkerFailed", { error: e instanceof Error ? e.message : String(e) })]);
    }
    const { entries: next, added, replaced } = merge(entries, incoming);
    if (persist(next, true)) say(msg("imported", { n: incoming.length, file: name, added, replaced }), [], true);
  }

  async function exportCSV(stamp: string): Promise<void> {
    try {
      const c = getChecker();
      await c.ready;
      const out = await c.call("csv", entries.map((e) => e.profile));
      if ("errors" in out) return say(msg("exportFailed"), out.errors.map((p) => problemText(p, msg)));
      downloadText(`safesource-suppliers-${stamp}.csv`, "text/csv", out.csv);
    } catch (e) {
      say(msg("checkerFailed", { error: e instanceof Error ? e.message : String(e) }));
    }
  }

  root.addEventListener("click", (ev) => {
    const t = (ev.target as Element | null)?.closest<HTMLElement>("[data-action], [data-sort], [data-delete]");
    if (!t) return;
    const stamp = new Date().toISOString().slice(0, 10);
    if (t.dataset.sort) {
      const key = t.dataset.sort as SortKey;
      sort = { key, dir: sort.key === key ? (sort.dir === 1 ? -1 : 1) : key === "name" ? 1 : -1 };
      render();
    } else if (t.dataset.delete) {
      const gone = entries.find((e) => e.id === t.dataset.delete);
      if (gone && persist(entries.filter((e) => e !== gone), true)) {
        say(msg("deleted", { name: entryName(gone) || msg("unnamedSupplier") }), [], true);
        undoButton.focus(); // the row and its button are gone: keep keyboard focus somewhere useful
      }
    } else switch (t.dataset.action) {
      case "export-json": downloadText(`safesource-suppliers-${stamp}.json`, "application/json", toJSON(entries)); break;
      case "export-csv": void exportCSV(stamp); break;
      case "import": file.click(); break;
      case "delete-all": {
        const n = entries.length;
        if (damaged) {
          damaged = "";
          if (persist([], false)) say(msg("deletedAll", { n: 0 }));
        } else if (persist([], true)) {
          say(msg("deletedAll", { n }), [], true);
          undoButton.focus();
        }
        break;
      }
      case "undo":
        if (undo && persist(undo, false)) {
          say(msg("restored"));
          status.focus(); // the Undo button hides itself
        }
        break;
    }
  });
  file.addEventListener("change", () => {
    const f = file.files?.[0];
    file.value = "";
    if (f) void importFile(f);
  });
  window.addEventListener("storage", () => { load(); render(); });

  load();
  render();
  if (damaged) say(msg("storageDamaged", { error: damaged }));
  afterPaint(() => {
    rescore().catch((e: unknown) => say(msg("checkerFailed", { error: e instanceof Error ? e.message : String(e) })));
  });
}
