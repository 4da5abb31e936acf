// The deadline planner's date rules and the inspection sample size table,
// on the data files the site is built from (data/deadlines.json,
// data/aql.json), through the pure modules compiled to build/unit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";

const out = new URL("../../build/unit/", import.meta.url);
if (!existsSync(out)) throw new Error("build/unit is missing: run `make unittest`");
const require = createRequire(out);
const D = require("./tools/deadlines.js");
const A = require("./tools/aql.js");
const data = (name) => JSON.parse(readFileSync(new URL(`../../data/${name}`, import.meta.url), "utf8"));
const rules = data("deadlines.json");
const table = data("aql.json");
const theme = new URL("../../themes/safesource/", import.meta.url);

const inputs = (o) => ({ method: "", paid_on: "", received_on: "", problem: "", ...o });
const byId = (list) => Object.fromEntries(list.map((d) => [d.route.id, d]));

// ---- dates ----

test("calendar arithmetic crosses months, leap days and years, and rejects impossible dates", () => {
  assert.equal(D.addDays("2026-11-02", 30), "2026-12-02");
  assert.equal(D.addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(D.addDays("2027-02-28", 1), "2027-03-01");
  assert.equal(D.addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(D.addDays("2026-07-05", 180), "2027-01-01");
  assert.equal(D.addDays("2026-03-28", 2), "2026-03-30", "a daylight-saving weekend changes nothing");
  for (const bad of ["2026-02-30", "2026-13-01", "26-01-01", "", "2026-1-1", "tomorrow"]) assert.equal(D.dayNumber(bad), null, bad);
});

test("today is the local calendar date of the instant, in the time zone the code runs in", () => {
  assert.equal(D.localToday(new Date(2026, 0, 31, 23, 59)), "2026-01-31");
  assert.equal(D.localToday(new Date(2026, 11, 1, 0, 0)), "2026-12-01");
});

test("states: open, closing within seven days (the last day included), closed the day after", () => {
  const s = (last, today) => D.stateOn(last, today, rules.closing_days);
  assert.deepEqual(s("2026-12-20", "2026-12-01"), { state: "open", daysLeft: 19 });
  assert.deepEqual(s("2026-12-08", "2026-12-01"), { state: "closing", daysLeft: 7 });
  assert.deepEqual(s("2026-12-09", "2026-12-01"), { state: "open", daysLeft: 8 });
  assert.deepEqual(s("2026-12-01", "2026-12-01"), { state: "closing", daysLeft: 0 });
  assert.deepEqual(s("2026-11-30", "2026-12-01"), { state: "closed", daysLeft: -1 });
  assert.deepEqual(s(null, "2026-12-01"), { state: "asap", daysLeft: null });
});

// ---- routes ----

test("PayPal: 180 days from the payment for not received and not as described, with the 20-day escalation from today", () => {
  for (const problem of ["not_received", "not_as_described"]) {
    const list = D.plan(rules, inputs({ method: "paypal", paid_on: "2026-11-02", problem }), "2026-12-06");
    const p = byId(list).paypal;
    assert.equal(p.lastDay, "2027-05-01");
    assert.equal(p.state, "open");
    assert.equal(p.escalateBy, "2026-12-26");
    assert.deepEqual(list.map((d) => d.route.id).sort(), ["paypal", "report-fraud", "report-police"]);
  }
  const other = byId(D.plan(rules, inputs({ method: "paypal", paid_on: "2026-11-02", problem: "other" }), "2026-12-06")).paypal;
  assert.equal(other.state, "asap", "Buyer Protection covers two kinds of problem only");
  assert.equal(other.lastDay, null);
  const old = byId(D.plan(rules, inputs({ method: "paypal", paid_on: "2026-01-02", problem: "not_received" }), "2026-12-06")).paypal;
  assert.equal(old.state, "closed");
  assert.equal(old.escalateBy, null, "no escalation date for a closed window");
  const noDate = byId(D.plan(rules, inputs({ method: "paypal", problem: "not_received" }), "2026-12-06")).paypal;
  assert.equal(noDate.state, "asap");
  assert.equal(noDate.missingDate, true);
});

test("Trade Assurance: at most 30 days after receipt, for each kind of problem; without a receipt date, as soon as possible", () => {
  for (const problem of ["not_as_described", "not_received", "other"]) {
    const ta = byId(D.plan(rules, inputs({ method: "trade_assurance", paid_on: "2026-10-01", received_on: "2026-11-20", problem }), "2026-12-15"))["trade-assurance"];
    assert.equal(ta.lastDay, "2026-12-20");
    assert.equal(ta.state, "closing");
  }
  const quality = D.plan(rules, inputs({ method: "trade_assurance", problem: "not_as_described" }), "2026-12-15");
  assert.equal(byId(quality)["trade-assurance"].rule, 0, "quality problems have their own rule");
  const missing = byId(D.plan(rules, inputs({ method: "trade_assurance", paid_on: "2026-10-01", problem: "not_received" }), "2026-12-15"))["trade-assurance"];
  assert.equal(missing.state, "asap");
  assert.equal(missing.missingDate, true);
  assert.equal(missing.rule, 1);
});

test("routes that do not apply to the payment method are not listed; nothing is listed before method and problem", () => {
  const ids = (method) => D.plan(rules, inputs({ method, paid_on: "2026-11-02", problem: "not_received" }), "2026-12-06").map((d) => d.route.id).sort();
  assert.deepEqual(ids("card"), ["card-chargeback", "report-fraud", "report-police"]);
  assert.deepEqual(ids("bank_transfer"), ["bank-recall", "report-fraud", "report-police"]);
  assert.deepEqual(ids("wechat_alipay"), ["report-fraud", "report-police", "wechat-alipay-police"]);
  assert.deepEqual(ids("other"), ["provider", "report-fraud", "report-police"]);
  assert.deepEqual(ids("trade_assurance"), ["report-fraud", "report-police", "trade-assurance"]);
  assert.deepEqual(D.plan(rules, inputs({ method: "card" }), "2026-12-06"), []);
  assert.deepEqual(D.plan(rules, inputs({ problem: "other" }), "2026-12-06"), []);
  for (const d of D.plan(rules, inputs({ method: "card", paid_on: "2026-11-02", problem: "not_as_described" }), "2026-12-06")) {
    assert.equal(d.state, "asap", `${d.route.id}: the card issuer sets the deadline, so no day is shown`);
  }
});

test("most urgent first: closing, open by last day, as soon as possible, closed", () => {
  const fake = { ...rules, routes: [
    { id: "closed", title: "", methods: ["card"], step: "/", rules: [{ problems: ["other"], from: "paid_on", days: 1 }] },
    { id: "asap", title: "", methods: ["card"], step: "/", rules: [{ problems: ["other"], from: null }] },
    { id: "open-late", title: "", methods: ["card"], step: "/", rules: [{ problems: ["other"], from: "paid_on", days: 300 }] },
    { id: "open-soon", title: "", methods: ["card"], step: "/", rules: [{ problems: ["other"], from: "paid_on", days: 100 }] },
    { id: "closing", title: "", methods: ["card"], step: "/", rules: [{ problems: ["other"], from: "paid_on", days: 33 }] },
  ] };
  const list = D.plan(fake, inputs({ method: "card", paid_on: "2026-11-01", problem: "other" }), "2026-12-01");
  assert.deepEqual(list.map((d) => d.route.id), ["closing", "open-soon", "open-late", "asap", "closed"]);
});

test("every route names known methods and problems, links a playbook page, and covers every problem for its methods", () => {
  for (const r of rules.routes) {
    for (const m of r.methods) assert.ok(rules.methods.includes(m), `${r.id}: method ${m}`);
    assert.match(r.step, /^\/playbook\/[a-z-]+\/(#[a-z0-9-]+)?$/, `${r.id}: step`);
    const page = r.step.split("/")[2];
    const src = readFileSync(new URL(`../../content/playbook/${page}.md`, import.meta.url), "utf8");
    const anchor = r.step.split("#")[1];
    if (anchor) assert.ok(src.includes(`{#${anchor}}`), `${r.id}: ${r.step} has no such heading`);
    for (const p of rules.problems) assert.ok(r.rules.some((x) => x.problems.includes(p)), `${r.id}: no rule for ${p}`);
    for (const x of r.rules) {
      assert.match(x.text, /\]\((cite:[a-z0-9-]+|own:)\)/, `${r.id}: every rule cites its source or marks our policy`);
      if (x.from !== null) assert.ok(Number.isInteger(x.days) && x.days > 0 && x.missing, `${r.id}: a dated rule has days and a missing-date text`);
    }
  }
  for (const m of rules.methods) assert.ok(rules.routes.some((r) => r.methods.includes(m) && !r.id.startsWith("report-")), `${m}: a payment route`);
});

test("received before paid is flagged", () => {
  assert.equal(D.receivedBeforePaid(inputs({ paid_on: "2026-11-02", received_on: "2026-11-01" })), true);
  assert.equal(D.receivedBeforePaid(inputs({ paid_on: "2026-11-02", received_on: "2026-11-02" })), false);
  assert.equal(D.receivedBeforePaid(inputs({ paid_on: "2026-11-02" })), false);
});

// ---- fragment ----

test("the fragment restores the inputs; invalid values and plain anchors are ignored", () => {
  const i = inputs({ method: "paypal", paid_on: "2026-11-02", problem: "not_received" });
  assert.equal(D.toFragment(i), "method=paypal&paid_on=2026-11-02&problem=not_received");
  assert.deepEqual(D.fromFragment("#method=paypal&paid_on=2026-11-02&problem=not_received", rules), i);
  assert.deepEqual(D.fromFragment("#method=cash&paid_on=2026-02-30&received_on=2026-11-05&problem=late&x=1", rules),
    inputs({ received_on: "2026-11-05" }));
  assert.equal(D.fromFragment("#how-dates-are-counted", rules), null);
  assert.equal(D.fromFragment("", rules), null);
  assert.equal(D.toFragment(inputs({})), "");
});

// ---- calendar ----

test("the .ics file has one all-day event per deadline, escaped and folded", () => {
  const ics = D.toICS([
    { id: "paypal", day: "2027-05-01", summary: "Last day: PayPal dispute, claim; and more", description: "Line one\nline two " + "x".repeat(120), url: "https://example.org/playbook/deadlines/#method=paypal" },
  ], "20261206T020000Z");
  const lines = ics.split("\r\n");
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20270501"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20270502"));
  assert.ok(lines.includes("UID:paypal-20270501@safesource"));
  assert.ok(lines.includes("SUMMARY:Last day: PayPal dispute\\, claim\\; and more"));
  for (const l of lines) assert.ok(new TextEncoder().encode(l).length <= 75, `folded: ${l}`);
  const unfolded = ics.replace(/\r\n /g, "");
  assert.ok(unfolded.includes("DESCRIPTION:Line one\\nline two " + "x".repeat(120)));
  assert.equal(D.icsStamp(new Date(Date.UTC(2026, 11, 6, 2, 3, 4))), "20261206T020304Z");
});

// ---- AQL ----

const resolved = (lot, level, aql) => {
  const [p] = A.plans(table, lot, level, [aql]);
  return p && [p.letter, p.sampleSize, p.accept, p.reject, p.arrow];
};

test("code letters and plans agree with the published values (ISO 2859-1 / Z1.4, single sampling, normal inspection)", () => {
  assert.equal(A.codeLetter(table, 3000, "II"), "K");
  assert.equal(A.codeLetter(table, 8, "II"), "A");
  assert.equal(A.codeLetter(table, 500001, "III"), "R");
  assert.equal(A.codeLetter(table, 1, "II"), null);
  assert.equal(A.codeLetter(table, 100, "IV"), null);
  assert.deepEqual(resolved(3000, "II", "2.5"), ["K", 125, 7, 8, null]);
  assert.deepEqual(resolved(3000, "II", "4.0"), ["K", 125, 10, 11, null]);
  assert.deepEqual(resolved(5000, "II", "2.5"), ["L", 200, 10, 11, null]);
  assert.deepEqual(resolved(1000, "II", "1.5"), ["J", 80, 3, 4, null]);
  assert.deepEqual(resolved(300, "II", "6.5"), ["H", 50, 7, 8, null]);
});

test("arrow cells lead to the first plan above or below, with its own sample size", () => {
  assert.deepEqual(resolved(100, "II", "1.0"), ["E", 13, 0, 1, "up"]);
  assert.deepEqual(resolved(60, "II", "0.65"), ["F", 20, 0, 1, "down"]);
  assert.deepEqual(resolved(400, "II", "0.65"), ["J", 80, 1, 2, "down"]);
  assert.deepEqual(resolved(20000, "II", "6.5"), ["L", 200, 21, 22, "up"]);
  assert.deepEqual(resolved(40, "S-1", "0.65"), ["F", 20, 0, 1, "down"]);
  const [offTop] = A.plans(table, 5, "II", ["10"]);
  assert.equal(offTop.letter, null, "letter A at AQL 10: the arrow points above the first row");
  assert.equal(offTop.accept, null);
});

test("a sample as large as the lot is flagged; lot sizes are read as whole numbers", () => {
  const [p] = A.plans(table, 3, "II", ["2.5"]);
  assert.equal(p.sampleSize, 5);
  assert.equal(p.wholeLot, true);
  assert.equal(A.parseLotSize(" 3,000 "), 3000);
  assert.equal(A.parseLotSize("12 500"), 12500);
  for (const bad of ["1", "0", "-5", "1.5", "abc", ""]) assert.equal(A.parseLotSize(bad), null, bad);
});

test("every lot size, level and AQL resolves to one plan or to the single off-table cell", () => {
  for (const r of table.code_letters) for (const lot of [r.min, r.max ?? 10_000_000]) for (const level of table.levels) {
    for (const p of A.plans(table, lot, level)) {
      if (p.letter === null) assert.ok(p.tableLetter === "A" && p.aql === "10", `${lot} ${level} ${p.aql}`);
      else assert.equal(p.reject, p.accept + 1);
    }
  }
});

// ---- UI strings ----

test("every UI string the tool scripts use is handed to the page and exists in en.toml", () => {
  const read = (p) => readFileSync(new URL(p, theme), "utf8");
  const i18n = new Set(Array.from(read("i18n/en.toml").matchAll(/^(\w+)\s*=/gm), (m) => m[1]));
  for (const [script, shortcode] of [["assets/ts/tools/deadlines-main.ts", "layouts/_shortcodes/deadline-planner.html"], ["assets/ts/tools/aql-main.ts", "layouts/_shortcodes/aql-sampling.html"]]) {
    const src = read(script);
    const used = new Set(Array.from(src.matchAll(/"((?:deadlines|aql)[A-Z]\w*)"/g), (m) => m[1]));
    const listed = new Set(Array.from(/\$msgs := slice([^\n]*)/.exec(read(shortcode))[1].matchAll(/"(\w+)"/g), (m) => m[1]));
    assert.ok(used.size > 3, script);
    for (const k of used) {
      assert.ok(listed.has(k), `${k} is used by ${script} but not listed in ${shortcode}`);
      assert.ok(i18n.has(k), `${k} is missing from en.toml`);
    }
    for (const k of listed) assert.ok(used.has(k), `${k} is listed in ${shortcode} but unused`);
  }
});
