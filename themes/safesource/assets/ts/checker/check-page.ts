// /check/: every change re-reads the form and updates the progress and the
// share link in the URL fragment (history.replaceState: nothing is sent);
// the checker, in its Web Worker, scores the answers and the result panel
// shows the newest score when it arrives. Until the worker is ready the
// form works as usual and the panel says it is loading. The page's state is
// one CheckState (check-state.ts, where every change to it is a pure
// function); this file reads the form, draws the state and wires events.
import { announce } from "../lib/announce";
import { $, afterNextPaint, el, setText } from "../lib/dom";
import { errorText } from "../lib/errors";
import type { Msg } from "../lib/i18n";
import { setInvalid } from "../lib/invalid";
import { markChinese } from "../lib/lang";
import { Checker, afterPaint } from "./client";
import type { Config } from "./config";
import type { Calls } from "./protocol";
import { fragmentPairs, isAnswerFragment, splitVersion, supplierName, toFragment } from "./fragment";
import { answerLines, describeAnswer, keepExclusive, readForm, writeForm } from "./form";
import { ResultPanel, bandLabel } from "./result";
import { showSectionAnswers } from "./section-answers";
import * as S from "./check-state";
import { type Entry, StorageProblem, merge, newId, readStore, scoresOf, writeStore } from "./storage";

export function initCheckPage(cfg: Config, form: HTMLFormElement): void {
  new CheckPage(cfg, form).start();
}

class CheckPage {
  private state = S.initialState();
  private checker: Checker | null = null;
  private readonly msg: Msg;
  private readonly panel: ResultPanel;
  private readonly notice: HTMLElement;
  private readonly status: HTMLElement;
  private readonly notes: HTMLTextAreaElement;
  private readonly bar: HTMLProgressElement;
  private readonly peek: HTMLElement;
  /** Each section's count, with its questions and the page's own words ("7 questions"), read once. */
  private readonly sections: ReadonlyArray<{ count: HTMLElement; ids: string[]; text: string }>;

  constructor(private readonly cfg: Config, private readonly form: HTMLFormElement) {
    this.msg = cfg.msg;
    this.panel = new ResultPanel($(document, "[data-result]"), cfg, (q, a) => describeAnswer(form, q, a));
    this.notice = $(form, "[data-link-notice]");
    this.status = $(form, "[data-action-status]");
    this.notes = $<HTMLTextAreaElement>(form, "[data-notes]");
    this.bar = $<HTMLProgressElement>(form, "[data-progress-bar]");
    this.peek = $(form, "[data-result-peek]");
    this.sections = Array.from(form.querySelectorAll<HTMLElement>("[data-section]"), (section) => {
      const count = $(section, "[data-section-count]");
      const ids = Array.from(section.querySelectorAll<HTMLElement>("[data-question]"), (q) => q.dataset.question ?? "");
      return { count, ids, text: count.textContent ?? "" };
    });
  }

  start(): void {
    this.wire();
    this.update();
    if (isAnswerFragment(location.hash)) this.state = S.linkPending(this.state, location.hash);
    afterPaint(() => {
      const c = new Checker(this.cfg.worker, this.cfg.wasm, this.cfg.integrity);
      c.ready.then(() => {
        this.checker = c;
        this.panel.say("");
        if (this.state.pendingLink !== null) this.followLink(true);
        else this.update();
      }, (err: unknown) => {
        this.state = S.linkSettled(this.state, null);
        this.failed(err);
      });
    });
  }

  private wire(): void {
    const { form } = this;
    form.addEventListener("input", (e) => {
      const t = e.target;
      if (!(t instanceof HTMLInputElement)) return; // the notes box is not part of the profile
      const had = this.state.rescoreNote;
      this.state = S.fieldEdited(this.state, t.name);
      keepExclusive(t);
      if (had) this.showNotice(); // the answers are no longer the link's
      this.update();
    });
    // The link follows committed answers (a click, or leaving a typed field),
    // not every keystroke: browsers re-check the favicon on each URL change.
    // It is written once the result has painted: written in the click, it
    // held up the worker's reply until after the next frame (input to result
    // 3-23 ms at the median across runs, against 2-5 ms).
    form.addEventListener("change", (e) => {
      if (e.target instanceof HTMLInputElement) afterNextPaint(() => this.writeHash());
    });
    form.addEventListener("click", (e) => {
      const action = (e.target as Element | null)?.closest<HTMLElement>("[data-action]")?.dataset.action;
      if (action === "save") this.save();
      else if (action === "share") { this.writeHash(); void this.share(); }
      else if (action === "print") { this.writeHash(); this.report(); window.print(); }
      else if (action === "reset") this.startOver();
    });
    window.addEventListener("hashchange", () => {
      if (isAnswerFragment(location.hash)) this.followLink();
      // An in-page link (#main, #result-title) has scrolled; put the answers
      // back in the URL so a reload or a copied address keeps them.
      else this.writeHash();
    });
    window.addEventListener("beforeprint", () => this.report());
  }

