// Typo matching. The indexer files every word of the index under the keys
// of typoKeys (generator/internal/searchindex/typo.go does the same; both
// are checked against generator/internal/searchindex/testdata/typokeys.json),
// so a misspelt query word needs only the few small files holding its keys.
// The engine fetches those files; which of their words to try, and how
// much each counts, is decided here (correctionsFor).
import { stem } from "./tokenize";

/** Corrections tried per misspelt word. */
export const TYPO_LIMIT = 3;

/** Weights of a misspelt word's corrections, by edit distance: below any exact match of the same strength. */
export const TYPO_WEIGHT: readonly number[] = [1, 0.5, 0.35];

/** A typo file of the index: typo key → the index's words (before stemming) filed under it, most common first. */
export interface TypoFile {
  k: Record<string, string[]>;
}

/** Words of Latin letters a–z, three or more: the only ones with typo keys. */
export function isTypoWord(w: string): boolean {
  return /^[a-z]{3,}$/.test(w);
}

/**
 * The two-letter strings left by deleting one of the first three letters:
 * one wrong, missing, extra or swapped letter near the start of a word
 * still leaves one of them in common with the intended word.
 */
export function typoKeys(w: string): string[] {
  if (!isTypoWord(w)) return [];
  const p = w.slice(0, 3);
  return [...new Set([p.slice(1, 3), p[0]! + p[2]!, p.slice(0, 2)])].sort();
}

/** How far a word may be from the one meant: 1 for short words, 2 from six letters. */
export function maxTypoDistance(w: string): number {
  return w.length >= 6 ? 2 : w.length >= 3 ? 1 : 0;
}

/**
 * Edit distance with adjacent swaps counted as one edit (optimal string
 * alignment), or max + 1 as soon as it must exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

export interface Correction {
  word: string;
  distance: number;
}

/**
 * The words of candidates (most common first) within the allowed distance
 * of w, nearest first, then most common; at most limit.
 */
export function corrections(w: string, candidates: Iterable<string>, limit: number): Correction[] {
  const max = maxTypoDistance(w);
  const out: Correction[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c) || c === w) continue;
    seen.add(c);
    const d = editDistance(w, c, max);
    if (d <= max) out.push({ word: c, distance: d });
  }
  // A stable sort keeps the commonest first among equal distances.
  return out.sort((a, b) => a.distance - b.distance).slice(0, limit);
}

/** A correction to look up: the word, its index term and its weight. */
export interface CorrectionTerm {
  word: string;
  term: string;
  weight: number;
}

/**
 * The corrections to look up for a misspelt word w (whose own term is
 * term): the words filed under w's typo keys in files, nearest first, then
 * most common (at most TYPO_LIMIT), each with its stem, weighted by its
 * distance; once per term (the nearer word keeps it). The word's own term
 * is no correction.
 */
export function correctionsFor(w: string, term: string, files: readonly TypoFile[]): CorrectionTerm[] {
  const candidates: string[] = [];
  for (const k of typoKeys(w)) for (const f of files) candidates.push(...(f.k[k] ?? []));
  const out: CorrectionTerm[] = [];
  for (const c of corrections(w, candidates, TYPO_LIMIT)) {
    const t = stem(c.word);
    if (t !== term && !out.some((o) => o.term === t)) out.push({ word: c.word, term: t, weight: TYPO_WEIGHT[c.distance] ?? 0 });
  }
  return out;
}
