// Answers and the share link. Answers is a profile as the checker writes it
// (its canonical JSON): field id -> text, enum value, number, or list of
// values ([] = none of them). A field that is not known is absent.
//
// The share link keeps answers in the URL fragment (#id=value&id=value, list
// values comma-separated, "none" for an empty list), followed by
// rules_version=N, the rules it was made with (links without it were made
// with v1); the fragment never reaches a server. This module only splits and joins the URL: what a value
// means, and whether it is valid, is decided by the checker (checker.link).
// A fragment without "=" is a plain anchor and is left alone.

export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

export function isAnswerFragment(hash: string): boolean {
  return hash.includes("=");
}

/** The fragment key of the rules version; not a question id. */
export const VERSION_KEY = "rules_version";

/** Answers in questionnaire order as a fragment (without the leading #), then the rules version. */
export function toFragment(answers: Readonly<Answers>, fields: readonly string[], rulesVersion?: number): string {
  const p = new URLSearchParams();
  let n = 0;
  for (const id of fields) {
    const v = answers[id];
    if (v === undefined) continue;
    p.append(id, Array.isArray(v) ? (v.length ? v.join(",") : "none") : String(v));
    n++;
  }
  if (rulesVersion !== undefined && n > 0) p.append(VERSION_KEY, String(rulesVersion));
  return p.toString().replace(/%2C/gi, ","); // readable lists: badges=a,b
}

/** Longer fragments are refused whole: no link the site writes comes close. */
export const MAX_FRAGMENT = 8000;

/**
 * The key/value pairs of a fragment, URL-decoded, in order (for the
 * checker to read), or null when it is too long to read.
 */
export function fragmentPairs(hash: string): Array<[string, string]> | null {
  const raw = hash.replace(/^#/, "");
  if (raw.length > MAX_FRAGMENT) return null;
  return Array.from(new URLSearchParams(raw));
}

export interface LinkAnswers {
  pairs: Array<[string, string]>; // the answers, for the checker to read
  version: number; // the rules version the link was made with (1 when it does not say)
  badVersion: string | null; // a rules_version that is not a version, as written
}

/** Takes the first rules_version out of a link's pairs; later ones stay for the checker to name as given twice. */
export function splitVersion(pairs: ReadonlyArray<[string, string]>): LinkAnswers {
  const at = pairs.findIndex(([k]) => k === VERSION_KEY);
  if (at < 0) return { pairs: [...pairs], version: 1, badVersion: null };
  const raw = (pairs[at] as [string, string])[1].trim();
  const rest = pairs.filter((_, i) => i !== at);
  return /^[1-9]\d{0,5}$/.test(raw) ? { pairs: rest, version: Number(raw), badVersion: null } : { pairs: rest, version: 1, badVersion: raw };
}

export function supplierName(a: Readonly<Record<string, unknown>>): string {
  const n = a["supplier_name"];
  return typeof n === "string" ? n.trim() : "";
}