  private failed(e: unknown): void {
    this.panel.say(this.msg("checkerFailed", { error: errorText(e) }));
  }

  private shareURL(): string {
    const frag = toFragment(this.state.answers, this.cfg.fields, this.cfg.rulesVersion);
    return location.origin + location.pathname + location.search + (frag ? "#" + frag : "");
  }

  /** Only a link with problems, or made with other rules, gets a notice: a clean one simply restores. */
  private showNotice(): void {
    const { notice, rescoreNote } = this.state;
    this.notice.replaceChildren();
    if (rescoreNote) this.notice.append(el("p", { "data-rescored": "" }, rescoreNote));
    if (notice?.ignored.length) {
      this.notice.append(el("p", {}, this.msg("linkRestored", { n: notice.restored }) + " " + this.msg("linkIgnored")),
        el("ul", {}, ...notice.ignored.map((t) => el("li", {}, t))));
    }
    markChinese(this.notice);
  }

  /**
   * Reads a link with the checker and fills the form. A link opened before
   * the checker was ready may have been answered over meanwhile
   * (keepTyped): what was typed wins.
   */
  private async restore(c: Checker, hash: string, keepTyped: boolean): Promise<void> {
    const all = fragmentPairs(hash);
    if (!all) {
      this.state = S.linkTooLong(this.state, hash.length - 1, this.cfg.rulesVersion, this.msg);
    } else {
      const { pairs, version, badVersion } = splitVersion(all);
      const decoded = await c.call("link", pairs);
      const typed = keepTyped ? readForm(this.form, this.cfg.fields, this.msg).answers : {};
      const link: S.ReadLink = { decoded, version, badVersion, typed };
      writeForm(this.form, this.cfg.fields, S.restoredAnswers(link));
      this.state = S.linkRead(this.state, link, this.cfg.fields, this.msg);
    }
    this.showNotice();
  }

  private showFields(problems: ReadonlyMap<string, string>): void {
    for (const node of Array.from(this.form.querySelectorAll<HTMLElement>("[data-field-status]"))) {
      const id = node.closest<HTMLElement>("[data-question]")?.dataset.question ?? "";
      const { text, state } = S.fieldStatus(this.state, id, problems, this.msg);
      const said = node.textContent;
      setText(node, text);
      markChinese(node);
      if (state) node.dataset.state = state;
      else delete node.dataset.state;
      const input = node.parentElement?.querySelector("input");
      if (input) setInvalid(input, state === "error");
      // The field being typed in says its new status once typing pauses.
      if (input && input === document.activeElement && text !== said) announce("field", text, { lead: true });
    }
  }

  private showProgress(): void {
    const { answers } = this.state;
    const n = Object.keys(answers).length;
    if (this.bar.value !== n) this.bar.value = n;
    setText($(this.form, "[data-progress-text]"), this.msg("answeredOf", { n, total: this.cfg.fields.length }));
    for (const { count, ids, text } of this.sections) {
      const done = S.answeredOf(answers, ids);
      // Until one is answered, the count keeps the page's own "7 questions".
      setText(count, done ? this.msg("answeredOf", { n: done, total: ids.length }) : text);
      showSectionAnswers(this.panel.root, count, this.msg("answeredOf", { n: done, total: ids.length }));
    }
  }

