// The state of the /check/ page and how it changes: one object, and pure
// functions from one state to the next (no DOM, no checker, no clock), so
// node's test runner checks them without a browser. check-page.ts draws the
// state and wires the events.
import { type Msg, clip } from "../lib/i18n";
import type { Answers } from "./fragment";
import type { DecodedLink, Problem, Result, Scored } from "./protocol";
import { rescoreText } from "./rescore";

/** What a restored share link gave: how many answers, and what the checker left out (sentences). */
export interface LinkNotice {
  readonly restored: number;
  readonly ignored: readonly string[];
}

export interface CheckState {
  /** The answers as last read from the form. */
  readonly answers: Answers;
  /** The newest result shown (null until the checker has scored something). */
  readonly result: Result | null;
  /** Number of the newest score request: replies to older ones are dropped. */
  readonly scoring: number;
  /** A link waiting for the checker to read it: the URL keeps it until then. */
  readonly pendingLink: string | null;
  /** The rules version of a restored link whose first score has not come back (null: none). */
  readonly linkVersion: number | null;
  /** What the restored link gave and left out (null: no link since the last start over). */
  readonly notice: LinkNotice | null;
  /** "Scored again with rules v2: 62 → 71, because …" for a link made with other rules. */
  readonly rescoreNote: string;
  /** What the checker left out of a restored link, by field, until that field is answered again. */
  readonly linkProblems: ReadonlyMap<string, string>;
  /**
   * Still the page as built, which shows no answers and the result for
   * them: nothing to write or to score until something changes.
   */
  readonly built: boolean;
}

export function initialState(): CheckState {
  return { answers: {}, result: null, scoring: 0, pendingLink: null, linkVersion: null, notice: null, rescoreNote: "", linkProblems: new Map(), built: true };
}

/** The answers were read from the form again. */
export function answered(s: CheckState, answers: Answers): CheckState {
  return { ...s, answers };
}

/** Something beyond the page as built (an answer, a link, a result) is on the screen. */
export function shown(s: CheckState): CheckState {
  return s.built ? { ...s, built: false } : s;
}

/** A field was answered: its link problem goes, and the answers are no longer the link's. */
export function fieldEdited(s: CheckState, field: string): CheckState {
  if (!s.linkProblems.has(field) && !s.rescoreNote) return s;
  const linkProblems = new Map(s.linkProblems);
  linkProblems.delete(field);
  return { ...s, linkProblems, rescoreNote: "" };
}

/** Save was asked for without a supplier name: the name field shows why until it is answered. */
export function nameNeeded(s: CheckState, problem: string): CheckState {
  const linkProblems = new Map(s.linkProblems);
  linkProblems.set("supplier_name", problem);
  return { ...s, linkProblems };
}

/** A link in the URL, waiting for the checker. */
export function linkPending(s: CheckState, hash: string): CheckState {
  return { ...s, pendingLink: hash };
}

/** The checker has read the link hash (or failed to: then any link waiting is dropped). */
export function linkSettled(s: CheckState, hash: string | null): CheckState {
  return hash === null || s.pendingLink === hash ? { ...s, pendingLink: null } : s;
}

/** A link too long to read (length characters): nothing of it is restored. */
export function linkTooLong(s: CheckState, length: number, rulesVersion: number, msg: Msg): CheckState {
  return { ...s, built: false, rescoreNote: "", linkVersion: rulesVersion, notice: { restored: 0, ignored: [msg("linkTooLong", { n: length })] } };
}

export interface ReadLink {
  /** What the checker read from the link's answers. */
  readonly decoded: DecodedLink;
  /** The rules version the link was made with, and a rules_version that was not one, as written. */
  readonly version: number;
  readonly badVersion: string | null;
  /** Answers typed before the checker was ready, which win over the link's. */
  readonly typed: Answers;
}

/** The answers the form shows after a link: the link's, with what was typed meanwhile kept. */
export function restoredAnswers(link: ReadLink): Answers {
  return { ...(link.decoded.profile as Answers), ...link.typed };
}

/** A link the checker has read: what it gave, and what it left out (beside each field it names). */
export function linkRead(s: CheckState, link: ReadLink, fields: readonly string[], msg: Msg): CheckState {
  const { decoded, typed, badVersion } = link;
  const linkProblems = new Map(decoded.errors.filter((e) => fields.includes(e.field) && !(e.field in typed)).map((e) => [e.field, e.problem]));
  const ignored = [
    ...(badVersion === null ? [] : [msg("linkBadVersion", { value: clip(badVersion, 20) })]),
    ...decoded.errors.map((e) => msg("linkBadValue", { field: clip(e.field, 40), problem: e.problem })),
  ];
  return { ...s, built: false, rescoreNote: "", linkVersion: link.version, linkProblems, notice: { restored: Object.keys(decoded.profile).length, ignored } };
}

/** Start over: no answers, no link, no notice (the last result stays until the next score). */
export function startedOver(s: CheckState): CheckState {
  return { ...initialState(), scoring: s.scoring, result: s.result, built: s.built };
}

/**
 * A new score request: its number, and the rules version to compare with
 * (a restored link made with other rules is read, scored and compared in
 * one call; 0: none).
 */
export function scoreRequested(s: CheckState): { state: CheckState; request: number; from: number } {
  const request = s.scoring + 1;
  const from = s.linkVersion !== null && Object.keys(s.answers).length > 0 ? s.linkVersion : 0;
  return { state: { ...s, scoring: request }, request, from };
}

/** Whether a reply to request is still the newest. */
export function isNewest(s: CheckState, request: number): boolean {
  return request === s.scoring;
}

/**
 * The checker's score for the newest request. A link's first score also
 * names what the checker refused (counted out of the restored answers) and
 * says what scoring again with these rules changed.
 */
export function scoreReceived(s: CheckState, out: Scored, msg: Msg): CheckState {
  if (s.linkVersion === null) return { ...s, result: out.result };
  const before = s.notice ?? { restored: 0, ignored: [] };
  const notice: LinkNotice = {
    restored: before.restored - out.refused.length,
    ignored: [...before.ignored, ...out.refused.map((e) => msg("linkBadValue", { field: e.field, problem: e.problem }))],
  };
  const again = out.rescore;
  const rescoreNote = !again ? s.rescoreNote
    : "errors" in again ? msg("rescoreFailed", { from: s.linkVersion, problem: problemsText(again.errors) })
    : rescoreText(again, msg);
  return { ...s, result: out.result, linkVersion: null, notice, rescoreNote };
}

/** The checker's problems as one sentence after another. */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map((e) => e.problem).join(" ");
}

export type FieldState = "" | "ok" | "error";

/**
 * What to show beside a field: what is wrong with what was typed, what the
 * checker left out of a link, or (the USCC) whether the code checks out.
 */
export function fieldStatus(s: CheckState, id: string, problems: ReadonlyMap<string, string>, msg: Msg): { text: string; state: FieldState } {
  const text = problems.get(id) ?? s.linkProblems.get(id) ?? "";
  if (text) return { text, state: "error" };
  const u = s.result?.uscc;
  if (id !== "uscc" || !u || s.answers.uscc === undefined) return { text: "", state: "" };
  return u.valid ? { text: msg("usccValid", { province: u.province }), state: "ok" } : { text: msg("usccInvalid", { error: u.error }), state: "error" };
}

/** How many of ids are answered. */
export function answeredOf(answers: Answers, ids: readonly string[]): number {
  return ids.filter((id) => id in answers).length;
}
