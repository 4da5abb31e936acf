// The /check/ page's state transitions (checker/check-state.ts): restoring a
// link, receiving a score, start over, what each field shows. No browser:
// the checker's replies are written out as the worker gives them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkState as S, msgFrom } from "./load.mjs";

const msg = msgFrom({
  linkTooLong: "too long ({n})", linkBadVersion: "bad version {value}", linkBadValue: "{field}: {problem}",
  rescoreFailed: "v{from} failed: {problem}", rescoredWith: "v{from}→v{version}: {before}→{after} ({reasons})",
  rescoredSame: "v{from}→v{version} same", rescoreAdded: "+{title}", rescoreRemoved: "-{title}",
  usccValid: "valid in {province}", usccInvalid: "invalid: {error}",
});
const FIELDS = ["supplier_name", "years", "uscc", "badges"];
const result = (score, extra = {}) => ({ score, band: "low", confidence: 0.5, known: 1, known_of: 5, rules_version: 2, findings: [], positives: [], actions: [], improvements: [], ...extra });
const scored = (score, extra = {}) => ({ profile: {}, result: result(score), refused: [], ...extra });

/** A state after reading a link with the given decoded answers and errors. */
function afterLink(decoded, { version = 2, badVersion = null, typed = {} } = {}) {
  return S.linkRead(S.initialState(), { decoded, version, badVersion, typed }, FIELDS, msg);
}

test("the page starts as built, with nothing answered, linked or scored", () => {
  const s = S.initialState();
  assert.equal(s.built, true);
  assert.deepEqual(s.answers, {});
  assert.equal(s.result, null);
  assert.equal(s.linkVersion, null);
  assert.equal(S.shown(s).built, false);
});

test("a link read: what it gave, what it left out (clipped), problems beside their fields unless typed over", () => {
  const long = "x".repeat(50);
  const s = afterLink({ profile: { supplier_name: "Acme", years: 3 }, errors: [{ line: 0, field: "badges", problem: "not a badge" }, { line: 0, field: long, problem: "unknown" }] },
    { version: 1, badVersion: "v9999999999999999999999", typed: {} });
  assert.equal(s.built, false);
  assert.equal(s.linkVersion, 1);
  assert.equal(s.notice.restored, 2);
  assert.deepEqual(s.notice.ignored, ["bad version v999999999999999999…", "badges: not a badge", "x".repeat(39) + "…: unknown"]);
  assert.deepEqual([...s.linkProblems], [["badges", "not a badge"]], "only questionnaire fields get a problem beside them");
  const typed = afterLink({ profile: {}, errors: [{ line: 0, field: "badges", problem: "not a badge" }] }, { typed: { badges: ["verified"] } });
  assert.equal(typed.linkProblems.size, 0, "a field typed before the checker was ready keeps what was typed, without the link's problem");
  assert.deepEqual(S.restoredAnswers({ decoded: { profile: { years: 3, badges: [] }, errors: [] }, typed: { badges: ["verified"] } }), { years: 3, badges: ["verified"] });
});

test("a link too long to read restores nothing and says so", () => {
  const s = S.linkTooLong(S.initialState(), 9001, 2, msg);
  assert.deepEqual(s.notice, { restored: 0, ignored: ["too long (9001)"] });
  assert.equal(s.linkVersion, 2);
});

test("score requests are numbered; the first one after a link compares with the link's rules version", () => {
  let s = S.answered(afterLink({ profile: { years: 3 }, errors: [] }, { version: 1 }), { years: 3 });
  const first = S.scoreRequested(s);
  assert.equal(first.from, 1);
  assert.equal(first.request, 1);
  s = first.state;
  const second = S.scoreRequested(s);
  assert.equal(second.request, 2);
  assert.ok(!S.isNewest(second.state, first.request), "the first reply is stale once a second request is out");
  assert.ok(S.isNewest(second.state, second.request));
  assert.equal(S.scoreRequested(S.answered(S.initialState(), { years: 3 })).from, 0, "no link: nothing to compare");
  assert.equal(S.scoreRequested(afterLink({ profile: {}, errors: [] })).from, 0, "a link with no answers: nothing to compare");
});