  /**
   * The printed report's date, name, link and answers, written just before
   * printing (beforeprint, the Print button) rather than on every answer:
   * only print shows them, rebuilding the answer list each time held up
   * the result, and the first date a page formats costs the browser tens of
   * milliseconds (locale data), a long task no reader who does not print
   * should pay.
   */
  private report(): void {
    const { answers } = this.state;
    setText($(document, "[data-report-name]"), supplierName(answers) || this.msg("unnamedSupplier"));
    setText($(document, "[data-report-link]"), this.shareURL());
    const lines = answerLines(this.form, answers);
    $(document, "[data-report-answers]").replaceChildren(
      ...(lines.length ? lines.flatMap(([q, a]) => [el("dt", {}, q), el("dd", {}, a)]) : [el("dd", {}, this.msg("reportNothing"))]));
    markChinese($(document, "[data-report-answers]"));
    setText($(document, "[data-report-date]"), new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" }));
  }

  private writeHash(): void {
    if (this.state.pendingLink !== null) return; // the link stays until the checker has read it
    const frag = toFragment(this.state.answers, this.cfg.fields, this.cfg.rulesVersion);
    const current = location.hash.slice(1);
    if (frag === current || (!frag && !isAnswerFragment(current))) return; // with no answers, plain #anchors stay
    history.replaceState(history.state, "", this.shareURL());
  }

  /** Everything on the screen that follows the answers, apart from the result. */
  private refresh(problems: ReadonlyMap<string, string>): void {
    this.state = S.shown(this.state);
    this.showFields(problems);
    this.showProgress();
  }

  /**
   * Scores the answers in the worker; only the newest request's reply is
   * shown, together with the rest of the page (refresh), so one frame
   * paints them all.
   */
  private async score(c: Checker, problems: Map<string, string>): Promise<void> {
    const { state, request, from } = S.scoreRequested(this.state);
    this.state = state;
    // data-scoring marks a result about to change (no style depends on it:
    // setting it costs no layout).
    this.panel.root.setAttribute("data-scoring", "");
    try {
      const out = await c.call("score", state.answers, from);
      if (S.isNewest(this.state, request)) this.scored(out, problems);
    } finally {
      if (S.isNewest(this.state, request)) this.panel.root.removeAttribute("data-scoring");
    }
  }

  /** Shows the newest score (or why there is none). */
  private scored(out: Calls["score"]["value"], problems: Map<string, string>): void {
    if ("errors" in out) {
      this.panel.say(S.problemsText(out.errors));
      this.refresh(problems);
      return;
    }
    // Answers the checker refused (a range, a too-long text) are shown
    // beside their field; the rest is scored without them.
    for (const e of out.refused) problems.set(e.field, e.problem);
    const link = this.state.linkVersion !== null;
    this.state = S.scoreReceived(this.state, out, this.msg);
    if (link) this.showNotice();
    const { result } = out;
    this.panel.say("");
    this.panel.show(result, Object.keys(this.state.answers).length - out.refused.length);
    setText($(this.peek, "[data-peek-text]"), `${result.score}/100 · ${bandLabel(this.msg, result.band)}`);
    // The link's own result is shown. (A class change on the root restyles
    // the whole page: only when there is one.)
    if (document.documentElement.classList.contains("answer-link")) document.documentElement.classList.remove("answer-link");
    this.refresh(problems);
  }

  private update(): void {
    const read = readForm(this.form, this.cfg.fields, this.msg);
    this.state = S.answered(this.state, read.answers);
    const blank = Object.keys(read.answers).length === 0 && read.problems.size === 0;
    if (!this.checker) {
      // The page shows the result for no answers until the checker is ready.
      if (!blank) this.panel.say(this.msg("checkerLoading"));
      if (!this.state.built || !blank) this.refresh(read.problems);
      return;
    }
    // Still the page as built: its result is the checker's own for no
    // answers (the generator scored it with these rules), so the ready
    // checker only marks it scored, without a round trip and a redraw.
    if (this.state.built && blank && this.panel.showStart()) return;
    // Nothing else changes until the score is back (about a millisecond):
    // a page changed now would be laid out and painted first, and the
    // result would wait for that frame.
    this.score(this.checker, read.problems).catch((e: unknown) => {
      this.failed(e);
      this.refresh(read.problems);
    });
  }

  private save(): void {
    const { answers, result } = this.state;
    const name = supplierName(answers);
    if (!name) {
      setText(this.status, this.msg("saveNeedsName"));
      // The name field says so too: invalid, with the message as its description.
      this.state = S.nameNeeded(this.state, this.msg("saveNeedsName"));
      this.showFields(readForm(this.form, this.cfg.fields, this.msg).problems);
      const input = this.form.querySelector<HTMLInputElement>('input[name="supplier_name"]');
      input?.closest("details")?.setAttribute("open", "");
      input?.focus();
      return;
    }
    const entry: Entry = { id: newId(), saved: new Date().toISOString(), notes: this.notes.value.trim(), profile: { ...answers }, ...(result ? scoresOf(result) : {}) };
    try {
      const { entries, replaced } = merge(readStore(), [entry]);
      writeStore(entries);
      setText(this.status, this.msg(replaced ? "savedReplaced" : "savedNew", { name }));
    } catch (e) {
      if (!(e instanceof StorageProblem)) throw e;
      // A list this page cannot read is never overwritten.
      setText(this.status, this.msg(e.damaged ? "storageDamaged" : "storageFailed", { error: e.message }));
    }
  }

  private async share(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.shareURL());
      setText(this.status, this.msg("shareCopied"));
    } catch {
      setText(this.status, this.msg("shareFailed"));
    }
  }

  private startOver(): void {
    const had = Object.keys(this.state.answers).length > 0;
    writeForm(this.form, this.cfg.fields, {});
    this.notes.value = "";
    this.state = S.startedOver(this.state);
    this.showNotice();
    // A new history entry: Back returns to the answers in the previous link.
    if (isAnswerFragment(location.hash)) history.pushState(null, "", location.pathname + location.search);
    this.update();
    this.writeHash();
    setText(this.status, had ? this.msg("startedOver") : "");
  }

  /** Restores the link in the URL, once the checker is there to read it. */
  private followLink(keepTyped = false): void {
    const hash = location.hash;
    this.state = S.linkPending(this.state, hash);
    const c = this.checker;
    if (!c) return; // read when the checker is ready
    this.restore(c, hash, keepTyped).then(() => {
      this.state = S.linkSettled(this.state, hash);
      this.update();
      this.writeHash(); // a restored link keeps only what was used
    }, (e: unknown) => {
      this.state = S.linkSettled(this.state, null);
      this.failed(e);
    });
  }
}
