// The inspection sample size tool (/guide/inspection/#sample-size): from the
// lot size, the inspection level and the AQLs ticked, the plan ISO 2859-1
// gives for single sampling under normal inspection. The table comes from
// data/aql.json through the page; the rules are in ./aql.
import { messages, type Msg } from "../lib/i18n";
import { el } from "../lib/dom";
import * as A from "./aql";

function planCells(p: A.Plan, msg: Msg): HTMLElement[] {
  const note: string[] = [];
  if (p.arrow !== null && p.letter !== null) note.push(msg(p.arrow === "up" ? "aqlArrowUp" : "aqlArrowDown", { from: p.tableLetter, to: p.letter }));
  if (p.letter === null) note.push(msg("aqlNoPlan"));
  if (p.wholeLot) note.push(msg("aqlWholeLot"));
  return [
    el("th", { scope: "row" }, p.aql),
    el("td", {}, p.letter ?? "–"),
    el("td", {}, p.sampleSize === null ? "–" : String(p.sampleSize)),
    el("td", {}, p.accept === null ? "–" : String(p.accept)),
    el("td", {}, p.reject === null ? "–" : String(p.reject)),
    el("td", {}, note.join(" ")),
  ];
}

function init(root: HTMLElement): void {
  const table = JSON.parse(root.dataset.table ?? "{}") as A.Table;
  const msg = messages(root.dataset);
  const form = root.querySelector<HTMLFormElement>("[data-aql-form]");
  const output = root.querySelector<HTMLElement>("[data-aql-output]");
  const summary = root.querySelector<HTMLElement>("[data-aql-summary]");
  const rows = root.querySelector<HTMLElement>("[data-aql-rows]");
  if (!form || !output || !summary || !rows || !Array.isArray(table.levels)) return;
  const lot = form.elements.namedItem("lot_size") as HTMLInputElement;
  const level = form.elements.namedItem("level") as HTMLSelectElement;

  const render = () => {
    const lotSize = A.parseLotSize(lot.value);
    const picked = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="aql"]:checked'), (c) => c.value);
    const letter = lotSize === null ? null : A.codeLetter(table, lotSize, level.value);
    if (lotSize === null || letter === null) {
      output.hidden = lot.value.trim() === "";
      summary.textContent = msg("aqlNeedLot");
      rows.replaceChildren();
      return;
    }
    output.hidden = false;
    const n = table.plans[letter]?.n ?? 0;
    summary.textContent = msg("aqlSummary", { lot: lotSize.toLocaleString(), level: level.value, letter, n });
    rows.replaceChildren(...A.plans(table, lotSize, level.value, picked).map((p) => {
      const attrs: Record<string, string> = { "data-aql": p.aql, "data-table-letter": p.tableLetter };
      if (p.letter !== null) attrs["data-code-letter"] = p.letter;
      if (p.sampleSize !== null) attrs["data-sample-size"] = String(p.sampleSize);
      if (p.accept !== null) attrs["data-accept"] = String(p.accept);
      if (p.reject !== null) attrs["data-reject"] = String(p.reject);
      if (p.wholeLot) attrs["data-whole-lot"] = "";
      return el("tr", attrs, ...planCells(p, msg));
    }));
  };

  form.hidden = false;
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", render);
  form.addEventListener("change", render);
  render();
}

for (const root of Array.from(document.querySelectorAll<HTMLElement>("[data-aql-tool]"))) init(root);