test("a link's first score: refused answers counted out and named, the rescore sentence kept; later scores leave the notice", () => {
  let s = S.answered(afterLink({ profile: { years: 3, uscc: "x" }, errors: [] }, { version: 1 }), { years: 3, uscc: "x" });
  const rescore = { from_version: 1, to_version: 2, score_before: 10, band_before: "low", score_after: 30, band_after: "moderate", added: [{ title: "New" }], removed: [], changes: [] };
  s = S.scoreReceived(s, scored(30, { refused: [{ line: 0, field: "uscc", problem: "too long" }], rescore }), msg);
  assert.equal(s.result.score, 30);
  assert.equal(s.linkVersion, null, "only the first score after a link is the link's");
  assert.deepEqual(s.notice, { restored: 1, ignored: ["uscc: too long"] });
  assert.equal(s.rescoreNote, "v1→v2: 10→30 (+New)");
  const later = S.scoreReceived(s, scored(40, { refused: [{ line: 0, field: "uscc", problem: "too long" }] }), msg);
  assert.deepEqual(later.notice, s.notice, "a later score adds nothing to the link's notice");
  assert.equal(later.result.score, 40);
  const failed = S.scoreReceived(afterLink({ profile: { years: 3 }, errors: [] }, { version: 1 }), scored(5, { rescore: { errors: [{ line: 0, field: "", problem: "a." }, { line: 0, field: "", problem: "b." }] } }), msg);
  assert.equal(failed.rescoreNote, "v1 failed: a. b.");
});

test("answering a field clears its link problem and the rescore sentence; other fields keep theirs", () => {
  const s = { ...afterLink({ profile: {}, errors: [{ line: 0, field: "badges", problem: "p" }, { line: 0, field: "years", problem: "q" }] }), rescoreNote: "note" };
  const t = S.fieldEdited(s, "badges");
  assert.deepEqual([...t.linkProblems], [["years", "q"]]);
  assert.equal(t.rescoreNote, "");
  assert.deepEqual(s.linkProblems.size, 2, "the old state is not changed");
  const clean = S.initialState();
  assert.equal(S.fieldEdited(clean, "years"), clean, "nothing to clear: the same state");
});

test("a pending link settles only when the link read is still the one waiting; a failure drops any", () => {
  const s = S.linkPending(S.initialState(), "#a=1");
  assert.equal(S.linkSettled(s, "#a=1").pendingLink, null);
  assert.equal(S.linkSettled(S.linkPending(s, "#b=2"), "#a=1").pendingLink, "#b=2", "a newer link keeps waiting");
  assert.equal(S.linkSettled(S.linkPending(s, "#b=2"), null).pendingLink, null);
});

test("start over forgets answers, link and notice, keeps the request count and the last result", () => {
  let s = S.answered(afterLink({ profile: { years: 3 }, errors: [{ line: 0, field: "badges", problem: "p" }] }), { years: 3 });
  s = S.scoreRequested(s).state;
  s = S.scoreReceived(s, scored(20), msg);
  const t = S.startedOver(S.linkPending(s, "#x=1"));
  assert.deepEqual(t.answers, {});
  assert.equal(t.notice, null);
  assert.equal(t.linkProblems.size, 0);
  assert.equal(t.pendingLink, null);
  assert.equal(t.rescoreNote, "");
  assert.equal(t.scoring, 1, "a reply still out for an older request stays stale");
  assert.equal(t.result.score, 20);
  assert.equal(t.built, false);
});

test("a field shows what was typed wrong first, then the link's problem, then the USCC check", () => {
  const s = { ...afterLink({ profile: {}, errors: [{ line: 0, field: "years", problem: "from link" }] }), answers: { uscc: "91" }, result: result(1, { uscc: { code: "91", valid: true, error: "", province: "Zhejiang" } }) };
  assert.deepEqual(S.fieldStatus(s, "years", new Map([["years", "typed wrong"]]), msg), { text: "typed wrong", state: "error" });
  assert.deepEqual(S.fieldStatus(s, "years", new Map(), msg), { text: "from link", state: "error" });
  assert.deepEqual(S.fieldStatus(s, "uscc", new Map(), msg), { text: "valid in Zhejiang", state: "ok" });
  const bad = { ...s, result: result(1, { uscc: { code: "91", valid: false, error: "check digit", province: "" } }) };
  assert.deepEqual(S.fieldStatus(bad, "uscc", new Map(), msg), { text: "invalid: check digit", state: "error" });
  assert.deepEqual(S.fieldStatus({ ...s, answers: {} }, "uscc", new Map(), msg), { text: "", state: "" }, "no code answered: nothing to say");
  assert.deepEqual(S.fieldStatus(s, "badges", new Map(), msg), { text: "", state: "" });
  assert.equal(S.answeredOf({ a: 1, c: [] }, ["a", "b", "c"]), 2);
});

test("Save without a name: the name field shows why until a name is typed; other fields keep theirs", () => {
  const s = S.nameNeeded(S.initialState(), "Give the supplier a name to save it.");
  assert.equal(S.fieldStatus(s, "supplier_name", new Map(), msg).text, "Give the supplier a name to save it.");
  assert.equal(S.fieldStatus(s, "supplier_name", new Map(), msg).state, "error");
  assert.equal(S.fieldStatus(s, "platform", new Map(), msg).text, "");
  const typed = S.fieldEdited(s, "supplier_name");
  assert.equal(S.fieldStatus(typed, "supplier_name", new Map(), msg).text, "");
});
