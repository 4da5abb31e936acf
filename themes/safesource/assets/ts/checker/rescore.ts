// The sentence shown when a share link or saved supplier made with older
// rules is scored again: "Scored again with rules v2: 62 → 71, because …".
// The comparison itself (old rules, new rules, findings that came or went)
// is done by the checker (checker.ScoreAgain).
import { msg } from "./config";
import type { Rescore } from "./wasm";

export function rescoreText(r: Rescore): string {
  const reasons = [
    ...r.added.map((f) => msg("rescoreAdded", { title: f.title })),
    ...r.removed.map((f) => msg("rescoreRemoved", { title: f.title })),
  ];
  const vars = { version: r.to_version, from: r.from_version, before: r.score_before, after: r.score_after };
  if (reasons.length) return msg("rescoredWith", { ...vars, reasons: reasons.join("; ") });
  if (r.score_before !== r.score_after || r.band_before !== r.band_after) {
    return msg("rescoredWith", { ...vars, reasons: r.changes.join(" ") });
  }
  return msg("rescoredSame", vars);
}
