// /check/: every change re-reads the form, scores it with the WebAssembly
// checker, updates the result, the progress, the printed report and the
// share link in the URL fragment (history.replaceState: nothing is sent).
import { type Config, msg } from "./config";
import { $, el, setText } from "./dom";
import { answerLines, keepExclusive, readForm, writeForm } from "./form";
import { type Answers, fromFragment, isAnswerFragment, supplierName, toFragment } from "./profile";
import { rescoreText } from "./rescore";
import { ResultPanel, bandLabel } from "./result";
import { type Entry, StorageProblem, merge, newId, readStore, writeStore } from "./storage";
import { type Checker, type Result, afterPaint, loadChecker } from "./wasm";

export function initCheckPage(cfg: Config, form: HTMLFormElement): void {
  const panel = new ResultPanel($(document, "[data-result]"), cfg);
  const notice = $(form, "[data-link-notice]");
  const status = $(form, "[data-action-status]");
  const notes = $<HTMLTextAreaElement>(form, "[data-notes]");
  const bar = $<HTMLProgressElement>(form, "[data-progress-bar]");
  const peek = $(form, "[data-result-peek]");
  let checker: Checker | null = null;
  let answers: Answers = {};
  let result: Result | null = null;
  // A link just restored: how many answers it gave, what it got wrong, and
  // the rules version it was made with.
  let restoring: { restored: number; ignored: string[]; version: number } | null = null;
  // "Scored again with rules v2: 62 → 71, because …" for a link made with other rules.
  let rescoreNote = "";

  $(form, "[data-progress]").classList.remove("is-pending");
  $(form, "[data-checker-actions]").hidden = false;
  panel.say(msg("checkerLoading"));

  const shareURL = (): string => {
    const frag = toFragment(answers, cfg.fields, cfg.rulesVersion);
    return location.origin + location.pathname + location.search + (frag ? "#" + frag : "");
  };

  function showNotice(): void {
    // Only a link with problems, or made with other rules, gets a notice: a
    // clean one simply restores.
    notice.replaceChildren();
    if (rescoreNote) notice.append(el("p", { "data-rescored": "" }, rescoreNote));
    if (!restoring?.ignored.length) return;
    notice.append(el("p", {}, msg("linkRestored", { n: restoring.restored }) + " " + msg("linkIgnored")),
      el("ul", {}, ...restoring.ignored.map((t) => el("li", {}, t))));
  }

  function restore(hash: string): void {
    const d = fromFragment(hash, cfg);
    writeForm(form, cfg.fields, d.answers);
    restoring = { restored: Object.keys(d.answers).length, ignored: d.ignored, version: d.version };
    rescoreNote = "";
    showNotice();
  }

  function score(state: { answers: Answers; problems: Map<string, string> }): Result | null {
    if (!checker) return null;
    let out = checker.score(state.answers);
    // The checker names each field it cannot accept (a range, a too-long
    // text): score without those, and show the problem beside the field.
    for (let tries = 0; !out.ok && tries < 3; tries++) {
      for (const e of out.errors) {
        delete state.answers[e.field];
        state.problems.set(e.field, e.problem);
        if (restoring && !e.field) restoring.ignored.push(e.problem);
      }
      out = checker.score(state.answers);
    }
    if (!out.ok) {
      panel.say(out.errors.map((e) => e.problem).join(" "));
      return null;
    }
    if (restoring) {
      for (const [field, problem] of state.problems) {
        restoring.restored--;
        restoring.ignored.push(msg("linkBadValue", { field, problem }));
      }
      if (restoring.version !== cfg.rulesVersion && Object.keys(state.answers).length > 0) {
        const again = checker.rescore(state.answers, restoring.version);
        rescoreNote = again.ok ? rescoreText(again.rescore)
          : msg("rescoreFailed", { from: restoring.version, problem: again.errors.map((e) => e.problem).join(" ") });
      }
      showNotice();
      restoring = null;
    }
    return out.result;
  }

  function fieldStatus(problems: Map<string, string>): void {
    for (const node of Array.from(form.querySelectorAll<HTMLElement>("[data-field-status]"))) {
      const id = node.closest<HTMLElement>("[data-question]")?.dataset.question ?? "";
      let text = problems.get(id) ?? "";
      let state = text ? "error" : "";
      const u = result?.uscc;
      if (!text && id === "uscc" && u && answers.uscc !== undefined) {
        text = u.valid ? msg("usccValid", { province: u.province }) : msg("usccInvalid", { error: u.error });
        state = u.valid ? "ok" : "error";
      }
      setText(node, text);
      if (state) node.dataset.state = state;
      else delete node.dataset.state;
      const input = node.parentElement?.querySelector("input");
      if (input) input.toggleAttribute("aria-invalid", state === "error");
    }
  }

  function progress(): void {
    const total = cfg.fields.length;
    const n = Object.keys(answers).length;
    bar.value = n;
    setText($(form, "[data-progress-text]"), msg("answeredOf", { n, total }));
    for (const section of Array.from(form.querySelectorAll<HTMLElement>("[data-section]"))) {
      const ids = Array.from(section.querySelectorAll<HTMLElement>("[data-question]"), (q) => q.dataset.question ?? "");
      setText($(section, "[data-section-count]"), msg("answeredOf", { n: ids.filter((id) => id in answers).length, total: ids.length }));
    }
  }

  function report(): void {
    setText($(document, "[data-report-name]"), supplierName(answers) || msg("unnamedSupplier"));
    setText($(document, "[data-report-date]"), new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" }));
    setText($(document, "[data-report-link]"), shareURL());
    const lines = answerLines(form, answers);
    $(document, "[data-report-answers]").replaceChildren(
      ...(lines.length ? lines.flatMap(([q, a]) => [el("dt", {}, q), el("dd", {}, a)]) : [el("dd", {}, msg("reportNothing"))]));
  }

  function writeHash(): void {
    const frag = toFragment(answers, cfg.fields, cfg.rulesVersion);
    const current = location.hash.slice(1);
    if (frag === current || (!frag && !isAnswerFragment(current))) return; // with no answers, plain #anchors stay
    history.replaceState(history.state, "", shareURL());
  }

  function update(): void {
    const state = readForm(form, cfg.fields);
    answers = state.answers;
    const r = score(state);
    if (r) {
      result = r;
      panel.show(r, Object.keys(answers).length);
      peek.hidden = false;
      setText($(peek, "[data-peek-text]"), `${r.score}/100 · ${bandLabel(r.band)}`);
    }
    fieldStatus(state.problems);
    progress();
    report();
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
    restoring = null;
    rescoreNote = "";
    showNotice();
    // A new history entry: Back returns to the answers in the previous link.
    if (isAnswerFragment(location.hash)) history.pushState(null, "", location.pathname + location.search);
    update();
    writeHash();
    setText(status, had ? msg("startedOver") : "");
  }

  form.addEventListener("input", (e) => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement)) return; // the notes box is not part of the profile
    keepExclusive(t);
    if (rescoreNote) { // the answers are no longer the link's
      rescoreNote = "";
      showNotice();
    }
    update();
  });
  // The link follows committed answers (a click, or leaving a typed field),
  // not every keystroke: browsers re-check the favicon on each URL change.
  form.addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement) writeHash();
  });
  form.addEventListener("click", (e) => {
    const action = (e.target as Element | null)?.closest<HTMLElement>("[data-action]")?.dataset.action;
    if (action === "save") save();
    else if (action === "share") { writeHash(); void share(); }
    else if (action === "print") { writeHash(); report(); window.print(); }
    else if (action === "reset") startOver();
  });
  window.addEventListener("hashchange", () => {
    if (isAnswerFragment(location.hash)) {
      restore(location.hash);
      update();
    }
    // An in-page link (#main, #result-title) has scrolled; put the answers
    // back in the URL so a reload or a copied address keeps them.
    writeHash();
  });
  window.addEventListener("beforeprint", report);

  if (isAnswerFragment(location.hash)) restore(location.hash);
  update();
  writeHash(); // a restored link keeps only what was used
  afterPaint(() => {
    loadChecker(cfg.wasm, cfg.integrity).then((c) => {
      checker = c;
      panel.say("");
      update();
      writeHash(); // the checker may have refused some values of a restored link
    }, (err: unknown) => {
      panel.say(msg("checkerFailed", { error: err instanceof Error ? err.message : String(err) }));
    });
  });
}
