// The deadline planner page (/playbook/deadlines/): reads the form, lists
// every route that applies with its last day and state, keeps the inputs in
// the URL fragment (a link restores them) and offers the open deadlines as
// an .ics file. Everything happens in the browser; nothing is sent anywhere.
import { messages, type Msg } from "../lib/i18n";
import { el } from "../lib/dom";
import * as D from "./deadlines";
import { downloadText } from "../lib/download";

/** A calendar date written out in the reader's language, never shifted by their time zone. */
function longDate(date: string): string {
  const n = D.dayNumber(date);
  if (n === null) return date;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone: "UTC" }).format(new Date(n * 86_400_000));
}

function when(d: D.Deadline, msg: Msg): string {
  if (d.lastDay === null || d.daysLeft === null) return msg("deadlinesNoFixedDay");
  const day = msg("deadlinesLastDay", { date: longDate(d.lastDay) });
  if (d.daysLeft === 0) return `${day} (${msg("deadlinesLastDayToday")})`;
  if (d.daysLeft > 0) return `${day} (${msg(d.daysLeft === 1 ? "deadlinesOneDayLeft" : "deadlinesDaysLeft", { days: d.daysLeft })})`;
  return `${day} (${msg(d.daysLeft === -1 ? "deadlinesClosedOneDayAgo" : "deadlinesClosedDaysAgo", { days: -d.daysLeft })})`;
}

const STATE_KEYS: Record<D.State, string> = {
  open: "deadlinesStateOpen",
  closing: "deadlinesStateClosing",
  closed: "deadlinesStateClosed",
  asap: "deadlinesStateAsap",
};

/** The rule's words for a deadline, from the page's templates (the one for a missing date when there is one). */
function ruleText(root: HTMLElement, d: D.Deadline): Node {
  const sel = `template[data-route="${d.route.id}"][data-rule="${d.rule}"]`;
  const t = root.querySelector<HTMLTemplateElement>(d.missingDate ? `${sel}[data-missing]` : `${sel}:not([data-missing])`)
    ?? root.querySelector<HTMLTemplateElement>(`${sel}:not([data-missing])`);
  return t ? t.content.cloneNode(true) : document.createTextNode("");
}

/** Whether a deadline goes in the calendar file: it has a last day, still to come. */
function inCalendar(d: D.Deadline): boolean {
  return d.lastDay !== null && (d.state === "open" || d.state === "closing");
}

/** One deadline in the list: route, state, when, the rule, escalation and the playbook step. */
function deadlineItem(d: D.Deadline, msg: Msg, rule: Node): HTMLLIElement {
  const attrs: Record<string, string> = { class: `deadline deadline-${d.state}`, "data-deadline": d.route.id, "data-state": d.state };
  if (d.lastDay !== null) attrs["data-last-day"] = d.lastDay;
  const item = el("li", attrs,
    el("p", { class: "deadline-head" }, el("strong", {}, d.route.title), " ", el("span", { class: "deadline-state" }, msg(STATE_KEYS[d.state]))),
    el("p", { class: "deadline-when" }, when(d, msg)),
    el("p", { class: "deadline-rule" }, rule),
  );
  if (d.escalateBy !== null) item.append(el("p", { class: "deadline-escalate" }, msg("deadlinesEscalateBy", { date: longDate(d.escalateBy) })));
  item.append(el("p", { class: "deadline-step" }, el("a", { href: d.route.step }, msg("deadlinesStepLink", { title: d.route.step_title ?? d.route.title }))));
  return item;
}

function init(root: HTMLElement): void {
  const rules = JSON.parse(root.dataset.rules ?? "{}") as D.Rules;
  const msg = messages(root.dataset);
  const form = root.querySelector<HTMLFormElement>("[data-planner-form]");
  const output = root.querySelector<HTMLElement>("[data-planner-output]");
  const summary = root.querySelector<HTMLElement>("[data-planner-summary]");
  const results = root.querySelector<HTMLOListElement>("[data-planner-results]");
  const ics = root.querySelector<HTMLButtonElement>("[data-planner-ics]");
  if (!form || !output || !summary || !results || !ics || !Array.isArray(rules.routes)) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  const read = (): D.Inputs => ({
    method: field("method").value as D.Method | "",
    paid_on: D.dayNumber(field("paid_on").value) === null ? "" : field("paid_on").value,
    received_on: D.dayNumber(field("received_on").value) === null ? "" : field("received_on").value,
    problem: field("problem").value as D.Problem | "",
  });
  const write = (inputs: D.Inputs) => {
    field("method").value = inputs.method;
    field("paid_on").value = inputs.paid_on;
    field("received_on").value = inputs.received_on;
    field("problem").value = inputs.problem;
  };

  let current: D.Deadline[] = [];

  const render = (updateFragment: boolean) => {
    const inputs = read();
    const today = D.localToday();
    current = D.plan(rules, inputs, today);
    if (updateFragment) {
      const frag = D.toFragment(inputs);
      history.replaceState(history.state, "", frag ? `#${frag}` : location.pathname + location.search);
    }
    output.hidden = false;
    const notes: string[] = [];
    if (!inputs.method || !inputs.problem) notes.push(msg("deadlinesNeedInputs"));
    else notes.push(msg("deadlinesSummary", { count: current.length, today: longDate(today) }));
    if (D.receivedBeforePaid(inputs)) notes.push(msg("deadlinesReceivedBeforePaid"));
    summary.textContent = notes.join(" ");
    results.replaceChildren(...current.map((d) => deadlineItem(d, msg, ruleText(root, d))));
    const dated = current.filter(inCalendar);
    ics.hidden = current.length === 0;
    ics.disabled = dated.length === 0;
    ics.title = dated.length === 0 ? msg("deadlinesIcsNone") : "";
  };

  ics.addEventListener("click", () => {
    const dated = current.filter(inCalendar);
    if (dated.length === 0) return;
    const entries = dated.map((d) => ({
      id: d.route.id,
      day: d.lastDay!,
      summary: msg("deadlinesIcsSummary", { title: d.route.title }),
      description: `${(ruleText(root, d).textContent ?? "").replace(/\[\d+[^\]]*\]/g, "").replace(/\s+/g, " ").trim()} ${new URL(d.route.step, location.href).href}`,
      url: location.href,
    }));
    downloadText(`safesource-deadlines-${D.localToday()}.ics`, "text/calendar", D.toICS(entries, D.icsStamp(new Date())));
  });

  const restore = () => {
    const inputs = D.fromFragment(location.hash, rules);
    if (inputs === null) return false;
    write(inputs);
    return true;
  };

  form.hidden = false;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", () => render(true));
  form.addEventListener("input", () => render(true));
  window.addEventListener("hashchange", () => { if (restore()) render(false); });
  const restored = restore();
  render(false);
  if (!restored && !read().method) output.hidden = true;
}

for (const root of Array.from(document.querySelectorAll<HTMLElement>("[data-deadline-planner]"))) init(root);
