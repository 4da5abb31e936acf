// Export and import of saved suppliers. Only the envelope of the site's own
// JSON export is read here; every profile, in every file, is decoded by the
// checker (checker.decode), the same code `checker score FILE` runs.
//
// JSON export: the stored document {format, version, suppliers: [...]} with
// notes and dates. CSV export: written by the checker, exactly what the
// command-line checker reads. Imports take either export, or any file the
// command-line checker reads as JSON or CSV.
import type { Msg } from "../lib/i18n";
import type { Problem } from "./protocol";
import { type Entry, FORMAT, VERSION, MAX_NOTES, pack } from "./storage";

/** A file that cannot be imported; problems are plain sentences. */
export class ImportProblem extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems[0] ?? "");
    this.problems = problems;
  }
}

export function toJSON(entries: readonly Entry[]): string {
  return JSON.stringify(pack(entries), null, 2) + "\n";
}

/** One supplier of the site's JSON export, before the checker has read its profile. */
export interface ExportItem {
  where: string; // "entry 2"
  profile: unknown;
  id?: string;
  notes?: string;
  saved?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The suppliers of the site's own JSON export, or null when text is not one
 * (then the checker reads the whole file). Throws ImportProblem for an
 * export this page cannot take (newer version, bad notes or dates).
 */
export function readExport(text: string, msg: Msg): ExportItem[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return null; // the checker says what is wrong with it
  }
  if (!isObject(doc) || doc.format !== FORMAT) return null;
  if (typeof doc.version !== "number" || !Array.isArray(doc.suppliers)) throw new ImportProblem([msg("importForeign")]);
  if (doc.version > VERSION) throw new ImportProblem([msg("importNewer", { n: doc.version })]);
  const problems: string[] = [];
  const items = doc.suppliers.map((item: unknown, i: number): ExportItem => {
    const where = msg("importEntry", { n: i + 1 });
    if (!isObject(item) || !isObject(item.profile)) {
      problems.push(`${where}: ${msg("importForeign")}`);
      return { where, profile: {} };
    }
    const c: ExportItem = { where, profile: item.profile };
    if (typeof item.id === "string" && /^[\w-]{1,64}$/.test(item.id)) c.id = item.id;
    if (item.notes !== undefined) {
      if (typeof item.notes === "string" && item.notes.length <= MAX_NOTES) c.notes = item.notes;
      else problems.push(`${where}: ${msg("importNotes")}`);
    }
    if (item.saved !== undefined) {
      if (typeof item.saved === "string" && !Number.isNaN(Date.parse(item.saved))) c.saved = new Date(item.saved).toISOString();
      else problems.push(`${where}: ${msg("importDate")}`);
    }
    return c;
  });
  if (problems.length) throw new ImportProblem(problems);
  return items;
}

/** A checker problem as the command-line checker prints it, less the file name: "line 3: badges: …". */
export function problemText(p: Problem, msg: Msg): string {
  const text = (p.field ? p.field + ": " : "") + p.problem;
  return p.line > 0 ? msg("importLine", { n: p.line, problem: text }) : text;
}
