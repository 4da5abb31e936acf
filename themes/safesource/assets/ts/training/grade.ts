// The answer key a case page carries (written at build time from the
// checker's rules) and the comparison of a trainee's answer with it. No
// scoring happens here: the key already holds what the rules found.

/** A band name, as the checker's rules give them (the page's band choices). */
export type Band = string;

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly guide: string;
}

export interface AnswerKey {
  readonly slug: string;
  readonly band: Band;
  readonly score: number;
  readonly findings: readonly Rule[];
  readonly options: readonly Rule[];
  readonly profile: Readonly<Record<string, string | number | string[]>>;
}

export interface Grade {
  readonly slug: string;
  readonly caught: string[];
  readonly missed: string[];
  readonly falseAlarms: string[];
  readonly chosenBand: string;
  readonly expectedBand: Band;
  readonly bandCorrect: boolean;
}

function isRule(x: unknown): x is Rule {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.id === "string" && typeof r.title === "string" && typeof r.guide === "string";
}

/**
 * The band names the page offers, lowest first: the exercise renders one
 * choice per band of the checker's rules, so no band list lives here.
 */
export function pageBands(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll<HTMLInputElement>('input[name="band"]'), (i) => i.value);
}

/** Reads the JSON key of one exercise; null when it is missing or damaged. */
export function readKey(root: ParentNode): AnswerKey | null {
  const el = root.querySelector("script[data-answer-key]");
  if (!el?.textContent) return null;
  let data: unknown;
  try {
    data = JSON.parse(el.textContent);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.slug !== "string" || typeof d.band !== "string" || !pageBands(root).includes(d.band)) return null;
  const findings = Array.isArray(d.findings) ? d.findings.filter(isRule) : [];
  const options = Array.isArray(d.options) ? d.options.filter(isRule) : [];
  const profile = typeof d.profile === "object" && d.profile !== null ? (d.profile as AnswerKey["profile"]) : {};
  return { slug: d.slug, band: d.band as Band, score: Number(d.score) || 0, findings, options, profile };
}

/** Compares the ticked rule ids and the chosen band with the key. */
export function grade(key: AnswerKey, ticked: readonly string[], chosenBand: string): Grade {
  const expected = new Set(key.findings.map((f) => f.id));
  const picked = new Set(ticked);
  return {
    slug: key.slug,
    caught: key.findings.filter((f) => picked.has(f.id)).map((f) => f.id),
    missed: key.findings.filter((f) => !picked.has(f.id)).map((f) => f.id),
    falseAlarms: key.options.filter((o) => picked.has(o.id) && !expected.has(o.id)).map((o) => o.id),
    chosenBand,
    expectedBand: key.band,
    bandCorrect: chosenBand === key.band,
  };
}
