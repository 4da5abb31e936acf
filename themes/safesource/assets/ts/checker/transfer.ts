// Export and import of saved suppliers. CSV is exactly what the command-line
// checker reads (`checker score suppliers.csv`): a header row of field ids,
// one supplier per row, list values separated by ";", "none" for an empty
// list, quoting per RFC 4180. JSON is the stored document with notes and
// dates; a JSON profile or list of profiles (the CLI's JSON input) imports too.
// Parsing only produces candidates: the caller validates each one with the
// checker itself and imports all or nothing.
import { type Config, type Field, msg, clip } from "./config";
import { type Answers, cellValue } from "./profile";
import { type Entry, FORMAT, VERSION, MAX_NOTES, pack } from "./storage";

/** A file that cannot be imported; problems are plain sentences. */
export class ImportProblem extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems[0] ?? "");
    this.problems = problems;
  }
}

export interface Candidate {
  where: string; // "row 3", "entry 2": where the reader finds it in the file
  profile: unknown; // checked by the checker before anything is stored
  problems?: string[]; // found while reading (a cell that is not a number)
  id?: string;
  notes?: string;
  saved?: string;
}

// --- CSV ---------------------------------------------------------------

interface Row {
  line: number;
  cells: string[];
}

/** RFC 4180 records, read like Go's encoding/csv with TrimLeadingSpace (as the CLI does). */
export function parseCSV(text: string): Row[] {
  const s = text.replace(/^\uFEFF/, "");
  const rows: Row[] = [];
  let i = 0;
  let line = 1;
  while (i < s.length) {
    if (s[i] === "\n" || (s[i] === "\r" && s[i + 1] === "\n")) { // empty line: skipped
      i += s[i] === "\r" ? 2 : 1;
      line++;
      continue;
    }
    const row: Row = { line, cells: [] };
    for (;;) {
      while (s[i] === " " || s[i] === "\t") i++;
      let cell = "";
      if (s[i] === '"') {
        const start = line;
        i++;
        for (;;) {
          if (i >= s.length) throw new ImportProblem([msg("csvUnclosed", { line: start })]);
          const c = s[i] as string;
          if (c === '"') {
            if (s[i + 1] === '"') { cell += '"'; i += 2; continue; }
            i++;
            break;
          }
          if (c === "\n") line++;
          if (!(c === "\r" && s[i + 1] === "\n")) cell += c;
          i++;
        }
        if (i < s.length && s[i] !== "," && s[i] !== "\n" && !(s[i] === "\r" && s[i + 1] === "\n")) {
          throw new ImportProblem([msg("csvQuote", { line })]);
        }
      } else {
        while (i < s.length && s[i] !== "," && s[i] !== "\n" && !(s[i] === "\r" && s[i + 1] === "\n")) {
          if (s[i] === '"') throw new ImportProblem([msg("csvQuote", { line })]);
          cell += s[i];
          i++;
        }
      }
      row.cells.push(cell);
      if (s[i] === ",") { i++; continue; }
      if (s[i] === "\r") i++;
      if (s[i] === "\n") { i++; line++; }
      break;
    }
    rows.push(row);
  }
  return rows;
}

function csvCell(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function cellText(v: Answers[string] | undefined): string {
  if (v === undefined) return "";
  if (Array.isArray(v)) return v.length ? v.join(";") : "none";
  return String(v);
}

export function toCSV(entries: readonly Entry[], fields: readonly Field[]): string {
  const lines = [fields.map((f) => f.id).join(",")];
  for (const e of entries) lines.push(fields.map((f) => csvCell(cellText(e.profile[f.id]))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n"; // the BOM lets spreadsheets read Chinese names; the CLI skips it
}

export function csvCandidates(text: string, cfg: Config): Candidate[] {
  const rows = parseCSV(text);
  const head = rows[0];
  if (!head) throw new ImportProblem([msg("importEmpty")]);
  const problems: string[] = [];
  const columns: Field[] = [];
  const seen = new Set<string>();
  head.cells.forEach((raw, i) => {
    const name = raw.trim();
    const f = cfg.byId.get(name);
    if (seen.has(name)) problems.push(msg("csvDuplicateColumn", { name: clip(name, 40) }));
    else if (!f) problems.push(msg("csvUnknownColumn", { n: i + 1, name: clip(name, 40), allowed: cfg.fields.map((x) => x.id).join(", ") }));
    seen.add(name);
    if (f) columns.push(f);
  });
  if (problems.length) throw new ImportProblem(problems);
  if (rows.length === 1) throw new ImportProblem([msg("importNoRows")]);
  const out: Candidate[] = [];
  for (const row of rows.slice(1)) {
    const where = msg("importRow", { n: row.line });
    if (row.cells.length !== columns.length) {
      problems.push(msg("csvCells", { row: row.line, got: row.cells.length, want: columns.length }));
      continue;
    }
    const profile: Record<string, unknown> = {};
    const cellProblems: string[] = [];
    columns.forEach((f, i) => {
      const r = cellValue(f, row.cells[i] ?? "");
      if (r.problem) cellProblems.push(`${where}, ${f.id}: ${r.problem}`);
      else if (r.value !== undefined) profile[f.id] = r.value;
    });
    out.push({ where, profile, problems: cellProblems });
  }
  if (problems.length) throw new ImportProblem(problems);
  return out;
}

// --- JSON --------------------------------------------------------------

export function toJSON(entries: readonly Entry[]): string {
  return JSON.stringify(pack(entries), null, 2) + "\n";
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function jsonCandidates(text: string, cfg: Config): Candidate[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new ImportProblem([msg("importBadJSON", { error: e instanceof Error ? e.message : String(e) })]);
  }
  let out: Candidate[];
  if (isObject(doc) && "format" in doc) {
    if (doc.format !== FORMAT || typeof doc.version !== "number" || !Array.isArray(doc.suppliers)) throw new ImportProblem([msg("importForeign")]);
    if (doc.version > VERSION) throw new ImportProblem([msg("importNewer", { n: doc.version })]);
    const problems: string[] = [];
    out = doc.suppliers.map((item: unknown, i: number): Candidate => {
      const where = msg("importEntry", { n: i + 1 });
      if (!isObject(item) || !isObject(item.profile)) {
        problems.push(`${where}: ${msg("importForeign")}`);
        return { where, profile: {} };
      }
      const c: Candidate = { where, profile: item.profile };
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
  } else {
    const list = Array.isArray(doc) ? doc : [doc];
    out = list.map((profile: unknown, i: number) => ({ where: msg("importEntry", { n: i + 1 }), profile }));
    // Nothing that even looks like a profile: say so rather than list every key.
    const looksLike = out.some((c) => isObject(c.profile) && Object.keys(c.profile).some((k) => cfg.byId.has(k)));
    if (!looksLike) throw new ImportProblem([msg("importForeign")]);
  }
  if (!out.length) throw new ImportProblem([msg("importEmpty")]);
  return out;
}
