// Saved suppliers in this browser's localStorage. The stored value is the
// same document as the JSON export: {format, version, suppliers: [...]}.
// A supplier is identified by its name: saving or importing the same name
// updates the entry. Nothing here ever leaves the browser.
import { type Answers, supplierName } from "./profile";

export interface Entry {
  id: string;
  saved: string; // ISO date and time
  notes: string;
  profile: Answers;
  // The result when last scored; the saved page re-scores on load.
  score?: number;
  band?: string;
  confidence?: number;
  findings?: string[];
  rules_version?: number; // of the rules behind score..findings; absent before v2, so read as 1
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

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
  return d.suppliers as Entry[];
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
