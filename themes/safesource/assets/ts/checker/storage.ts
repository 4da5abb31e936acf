// Saved suppliers in this browser's localStorage. The stored value is the
// same document as the JSON export: {format, version, suppliers: [...]}.
// A supplier is identified by its name: saving or importing the same name
// updates the entry. Nothing here ever leaves the browser.
//
// Profiles are stored as the checker writes them (canonical JSON); the saved
// page passes each one through the checker again when it loads. Lists saved
// by earlier versions of the page may hold "unknown", which meant "not
// known": migrate() repairs them when the list is read, and the repaired
// list is written back with the next change.
import { errorText as reason } from "../lib/errors";
import { type Answers, supplierName } from "./fragment";
import type { Result } from "./protocol";

/** The result an entry keeps from when it was last scored (the saved page re-scores on load). */
export interface Scores {
  score: number;
  band: string;
  confidence: number;
  findings: string[]; // the findings' titles
  rules_version: number; // of the rules behind score..findings; absent before v2, so read as 1
}

export interface Entry extends Partial<Scores> {
  id: string;
  saved: string; // ISO date and time
  notes: string;
  profile: Answers;
}

/** The fields of Scores, taken from a result. */
export function scoresOf(r: Result): Scores {
  return { score: r.score, band: r.band, confidence: r.confidence, findings: r.findings.map((f) => f.title), rules_version: r.rules_version };
}

/** Whether two entries hold the same scores (both unscored counts as the same). */
export function sameScores(a: Partial<Scores>, b: Partial<Scores>): boolean {
  return a.score === b.score && a.band === b.band && a.confidence === b.confidence &&
    a.findings?.join("\n") === b.findings?.join("\n") && a.rules_version === b.rules_version;
}

export const FORMAT = "safesource-saved";
export const VERSION = 1;
export const MAX_NOTES = 2000;
const KEY = "safesource-saved";

/** Storage is blocked or full, or (damaged) holds something this page cannot read. */
export class StorageProblem extends Error {
  readonly damaged: boolean;
  constructor(message: string, damaged = false) {
    super(message);
    this.damaged = damaged;
  }
}

export function isAnswers(v: unknown): v is Answers {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x)) ||
    (Array.isArray(x) && x.every((i) => typeof i === "string")));
}

function isEntry(v: unknown): v is Entry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === "string" && typeof e.saved === "string" && typeof e.notes === "string" && isAnswers(e.profile);
}

export function readStore(): Entry[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch (e) {
    throw new StorageProblem(reason(e));
  }
  return parseStore(raw);
}

/** The entries of a stored list (null: nothing stored), migrated; throws StorageProblem (damaged) for anything else. */
export function parseStore(raw: string | null): Entry[] {
  if (raw === null) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    throw new StorageProblem(reason(e), true);
  }
  const d = doc as { format?: unknown; version?: unknown; suppliers?: unknown };
  if (typeof doc !== "object" || doc === null || d.format !== FORMAT || d.version !== VERSION || !Array.isArray(d.suppliers)) {
    throw new StorageProblem(`not a ${FORMAT} version ${VERSION} list`, true);
  }
  const bad = d.suppliers.findIndex((e) => !isEntry(e));
  if (bad >= 0) throw new StorageProblem(`entry ${bad + 1} is malformed`, true);
  return migrate(d.suppliers as Entry[]);
}

/**
 * Repairs entries written by earlier versions of the page: a list answer
 * "unknown" (stored as ["unknown"] from an import of {"badges":"unknown"})
 * means "not known" and is removed; every other value is kept as it is.
 * Entries that need nothing are returned unchanged (the same objects).
 */
export function migrate(entries: readonly Entry[]): Entry[] {
  return entries.map((e) => {
    const lists = Object.entries(e.profile).filter(([, v]) => Array.isArray(v) && v.includes("unknown"));
    if (!lists.length) return e;
    const profile: Answers = { ...e.profile };
    for (const [id, v] of lists) {
      const kept = (v as string[]).filter((x) => x !== "unknown");
      if (kept.length) profile[id] = kept;
      else delete profile[id];
    }
    return { ...e, profile };
  });
}

export function pack(entries: readonly Entry[]): { format: string; version: number; suppliers: readonly Entry[] } {
  return { format: FORMAT, version: VERSION, suppliers: entries };
}

export function writeStore(entries: readonly Entry[]): void {
  try {
    if (entries.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(pack(entries)));
  } catch (e) {
    throw new StorageProblem(reason(e));
  }
}

export function entryName(e: Entry): string {
  return supplierName(e.profile);
}

const sameName = (a: Entry, b: Entry): boolean => {
  const n = entryName(a).toLowerCase();
  return n !== "" && n === entryName(b).toLowerCase();
};

/**
 * Adds entries to a list; one with the name of an existing entry replaces it
 * in place (keeping its notes when the new one has none).
 */
export function merge(list: readonly Entry[], incoming: readonly Entry[]): { entries: Entry[]; added: number; replaced: number } {
  const entries = [...list];
  let added = 0;
  let replaced = 0;
  for (const e of incoming) {
    const i = entries.findIndex((x) => x.id === e.id || sameName(x, e));
    if (i < 0) {
      entries.push(e);
      added++;
    } else {
      const old = entries[i] as Entry;
      entries[i] = { ...e, id: old.id, notes: e.notes || old.notes };
      replaced++;
    }
  }
  return { entries, added, replaced };
}

export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
