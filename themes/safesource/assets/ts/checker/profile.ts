// Answers and the share link. Answers is the profile JSON the checker reads:
// field id -> text, enum value, number, or list of values ([] = none of them).
// A field that is not known is simply absent.
//
// The share link keeps them in the URL fragment (#id=value&id=value, list
// values comma-separated, "none" for an empty list), followed by
// rules_version=N, the rules it was made with (links without it were made
// with v1). The fragment never reaches a server. A fragment without "=" is a
// plain anchor and is left alone.
import { type Config, type Field, msg, clip } from "./config";

export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

/** Plain decimal numbers only, as the checker reads them (no hex, no Infinity). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(s: string): number | null {
  if (!DECIMAL.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function isAnswerFragment(hash: string): boolean {
  return hash.includes("=");
}

/** The fragment key of the rules version; not a question id. */
export const VERSION_KEY = "rules_version";

/** Answers in questionnaire order as a fragment (without the leading #), then the rules version. */
export function toFragment(answers: Answers, fields: readonly Field[], rulesVersion?: number): string {
  const p = new URLSearchParams();
  let n = 0;
  for (const f of fields) {
    const v = answers[f.id];
    if (v === undefined) continue;
    p.append(f.id, Array.isArray(v) ? (v.length ? v.join(",") : "none") : String(v));
    n++;
  }
  if (rulesVersion !== undefined && n > 0) p.append(VERSION_KEY, String(rulesVersion));
  return p.toString().replace(/%2C/gi, ","); // readable lists: badges=a,b
}

export interface Decoded {
  answers: Answers;
  ignored: string[]; // one plain sentence per thing left out
  version: number; // the rules version the link was made with (1 when it does not say)
}

const MAX_FRAGMENT = 8000;

/** Reads a fragment, keeping what is valid and saying what it ignored. */
export function fromFragment(hash: string, cfg: Config): Decoded {
  const raw = hash.replace(/^#/, "");
  const answers: Answers = {};
  const ignored: string[] = [];
  let version = 1;
  if (raw.length > MAX_FRAGMENT) return { answers, ignored: [msg("linkTooLong", { n: raw.length })], version };
  const seen = new Set<string>();
  for (const [key, rawValue] of new URLSearchParams(raw)) {
    if (key === VERSION_KEY && !seen.has(key)) {
      seen.add(key);
      if (/^[1-9]\d{0,5}$/.test(rawValue.trim())) version = Number(rawValue.trim());
      else ignored.push(msg("linkBadVersion", { value: clip(rawValue, 20) }));
      continue;
    }
    const f = cfg.byId.get(key);
    if (!f) {
      if (key !== "") ignored.push(msg("linkUnknownField", { field: clip(key, 40) }));
      continue;
    }
    if (seen.has(key)) {
      ignored.push(msg("linkDuplicate", { field: key }));
      continue;
    }
    seen.add(key);
    const r = readText(f, rawValue);
    if (r.value !== undefined) answers[key] = r.value;
    for (const p of r.problems) ignored.push(msg("linkBadValue", { field: key, problem: p }));
  }
  return { answers, ignored, version };
}

/**
 * One answer written as text (link, CSV cell): enum value, list separated by
 * `sep`, number. Unknown values are dropped with a problem; "" and "unknown"
 * mean not known.
 */
function readText(f: Field, raw: string, sep = ","): { value?: Answer; problems: string[] } {
  const s = raw.trim();
  if (s === "" || s === "unknown") return { problems: [] };
  const bad = (v: string): string => msg("notAnAnswer", { value: clip(v), allowed: f.values.join(", ") });
  switch (f.type) {
    case "text":
      return { value: s, problems: [] };
    case "enum":
      return f.values.includes(s) ? { value: s, problems: [] } : { problems: [bad(s)] };
    case "list": {
      const items = s.split(sep).map((x) => x.trim()).filter((x) => x !== "");
      const good = items.filter((x) => f.values.includes(x));
      const problems = items.filter((x) => x !== "none" && !f.values.includes(x)).map(bad);
      if (good.length) return { value: [...new Set(good)], problems };
      return items.includes("none") ? { value: [], problems } : { problems };
    }
    default: {
      const n = parseNumber(s);
      return n === null ? { problems: [msg("notANumber", { value: clip(s) })] } : { value: n, problems: [] };
    }
  }
}

/**
 * Turns a profile the checker has already accepted (JSON as people write it:
 * booleans for yes/no, "a;b" lists, null for unknown) into canonical Answers.
 */
export function normalise(obj: Readonly<Record<string, unknown>>, fields: readonly Field[]): Answers {
  const out: Answers = {};
  for (const f of fields) {
    let v = obj[f.id];
    if (v === null || v === undefined) continue;
    if (typeof v === "boolean") v = v ? "yes" : "no";
    if (f.type === "list" && typeof v === "string") v = v.trim() === "none" ? [] : v.split(";");
    if (Array.isArray(v)) {
      const items = v.filter((x): x is string => typeof x === "string").map((x) => x.trim()).filter((x) => x !== "");
      if (f.type === "list") out[f.id] = [...new Set(items)];
    } else if (typeof v === "number") {
      out[f.id] = f.type === "number" || f.type === "integer" ? v : String(v);
    } else if (typeof v === "string") {
      const s = v.trim();
      if (s !== "" && s !== "unknown" && f.type !== "number" && f.type !== "integer") out[f.id] = s;
    }
  }
  return out;
}

/** A CSV cell as the checker's JSON: numbers as numbers, the rest as text it parses. */
export function cellValue(f: Field, cell: string): { value?: Answer; problem?: string } {
  const s = cell.trim();
  if (s === "" || s === "unknown") return {};
  if (f.type === "number" || f.type === "integer") {
    const n = parseNumber(s);
    return n === null ? { problem: msg("notANumber", { value: clip(s) }) } : { value: n };
  }
  return { value: s }; // enum, list ("a;b", "none") and text: the checker validates them
}

export function supplierName(a: Readonly<Record<string, unknown>>): string {
  const n = a["supplier_name"];
  return typeof n === "string" ? n.trim() : "";
}
