// The deadline planner's rules, without the DOM: which routes apply to a
// payment method, the last day of each window, its state on a given day,
// the URL fragment that restores the form, and the calendar file.
//
// Dates are calendar dates ("YYYY-MM-DD"), counted as whole days in UTC so
// no time zone or daylight-saving change can move them; "today" is the
// buyer's own local date, read by the page (localToday), never the build's.

export type Method = "trade_assurance" | "paypal" | "card" | "bank_transfer" | "wechat_alipay" | "other";
export type Problem = "not_received" | "not_as_described" | "other";
export type DateField = "paid_on" | "received_on";
export type State = "open" | "closing" | "closed" | "asap";

export interface Rule {
  readonly problems: readonly Problem[];
  readonly from: DateField | null;
  readonly days?: number | null;
  readonly escalate_days?: number | null;
}

export interface Route {
  readonly id: string;
  readonly title: string;
  readonly step_title?: string;
  readonly methods: readonly Method[];
  readonly step: string;
  readonly rules: readonly Rule[];
}

export interface Rules {
  readonly closing_days: number;
  readonly methods: readonly Method[];
  readonly problems: readonly Problem[];
  readonly routes: readonly Route[];
}

export interface Inputs {
  readonly method: Method | "";
  readonly paid_on: string;
  readonly received_on: string;
  readonly problem: Problem | "";
}

export interface Deadline {
  readonly route: Route;
  /** Index of the rule used in route.rules. */
  readonly rule: number;
  /** The last day, or null when the route has no fixed day. */
  readonly lastDay: string | null;
  readonly state: State;
  /** Whole days from today to the last day (negative once closed); null without a last day. */
  readonly daysLeft: number | null;
  /** True when the rule counts from a date the buyer did not give. */
  readonly missingDate: boolean;
  /** For a dispute that must be escalated N days after opening: the day, if opened today. */
  readonly escalateBy: string | null;
}

const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 of a valid "YYYY-MM-DD" date, or null. */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY);
}

/** The "YYYY-MM-DD" date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** date plus days, as a calendar date. */
export function addDays(date: string, days: number): string | null {
  const n = dayNumber(date);
  return n === null ? null : fromDayNumber(n + days);
}

/** The local calendar date of an instant, in the time zone the browser runs in. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The state of a window ending on lastDay, seen on today. */
export function stateOn(lastDay: string | null, today: string, closingDays: number): { state: State; daysLeft: number | null } {
  const last = lastDay === null ? null : dayNumber(lastDay);
  const now = dayNumber(today);
  if (last === null || now === null) return { state: "asap", daysLeft: null };
  const left = last - now;
  if (left < 0) return { state: "closed", daysLeft: left };
  return { state: left <= closingDays ? "closing" : "open", daysLeft: left };
}

const ORDER: Record<State, number> = { closing: 0, open: 1, asap: 2, closed: 3 };

/**
 * Every route that applies to the inputs, most urgent first: closing, open
 * (earliest last day first), then those with no fixed day, then closed ones.
 * Nothing is listed until a method and a problem are chosen.
 */
export function plan(rules: Rules, inputs: Inputs, today: string): Deadline[] {
  const { method, problem } = inputs;
  if (!method || !problem) return [];
  const out: Deadline[] = [];
  for (const route of rules.routes) {
    if (!route.methods.includes(method)) continue;
    const i = route.rules.findIndex((r) => r.problems.includes(problem));
    if (i < 0) continue;
    const rule = route.rules[i]!;
    let lastDay: string | null = null;
    let missingDate = false;
    if (rule.from !== null) {
      const from = inputs[rule.from];
      lastDay = from && typeof rule.days === "number" ? addDays(from, rule.days) : null;
      missingDate = lastDay === null;
    }
    const { state, daysLeft } = stateOn(lastDay, today, rules.closing_days);
    const escalateBy = typeof rule.escalate_days === "number" && (state === "open" || state === "closing") ? addDays(today, rule.escalate_days) : null;
    out.push({ route, rule: i, lastDay, state, daysLeft, missingDate, escalateBy });
  }
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => ORDER[a.d.state] - ORDER[b.d.state] || (a.d.lastDay ?? "").localeCompare(b.d.lastDay ?? "") || a.i - b.i)
    .map((x) => x.d);
}

/** True when received_on is given and earlier than paid_on. */
export function receivedBeforePaid(inputs: Inputs): boolean {
  const p = dayNumber(inputs.paid_on);
  const r = dayNumber(inputs.received_on);
  return p !== null && r !== null && r < p;
}

const FIELDS = ["method", "paid_on", "received_on", "problem"] as const;

/** Reads the form's state from a URL fragment; unknown keys and invalid values are ignored. */
export function fromFragment(hash: string, rules: Pick<Rules, "methods" | "problems">): Inputs | null {
  const raw = hash.replace(/^#/, "");
  if (!raw.includes("=")) return null; // a plain anchor
  const q = new URLSearchParams(raw);
  const method = q.get("method") ?? "";
  const problem = q.get("problem") ?? "";
  const date = (k: DateField) => {
    const v = q.get(k) ?? "";
    return dayNumber(v) === null ? "" : v;
  };
  return {
    method: (rules.methods as readonly string[]).includes(method) ? (method as Method) : "",
    paid_on: date("paid_on"),
    received_on: date("received_on"),
    problem: (rules.problems as readonly string[]).includes(problem) ? (problem as Problem) : "",
  };
}

/** The fragment (without "#") that restores the inputs; empty fields are left out. */
export function toFragment(inputs: Inputs): string {
  const q = new URLSearchParams();
  for (const k of FIELDS) if (inputs[k]) q.set(k, inputs[k]);
  return q.toString();
}

/** Escapes a text value for iCalendar (RFC 5545 section 3.3.11). */
function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 section 3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let cur = "";
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(cur);
      cur = "";
      size = 0;
    }
    cur += ch;
    size += n;
  }
  parts.push(cur);
  return parts.join("\r\n ");
}

export interface CalendarEntry {
  readonly id: string;
  readonly day: string;
  readonly summary: string;
  readonly description: string;
  readonly url: string;
}

/**
 * An iCalendar file with one all-day event per entry, on its last day.
 * `stamp` is the creation time (UTC, "YYYYMMDDTHHMMSSZ").
 */
export function toICS(entries: readonly CalendarEntry[], stamp: string): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SafeSource//Deadline planner//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const e of entries) {
    const next = addDays(e.day, 1);
    if (next === null) continue;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.id}-${e.day.replace(/-/g, "")}@safesource`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${e.day.replace(/-/g, "")}`,
      `DTEND;VALUE=DATE:${next.replace(/-/g, "")}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      `URL:${e.url}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** The iCalendar DTSTAMP form of an instant. */
export function icsStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
