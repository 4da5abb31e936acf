// What the page hands the checker script: one hidden [data-checker-config]
// element (layouts/_partials/checker/config.html) with the URLs of the
// worker and the WebAssembly, the field ids of the questionnaire in order,
// and every UI string the checker scripts show, as data-msg-*.
import { type Msg, messages } from "../lib/i18n";

export interface Config {
  /** Field ids in questionnaire order (share links list answers in this order). */
  readonly fields: readonly string[];
  readonly worker: string;
  readonly wasm: string;
  readonly integrity: string;
  readonly checkUrl: string;
  /** The site's public address: printed reports give URLs on it, not on a preview or local copy. */
  readonly siteUrl: string;
  readonly rulesVersion: number; // of the rules this page and its checker were built with
  /** The checker's band names, lowest risk first (data-bands, written from the rules). */
  readonly bands: readonly string[];
  /** For answers the buyer can change: the change, in words (by field id). */
  readonly improve: ReadonlyMap<string, string>;
  readonly msg: Msg;
}

/** A JSON list of strings; anything else reads as empty. */
export function parseNames(raw: string): string[] {
  try {
    const data: unknown = JSON.parse(raw);
    return Array.isArray(data) ? data.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The ids and improvement words from data-fields ([{id, type, values, improve}…], written from the rules). */
function parseFields(raw: string): Array<{ id: string; improve?: string }> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { id, improve } = item as { id?: unknown; improve?: unknown };
    if (typeof id !== "string") return [];
    return [typeof improve === "string" ? { id, improve } : { id }];
  });
}

export function readConfig(): Config | null {
  const el = document.querySelector<HTMLElement>("[data-checker-config]");
  if (!el) return null;
  const fields = parseFields(el.dataset.fields ?? "[]");
  return {
    fields: fields.map((f) => f.id),
    improve: new Map(fields.flatMap((f) => (f.improve ? [[f.id, f.improve] as const] : []))),
    rulesVersion: Number(el.dataset.rulesVersion ?? "1") || 1,
    bands: parseNames(el.dataset.bands ?? "[]"),
    worker: el.dataset.worker ?? "",
    wasm: el.dataset.wasm ?? "",
    integrity: el.dataset.wasmIntegrity ?? "",
    checkUrl: el.dataset.checkUrl ?? "/check/",
    siteUrl: el.dataset.siteUrl || location.origin,
    msg: messages(el.dataset),
  };
}
