// ISO 2859-1 (ANSI/ASQ Z1.4) single sampling for normal inspection, read
// from the one table in data/aql.json (the page hands it over as JSON): the
// sample size code letter for a lot size and inspection level (Table 1),
// then for each AQL the plan of Table 2-A, following the table's arrows
// where a cell has no plan of its own.

export interface LotRange {
  readonly min: number;
  readonly max: number | null;
  readonly letters: readonly string[];
}

export interface LetterRow {
  readonly n: number;
  /** One cell per AQL, in the order of Table.aqls: "Ac/Re", "up" or "down". */
  readonly plans: readonly string[];
}

export interface Table {
  readonly levels: readonly string[];
  readonly default_level: string;
  readonly code_letters: readonly LotRange[];
  readonly aqls: readonly string[];
  readonly default_aqls: readonly string[];
  readonly plans: Readonly<Record<string, LetterRow>>;
}

export interface Plan {
  readonly aql: string;
  /** The code letter Table 1 gives for the lot size and level. */
  readonly tableLetter: string;
  /** The code letter whose plan applies, after following arrows; null when the arrow leads off the table. */
  readonly letter: string | null;
  readonly sampleSize: number | null;
  readonly accept: number | null;
  readonly reject: number | null;
  /** "up" or "down" when an arrow was followed; null when the cell holds the plan. */
  readonly arrow: "up" | "down" | null;
  /** True when the sample is at least as large as the lot. */
  readonly wholeLot: boolean;
}

/** The sample size code letter for a lot size (a whole number ≥ 2) and an inspection level, or null. */
export function codeLetter(table: Table, lotSize: number, level: string): string | null {
  const col = table.levels.indexOf(level);
  if (col < 0 || !Number.isInteger(lotSize) || lotSize < 2) return null;
  const range = table.code_letters.find((r) => lotSize >= r.min && (r.max === null || lotSize <= r.max));
  return range?.letters[col] ?? null;
}

/** The letters of Table 2-A from the smallest sample to the largest. */
function letterOrder(table: Table): string[] {
  return Object.keys(table.plans).sort((a, b) => table.plans[a]!.n - table.plans[b]!.n);
}

const CELL = /^(\d+)\/(\d+)$/;

/** The plan for one AQL, starting at a code letter and following the arrows. */
export function planFor(table: Table, letter: string, aql: string, lotSize: number): Plan | null {
  const col = table.aqls.indexOf(aql);
  const order = letterOrder(table);
  let row = order.indexOf(letter);
  if (col < 0 || row < 0) return null;
  let arrow: "up" | "down" | null = null;
  for (let guard = 0; guard <= order.length; guard++) {
    const cell = table.plans[order[row]!]!.plans[col] ?? "";
    const m = CELL.exec(cell);
    if (m) {
      const n = table.plans[order[row]!]!.n;
      return { aql, tableLetter: letter, letter: order[row]!, sampleSize: n, accept: Number(m[1]), reject: Number(m[2]), arrow, wholeLot: n >= lotSize };
    }
    if (cell !== "up" && cell !== "down") return null;
    arrow ??= cell;
    row += cell === "up" ? -1 : 1;
    if (row < 0 || row >= order.length) break;
  }
  return { aql, tableLetter: letter, letter: null, sampleSize: null, accept: null, reject: null, arrow, wholeLot: false };
}

/** Every plan for a lot size and level, one per AQL asked for (all the table's AQLs by default). */
export function plans(table: Table, lotSize: number, level: string, aqls: readonly string[] = table.aqls): Plan[] {
  const letter = codeLetter(table, lotSize, level);
  if (letter === null) return [];
  return aqls.map((a) => planFor(table, letter, a, lotSize)).filter((p): p is Plan => p !== null);
}

/** Reads a lot size typed by a person: a whole number of at least 2, spaces or commas allowed between digits. */
export function parseLotSize(text: string): number | null {
  const t = text.trim().replace(/[\s,\u00a0\u202f]/g, "");
  if (!/^\d{1,12}$/.test(t)) return null;
  const n = Number(t);
  return n >= 2 ? n : null;
}
