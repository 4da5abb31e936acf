// The state of the saved-suppliers page (/check/saved/) and how it changes:
// one object, and pure functions from one state to the next (no DOM,
// storage, checker or clock), so node's test runner checks them without a
// browser. saved-page.ts stores each new list and draws it.
import type { Msg } from "../lib/i18n";
import type { Answers } from "./fragment";
import type { Problem, Scored } from "./protocol";
import { rescoreText } from "./rescore";
import { type Entry, entryName, merge, sameScores, scoresOf } from "./storage";
import { type ExportItem, problemText } from "./transfer";

export type SortKey = "name" | "score" | "band" | "saved";

export interface SavedState {
  readonly entries: readonly Entry[];
  /** Why the stored list cannot be read ("" when it can): it is then never overwritten unasked. */
  readonly damaged: string;
  /** The list before the last delete or import, for Undo (null: nothing to undo). */
  readonly undo: readonly Entry[] | null;
  readonly sort: { readonly key: SortKey; readonly dir: 1 | -1 };
}

export function initialState(): SavedState {
  return { entries: [], damaged: "", undo: null, sort: { key: "saved", dir: -1 } };
}

/** The stored list as read (or why it could not be: then the page shows none). */
export function loaded(s: SavedState, entries: readonly Entry[], damaged = ""): SavedState {
  return { ...s, entries: damaged ? [] : entries, damaged };
}

/** A new list; the old one becomes the undo point when undoable. */
export function replaced(s: SavedState, entries: readonly Entry[], undoable: boolean): SavedState {
  return { ...s, entries, undo: undoable ? s.entries : null };
}

/** Sorting by key: the same column again turns the order round; a new one starts A-Z for names, highest first otherwise. */
export function sortedBy(s: SavedState, key: SortKey): SavedState {
  return { ...s, sort: { key, dir: s.sort.key === key ? (s.sort.dir === 1 ? -1 : 1) : key === "name" ? 1 : -1 } };
}

function sortValue(e: Entry, key: SortKey, bands: readonly string[]): string | number {
  switch (key) {
    case "name": return entryName(e).toLowerCase();
    case "score": return e.score ?? -1;
    case "band": return bands.indexOf(e.band ?? "") * 1000 + (e.score ?? 0);
    default: return e.saved;
  }
}

/** The entries in the order the table shows them (bands: lowest risk first). */
export function sortedEntries(s: SavedState, bands: readonly string[]): Entry[] {
  const { key, dir } = s.sort;
  return [...s.entries].sort((a, b) => {
    const x = sortValue(a, key, bands);
    const y = sortValue(b, key, bands);
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
}

/** Deleting one entry (null when there is no such entry). */
export function deleted(s: SavedState, id: string): { state: SavedState; gone: Entry } | null {
  const gone = s.entries.find((e) => e.id === id);
  return gone ? { state: replaced(s, s.entries.filter((e) => e !== gone), true), gone } : null;
}

/** Delete all: undoable, except for a damaged list (nothing of it could be shown or restored). */
export function deletedAll(s: SavedState): SavedState {
  return s.damaged ? { ...replaced(s, [], false), damaged: "" } : replaced(s, [], true);
}

/** Undo of the last delete or import (null when there is nothing to undo). */
export function undone(s: SavedState): SavedState | null {
  return s.undo ? replaced(s, s.undo, false) : null;
}

/** The entries as the checker read and scored them again (the undo point stays). */
export function rescored(s: SavedState, entries: readonly Entry[]): SavedState {
  return { ...s, entries };
}

/** One entry's notes changed (the undo point stays). */
export function notesEdited(s: SavedState, id: string, notes: string): SavedState {
  return { ...s, entries: s.entries.map((x) => (x.id === id ? { ...x, notes: notes.trim() } : x)) };
}

/** Imported entries merged into the list (same name: replaced in place), undoable. */
export function imported(s: SavedState, incoming: readonly Entry[]): { state: SavedState; added: number; replaced: number } {
  const m = merge(s.entries, incoming);
  return { state: replaced(s, m.entries, true), added: m.added, replaced: m.replaced };
}

/** The name shown for an entry. */
export function shownName(e: Entry, msg: Msg): string {
  return entryName(e) || msg("unnamedSupplier");
}

/** "where: field: problem" for each problem the checker found (named by where, not by a line of stored JSON). */
export function named(where: string, problems: readonly Problem[], msg: Msg): string[] {
  return problems.map((p) => `${where}: ${problemText({ ...p, line: 0 }, msg)}`);
}

/** A checker reply that cannot be kept as it is: the checker's problems, or the answers it refused. */
export function replyProblems(out: Scored | { errors: Problem[] }): readonly Problem[] {
  return "errors" in out ? out.errors : out.refused;
}

export interface Rescored {
  readonly entry: Entry; // the same object when nothing changed
  readonly problems: readonly string[]; // why the checker could not read it (then entry is unchanged)
  readonly note: string; // "scored again with rules vN: …" for an entry from older rules
  readonly changed: boolean; // a score the reader saw before is different now
}

/**
 * An entry after the checker has read and scored it again. An entry the
 * checker cannot read keeps its answers and is named, never dropped.
 */
export function rescoredEntry(e: Entry, out: Scored | { errors: Problem[] }, msg: Msg): Rescored {
  const name = shownName(e, msg);
  const problems = replyProblems(out);
  if ("errors" in out || problems.length) return { entry: e, problems: named(name, problems, msg), note: "", changed: false };
  const fresh = { profile: out.profile as Answers, ...scoresOf(out.result) };
  if (out.rescore && !("errors" in out.rescore)) {
    return { entry: { ...e, ...fresh }, problems: [], note: msg("savedRescored", { name, text: rescoreText(out.rescore, msg) }), changed: true };
  }
  if (JSON.stringify(fresh.profile) === JSON.stringify(e.profile) && sameScores(fresh, e)) return { entry: e, problems: [], note: "", changed: false };
  return { entry: { ...e, ...fresh }, problems: [], note: "", changed: e.score !== undefined };
}

/** The rules version an entry was scored with, to compare with (0: never scored, nothing to compare). */
export function scoredWith(e: Entry): number {
  return e.score === undefined ? 0 : e.rules_version ?? 1; // entries saved before versions existed were v1
}

/** An imported supplier as the checker read and scored it (id, date and notes from the export when it had them). */
export function importedEntry(item: ExportItem, out: Scored, id: string, now: string): Entry {
  return { id: item.id ?? id, saved: item.saved ?? now, notes: item.notes ?? "", profile: out.profile as Answers, ...scoresOf(out.result) };
}
