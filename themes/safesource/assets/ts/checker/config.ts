// What the page hands the checker script: one hidden [data-checker-config]
// element (layouts/_partials/checker/config.html) with the WebAssembly URL,
// the fields of the questionnaire and every UI string as data-msg-*.

export type FieldType = "text" | "enum" | "list" | "number" | "integer";

export interface Field {
  readonly id: string;
  readonly type: FieldType;
  readonly values: readonly string[]; // enum and list answers; empty otherwise
  readonly improve?: string; // for answers the buyer can change: the change, in words
}

export interface Config {
  readonly fields: readonly Field[];
  readonly byId: ReadonlyMap<string, Field>;
  readonly wasm: string;
  readonly integrity: string;
  readonly checkUrl: string;
  readonly rulesVersion: number; // of the rules this page and its checker were built with
}

let strings: DOMStringMap = {};

const TYPES: readonly string[] = ["text", "enum", "list", "number", "integer"];

function parseFields(raw: string): Field[] {
  const data: unknown = JSON.parse(raw);
  if (!Array.isArray(data)) return [];
  const out: Field[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const { id, type, values, improve } = item as { id?: unknown; type?: unknown; values?: unknown; improve?: unknown };
    if (typeof id !== "string" || typeof type !== "string" || !TYPES.includes(type)) continue;
    const vals = Array.isArray(values) ? values.filter((v): v is string => typeof v === "string" && v !== "unknown") : [];
    out.push({ id, type: type as FieldType, values: vals, ...(typeof improve === "string" ? { improve } : {}) });
  }
  return out;
}

export function readConfig(): Config | null {
  const el = document.querySelector<HTMLElement>("[data-checker-config]");
  if (!el) return null;
  strings = el.dataset;
  const fields = parseFields(el.dataset.fields ?? "[]");
  return {
    fields,
    byId: new Map(fields.map((f) => [f.id, f])),
    wasm: el.dataset.wasm ?? "",
    integrity: el.dataset.wasmIntegrity ?? "",
    checkUrl: el.dataset.checkUrl ?? "/check/",
    rulesVersion: Number(el.dataset.rulesVersion ?? "1") || 1,
  };
}

/**
 * A UI string by its i18n key (camelCase: "savedNew", "bandHigh"), with
 * {name} placeholders filled in. Values are only ever used as text.
 */
export function msg(key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const text = strings["msg" + key.charAt(0).toUpperCase() + key.slice(1)] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Shortens text taken from a link or file before it is shown in a message. */
export function clip(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}
