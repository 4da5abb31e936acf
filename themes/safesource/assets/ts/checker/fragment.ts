// Answers and the share link. Answers is a profile as the checker writes it
// (its canonical JSON): field id -> text, enum value, number, or list of
// values ([] = none of them). A field that is not known is absent.
//
// The share link keeps answers in the URL fragment (#id=value&id=value, list
// values comma-separated, "none" for an empty list); the fragment never
// reaches a server. This module only splits and joins the URL: what a value
// means, and whether it is valid, is decided by the checker (checker.link).
// A fragment without "=" is a plain anchor and is left alone.

export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

export function isAnswerFragment(hash: string): boolean {
  return hash.includes("=");
}

/** Answers in questionnaire order as a fragment (without the leading #). */
export function toFragment(answers: Readonly<Answers>, fields: readonly string[]): string {
  const p = new URLSearchParams();
  for (const id of fields) {
    const v = answers[id];
    if (v === undefined) continue;
    p.append(id, Array.isArray(v) ? (v.length ? v.join(",") : "none") : String(v));
  }
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

export function supplierName(a: Readonly<Record<string, unknown>>): string {
  const n = a["supplier_name"];
  return typeof n === "string" ? n.trim() : "";
}
