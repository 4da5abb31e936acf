// /check/: every change re-reads the form and updates the progress and the
// share link in the URL fragment (history.replaceState: nothing is sent);
// the checker, in its Web Worker, scores the answers and the result panel
// shows the newest score when it arrives. Until the worker is ready the
// form works as usual and the panel says it is loading.
import { $, afterNextPaint, el, setText } from "../lib/dom";
import { clip } from "../lib/i18n";
import { markChinese } from "../lib/lang";
import { Checker, afterPaint } from "./client";
import type { Config } from "./config";
import { type Answers, fragmentPairs, isAnswerFragment, splitVersion, supplierName, toFragment } from "./fragment";
import { answerLines, keepExclusive, readForm, writeForm } from "./form";
import type { Result } from "./protocol";
import { rescoreText } from "./rescore";
import { ResultPanel, bandLabel } from "./result";
import { type Entry, StorageProblem, merge, newId, readStore, writeStore } from "./storage";

export function initCheckPage(cfg: Config, form: HTMLFormElement): void {
  const { msg } = cfg;
  const panel = new ResultPanel($(document, "[data-result]"), cfg);
  const notice = $(form, "[data-link-notice]");
  const status = $(form, "[data-action-status]");
  const notes = $<HTMLTextAreaElement>(form, "[data-notes]");
  const bar = $<HTMLProgressElement>(form, "[data-progress-bar]");
  const peek = $(form, "[data-result-peek]");
  let checker: Checker | null = null;
  let answers: Answers = {};
  let result: Result | null = null;
  let scoring = 0; // number of the newest score request: older replies are dropped
  // A link waiting for the checker to read it: the URL keeps it until then.
  let pendingLink: string | null = null;
  // A link just restored: how many answers it gave, what it left out, and
  // the rules version it was made with.
  let restoring: { restored: number; ignored: string[]; version: number } | null = null;
  // "Scored again with rules v2: 62 → 71, because …" for a link made with other rules.
  let rescoreNote = "";
  // What the checker left out of a restored link, shown beside each field
  // until that field is answered again.
  const linkProblems = new Map<string, string>();

  // The page as built shows no answers and the result for them: until
  // something is answered there is nothing to write (writing it anyway
  // cost the first task a restyle) or to score.
  let built = true;

  // Each section's count and its questions, read once.
  const sectionCounts = new Map(Array.from(form.querySelectorAll<HTMLElement>("[data-section]"), (section) =>
    [$(section, "[data-section-count]"), Array.from(section.querySelectorAll<HTMLElement>("[data-question]"), (q) => q.dataset.question ?? "")]));
  const sectionText = new Map(Array.from(sectionCounts.keys(), (count) => [count, count.textContent ?? ""]));

  const shareURL = (): string => {
    const frag = toFragment(answers, cfg.fields, cfg.rulesVersion);
    return location.origin + location.pathname + location.search + (frag ? "#" + frag : "");
  };

  function showNotice(): void {
    // Only a link with problems, or made with other rules, gets a notice: a
    // clean one simply restores.
    notice.replaceChildren();
    if (rescoreNote) notice.append(el("p", { "data-rescored": "" }, rescoreNote));
    if (restoring?.ignored.length) {
      notice.append(el("p", {}, msg("linkRestored", { n: restoring.restored }) + " " + msg("linkIgnored")),
        el("ul", {}, ...restoring.ignored.map((t) => el("li", {}, t))));
    }
    markChinese(notice);
  }

  /**
   * Reads a link with the checker and fills the form. A link opened before
   * the checker was ready may have been answered over meanwhile
   * (keepTyped): what was typed wins.
   */
  async function restore(c: Checker, hash: string, keepTyped: boolean): Promise<void> {
    built = false; // what the link gave, kept or refused, is scored and shown
    const all = fragmentPairs(hash);
    rescoreNote = "";
    if (!all) {
      restoring = { restored: 0, ignored: [msg("linkTooLong", { n: hash.length - 1 })], version: cfg.rulesVersion };
    } else {
      const { pairs, version, badVersion } = splitVersion(all);
      const d = await c.call("link", pairs);
      const typed = keepTyped ? readForm(form, cfg.fields, msg).answers : {};
      const restored = { ...(d.profile as Answers), ...typed };
      writeForm(form, cfg.fields, restored);
      linkProblems.clear();
      for (const e of d.errors) if (cfg.fields.includes(e.field) && !(e.field in typed)) linkProblems.set(e.field, e.problem);
      restoring = {
        restored: Object.keys(d.profile).length,
        ignored: [
          ...(badVersion === null ? [] : [msg("linkBadVersion", { value: clip(badVersion, 20) })]),
          ...d.errors.map((e) => msg("linkBadValue", { field: clip(e.field, 40), problem: e.problem })),
        ],
        version,
      };
    }
    showNotice();
  }

  function fieldStatus(problems: ReadonlyMap<string, string>): void {
    for (const node of Array.from(form.querySelectorAll<HTMLElement>("[data-field-status]"))) {
      const id = node.closest<HTMLElement>("[data-question]")?.dataset.question ?? "";
      let text = problems.get(id) ?? linkProblems.get(id) ?? "";
      let state = text ? "error" : "";
      const u = result?.uscc;
      if (!text && id === "uscc" && u && answers.uscc !== undefined) {
        text = u.valid ? msg("usccValid", { province: u.province }) : msg("usccInvalid", { error: u.error });
        state = u.valid ? "ok" : "error";
      }
      setText(node, text);
      markChinese(node);
      if (state) node.dataset.state = state;
      else delete node.dataset.state;
      const input = node.parentElement?.querySelector("input");
      if (input) input.toggleAttribute("aria-invalid", state === "error");
    }
  }

  function progress(): void {
    const total = cfg.fields.length;
    const n = Object.keys(answers).length;
    if (bar.value !== n) bar.value = n;
    setText($(form, "[data-progress-text]"), msg("answeredOf", { n, total }));
    for (const [count, ids] of sectionCounts) {
      const done = ids.filter((id) => id in answers).length;
      // Until one is answered, the count keeps the page's own "7 questions".
      setText(count, done ? msg("answeredOf", { n: done, total: ids.length }) : sectionText.get(count) ?? "");
    }
  }

  /**
   * Today's date on the printed report, written just before printing: the
   * first date a page formats costs the browser tens of milliseconds
   * (locale data), a long task no reader who does not print should pay.
   */
  function reportDate(): void {
    setText($(document, "[data-report-date]"), new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" }));
  }

  /**
   * The printed report's name, link and answers, written just before
   * printing (beforeprint, the Print button) rather than on every answer:
   * only print shows them, and rebuilding the answer list each time held up
   * the result.
   */
  function report(): void {
    setText($(document, "[data-report-name]"), supplierName(answers) || msg("unnamedSupplier"));
    setText($(document, "[data-report-link]"), shareURL());
    const lines = answerLines(form, answers);
    $(document, "[data-report-answers]").replaceChildren(
      ...(lines.length ? lines.flatMap(([q, a]) => [el("dt", {}, q), el("dd", {}, a)]) : [el("dd", {}, msg("reportNothing"))]));
    markChinese($(document, "[data-report-answers]"));
  }

  function writeHash(): void {
    if (pendingLink !== null) return; // the link stays until the checker has read it
    const frag = toFragment(answers, cfg.fields, cfg.rulesVersion);
    const current = location.hash.slice(1);
    if (frag === current || (!frag && !isAnswerFragment(current))) return; // with no answers, plain #anchors stay
    history.replaceState(history.state, "", shareURL());
  }

  /** Everything on the screen that follows the answers, apart from the result. */
  function refresh(problems: ReadonlyMap<string, string>): void {
    built = false;
    fieldStatus(problems);
    progress();
  }

  /**
   * Scores the answers in the worker; only the newest request's reply is
   * shown, together with the rest of the page (refresh), so one frame
   * paints them all.
   */
  async function score(c: Checker, problems: Map<string, string>): Promise<void> {
    const mine = ++scoring;
    // data-scoring marks a result about to change (no style depends on it:
    // setting it costs no layout).
    panel.root.setAttribute("data-scoring", "");
    try {
      await scoreNewest(c, problems, mine);
    } finally {
      if (mine === scoring) panel.root.removeAttribute("data-scoring");
    }
  }

  /** score's work for request number mine. */
  async function scoreNewest(c: Checker, problems: Map<string, string>, mine: number): Promise<void> {
    // A link made with other rules is read, scored and compared in one call.
    const from = restoring && Object.keys(answers).length > 0 ? restoring.version : 0;
    const out = await c.call("score", answers, from);
    if (mine !== scoring) return;
    if ("errors" in out) {
      panel.say(out.errors.map((e) => e.problem).join(" "));
      refresh(problems);
      return;
    }
    // Answers the checker refused (a range, a too-long text) are shown
    // beside their field; the rest is scored without them.
    for (const e of out.refused) problems.set(e.field, e.problem);
    if (restoring) {
      const link = restoring;
      restoring = null;
      for (const e of out.refused) {
        link.restored--;
        link.ignored.push(msg("linkBadValue", { field: e.field, problem: e.problem }));
      }
      const again = out.rescore;
      if (again) {
        rescoreNote = "errors" in again ? msg("rescoreFailed", { from: link.version, problem: again.errors.map((e) => e.problem).join(" ") })
          : rescoreText(again, msg);
      }
      restoring = link;
      showNotice();
      restoring = null;
    }
    result = out.result;
    panel.say("");
    panel.show(result, Object.keys(answers).length - out.refused.length);
    setText($(peek, "[data-peek-text]"), `${result.score}/100 · ${bandLabel(msg, result.band)}`);
    // The link's own result is shown. (A class change on the root restyles
    // the whole page: only when there is one.)
    if (document.documentElement.classList.contains("answer-link")) document.documentElement.classList.remove("answer-link");
    refresh(problems);
  }

  function update(): void {
    const state = readForm(form, cfg.fields, msg);
    answers = state.answers;
    const blank = Object.keys(answers).length === 0 && state.problems.size === 0;
    if (!checker) {
      // The page shows the result for no answers until the checker is ready.
      if (!blank) panel.say(msg("checkerLoading"));
      if (!built || !blank) refresh(state.problems);
      return;
    }
    // Still the page as built: its result is the checker's own for no
    // answers (the generator scored it with these rules), so the ready
    // checker only marks it scored, without a round trip and a redraw.
    if (built && blank && panel.showStart()) return;
    // Nothing else changes until the score is back (about a millisecond):
    // a page changed now would be laid out and painted first, and the
    // result would wait for that frame.
    score(checker, state.problems).catch((e: unknown) => {
      panel.say(msg("checkerFailed", { error: e instanceof Error ? e.message : String(e) }));
      refresh(state.problems);
    });
  }

  function save(): void {
    const name = supplierName(answers);
    if (!name) {
      setText(status, msg("saveNeedsName"));
      const input = form.querySelector<HTMLInputElement>('input[name="supplier_name"]');
      input?.closest("details")?.setAttribute("open", "");
      input?.focus();
      return;
    }
    const entry: Entry = { id: newId(), saved: new Date().toISOString(), notes: notes.value.trim(), profile: { ...answers } };
    if (result) {
      Object.assign(entry, { score: result.score, band: result.band, confidence: result.confidence, findings: result.findings.map((f) => f.title), rules_version: result.rules_version });
    }
    try {
      const before = readStore();
      const { entries, replaced } = merge(before, [entry]);
      writeStore(entries);
      setText(status, msg(replaced ? "savedReplaced" : "savedNew", { name }));
    } catch (e) {
      if (!(e instanceof StorageProblem)) throw e;
      // A list this page cannot read is never overwritten.
      setText(status, msg(e.damaged ? "storageDamaged" : "storageFailed", { error: e.message }));
    }
  }

  async function share(): Promise<void> {
    try {
      await navigator.clipboard.writeText(shareURL());
      setText(status, msg("shareCopied"));
    } catch {
      setText(status, msg("shareFailed"));
    }
  }

  function startOver(): void {
    const had = Object.keys(answers).length > 0;
    writeForm(form, cfg.fields, {});
    notes.value = "";
    pendingLink = null;
    linkProblems.clear();
    restoring = null;
    rescoreNote = "";
    showNotice();
    // A new history entry: Back returns to the answers in the previous link.
    if (isAnswerFragment(location.hash)) history.pushState(null, "", location.pathname + location.search);
    update();
    writeHash();
    setText(status, had ? msg("startedOver") : "");
  }

  /** Restores the link in the URL, once the checker is there to read it. */
  function followLink(keepTyped = false): void {
    pendingLink = location.hash;
    if (!checker) return; // read when the checker is ready
    const c = checker;
    const hash = pendingLink;
    restore(c, hash, keepTyped).then(() => {
      if (pendingLink === hash) pendingLink = null;
      update();
      writeHash(); // a restored link keeps only what was used
    }, (e: unknown) => {
      pendingLink = null;
      panel.say(msg("checkerFailed", { error: e instanceof Error ? e.message : String(e) }));
    });
  }

  form.addEventListener("input", (e) => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement)) return; // the notes box is not part of the profile
    linkProblems.delete(t.name);
    keepExclusive(t);
    if (rescoreNote) { // the answers are no longer the link's
      rescoreNote = "";
      showNotice();
    }
    update();
  });
  // The link follows committed answers (a click, or leaving a typed field),
  // not every keystroke: browsers re-check the favicon on each URL change.
  // It is written once the result has painted: written in the click, it
  // held up the worker's reply until after the next frame (input to result
  // 3-23 ms at the median across runs, against 2-5 ms).
  form.addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement) afterNextPaint(writeHash);
  });
  form.addEventListener("click", (e) => {
    const action = (e.target as Element | null)?.closest<HTMLElement>("[data-action]")?.dataset.action;
    if (action === "save") save();
    else if (action === "share") { writeHash(); void share(); }
    else if (action === "print") { writeHash(); report(); reportDate(); window.print(); }
    else if (action === "reset") startOver();
  });
  window.addEventListener("hashchange", () => {
    if (isAnswerFragment(location.hash)) followLink();
    // An in-page link (#main, #result-title) has scrolled; put the answers
    // back in the URL so a reload or a copied address keeps them.
    else writeHash();
  });
  window.addEventListener("beforeprint", () => { report(); reportDate(); });

  update();
  if (isAnswerFragment(location.hash)) pendingLink = location.hash;
  afterPaint(() => {
    const c = new Checker(cfg.worker, cfg.wasm, cfg.integrity);
    c.ready.then(() => {
      checker = c;
      panel.say("");
      if (pendingLink !== null) followLink(true);
      else update();
    }, (err: unknown) => {
      pendingLink = null;
      panel.say(msg("checkerFailed", { error: err instanceof Error ? err.message : String(err) }));
    });
  });
}
