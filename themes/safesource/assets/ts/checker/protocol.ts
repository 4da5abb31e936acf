// Messages between the page and the checker's Web Worker (worker.ts), and
// the shapes of what the checker returns. Types only: no code runs here.

export interface Finding {
  id: string;
  severity: string;
  points: number;
  title: string;
  why: string;
  guide: string;
}

export interface Action {
  id: string;
  text: string;
  guide: string;
}

export interface USCCResult {
  code: string;
  valid: boolean;
  error: string;
  province: string;
}

/** What a valid credit code says of its holder (checker USCCResult.AppendDecodedJSON). */
export interface DecodedUSCC extends USCCResult {
  authority: string;
  entity_type: string;
  area_code: string;
  summary: string;
}

/** One document the buyer copied a name or code from, and how it compares. */
export interface EntityDocument {
  document: string; // licence, contract, seal, payee, contract_code
  field: string;
  value: string;
  match: string; // reference, same, lookalike, different, not_comparable, not_compared
  compared_with: string;
}

/** A judgement answer the typed documents overrode, and why. */
export interface SetAside {
  question: string;
  answer: string;
  reason: string;
}

/** The result's entity section: the licence's code and the documents compared. */
export interface Entity {
  uscc: DecodedUSCC | null;
  documents: EntityDocument[];
  bank_country: string;
  set_aside: SetAside[];
}

/** An answer the buyer can still change and the score the profile would then have. */
export interface Improvement {
  question: string;
  answer: string;
  score_after: number;
  guide: string;
}

export interface Result {
  score: number;
  band: string;
  confidence: number;
  known: number; // answered questions that matter most
  known_of: number; // of how many
  rules_version: number;
  findings: Finding[];
  positives: Finding[];
  actions: Action[];
  improvements: Improvement[];
  uscc?: USCCResult;
  entity?: Entity;
}

/** A profile scored with the rules of an older version and with the current ones. */
export interface Rescore {
  from_version: number;
  to_version: number;
  score_before: number;
  band_before: string;
  score_after: number;
  band_after: string;
  added: Array<Pick<Finding, "id" | "severity" | "points" | "title">>;
  removed: Array<Pick<Finding, "id" | "severity" | "points" | "title">>;
  changes: string[];
  result: Result;
}

/** One problem with an input, placed as the checker places it (line 0: no line). */
export interface Problem {
  line: number;
  field: string;
  problem: string;
}

/**
 * A profile read and scored in one call: what the checker read (canonical
 * JSON), its result, the answers it refused and left out (each named), and,
 * for a profile scored before with older rules, what changed since (or why
 * that version cannot be compared).
 */
export interface Scored {
  profile: Record<string, unknown>;
  result: Result;
  refused: Problem[];
  rescore?: Rescore | { errors: Problem[] };
}

/** Every profile in a file (canonical JSON objects) and every problem in it. */
export interface DecodedFile {
  profiles: Array<Record<string, unknown>>;
  errors: Problem[];
}

/** A share link's answers: what is valid, and what was left out. */
export interface DecodedLink {
  profile: Record<string, unknown>;
  errors: Problem[];
}

export interface Calls {
  /** fromVersion: the rules version the profile was scored with before (a saved supplier, a link), or 0. */
  score: { args: [profile: unknown, fromVersion?: number]; value: Scored | { errors: Problem[] } };
  decode: { args: [name: string, bytes: Uint8Array]; value: DecodedFile };
  link: { args: [pairs: Array<[string, string]>]; value: DecodedLink };
  csv: { args: [profiles: unknown[]]; value: { csv: string } | { errors: Problem[] } };
}
export type Op = keyof Calls;

export type Request = { type: "start"; wasm: string; integrity: string } | { type: "call"; id: number; op: Op; args: unknown[] };

export type Reply =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | { type: "done"; id: number; value: unknown }
  | { type: "error"; id: number; error: string };
