// Package checker scores how risky a supplier on 1688.com or Alibaba.com
// looks, from a buyer's answers to a short questionnaire. The same code runs
// in the command-line tool, in the site generator and, compiled to
// WebAssembly (checker/wasm), in the browser.
//
// # Rules are data
//
// Everything a buyer sees lives in rules.json: the questions (ids, labels,
// help, allowed values, sections), the rules that turn answers into red
// flags, the positive signs, the next-step actions, the bands and a
// plain-English description of the method. Each rule carries its points,
// severity, title, why it matters, the source document's fact behind it, the
// source key, and the site page that explains it. Conditions are short
// readable text ("claims_factory is yes and employees < 50", see
// condition.go) that doubles as the "when" shown on the site.
//
// The data is validated when the package loads: unknown keys, unknown field
// ids or values, rules that can never match, rules that would score an
// unanswered question, malformed guide links and unknown sources all stop the
// program with the file and line at fault. Whether each guide page and anchor
// exists is checked by the site generator against the built site, using
// GuideLinks. RulesJSON hands the whole rule set to the site templates.
//
// After editing rules.json run `go generate ./checker`: rules_data.go carries
// the file into the binary, because the embed package would pull io/fs and
// time into the WebAssembly build (37 KB brotli against a 550 KB goal).
//
// # Versions
//
// The rules data carries a version, raised whenever scoring can change, its
// date and a changelog (newest first). Every Result carries RulesVersion.
// Earlier versions stay in history/ (carried into the binary the same way),
// so ScoreAgain can score a profile with the rules an old share link or
// saved supplier was made with and with the current ones, and say which
// findings came or went. To release a version: copy rules.json to
// history/rules-vN.json with its go:generate line in history.go (and its
// entry in historyTexts), raise "version" and "date", add the changelog
// entry, run `go generate`. The browser's copies leave out the texts only
// the site's templates read: facts, locators, help, labels and the method
// (internal/rulestext). With -history, an earlier version's copy also drops
// the why and action texts, which a re-scored result never shows; that pays
// only when they differ from the current rules' texts (v1), because brotli
// stores texts the current rules share (v2) as cheap back-references.
// The wasm's brotli size also moves with line numbers in code files (they
// are in the binary's line table): measure after any edit to them.
//
// # Improvements
//
// Questions whose answer the buyer controls (how and whom to pay, contract,
// samples, inspection, factory check, tracking) name an "improve" target, one
// of their safest values. Score re-scores the profile with each such answer
// changed to its target and lists up to three that lower the score most.
// Only that question's table row changes, and only the rules that read that
// question can change, so this costs a few bit operations per question
// rather than a full scoring; a Scorer skips it for outputs that do not
// show improvements (Scorer.NoImprovements).
//
// An unanswered question normally sets nothing. The platform is the one
// exception ("unanswered_as"): store age is judged against the platform's
// benchmark, and an unknown platform is held to the strictest one.
//
// # Scoring
//
// Each matching rule adds its points; each positive sign subtracts its
// points, but positives cancel at most half the red-flag points, so adding a
// finding always raises the score (until it reaches the cap of 100). The band
// comes from the score, raised to the severity of the worst finding, and to
// at least moderate when less than half of what matters was answered. A
// Result carries that explanation (RedPoints, OffPoints, ScoreBand,
// BandReason, BandBy), so no caller works it out again, and Bands names the
// bands in order. What is known is reported apart from the risk: Known of
// KnownOf counts the answered questions that matter most (weight 2), so a
// thin profile that scores 0 does not read like a verdict.
//
// Some figures are worked out by the checker rather than answered
// (derived.go): money_at_risk_usd is order_value_usd × deposit_percent / 100,
// known when both are answered. Rules compare it like a number
// ("money_at_risk_usd >= 50000"), and the site's templates only read those
// rules; no caller computes it again.
//
// # One entity behind every document
//
// Facts are read from the documents the buyer copied (facts.go, entity.go):
// uscc_entity (the kind of entity the licence's code was issued to),
// contract_uscc_match (the contract's code against the licence's) and
// name_mismatches (which of the payee, the contract and the seal names a
// lookalike of, another name than, or a name not comparable with the
// licence's or the contract's, by internal/names). Rules test them with is
// and has ("name_mismatches has payee_lookalike"). A reassuring judgement
// the documents contradict (payee contract_company, license_matches_registry
// yes) is set aside: scored as not answered, and the result's Entity says
// which and why. Only reassuring answers are set aside, so a document left
// out never adds a finding. The new fields weigh 0 in confidence, so results
// made before v4 keep theirs. Unanswered questions never add points. Rules only compare an answer with
// fixed values or thresholds, and every value carries a risk rank, so the
// tests can check that a riskier answer never lowers the score.
//
// At load, conditions are compiled into one table per question that says
// which clauses each possible answer satisfies, so scoring a profile is a
// few table lookups and bit tests (condition.go). Score is safe for
// concurrent use; a Scorer reuses memory across profiles for batch work.
//
// # Inputs
//
// Profile holds answers by question id; its zero value is "nothing known".
// The question schema is in question.go, the value rules in value.go.
// ReadJSON (and DecodeJSON, which collects) reads JSON; checker/profiles
// reads YAML and CSV with the same value rules (SetValue, SetField), so the
// command line and the browser accept and reject the same profiles. In a
// file, a profile with nothing answered is a problem ("profile 3: no
// answers; nothing to score"), not a result (Problems.CheckAnswered).
// DecodeProfile reads one object leniently for the browser's pages, which
// reach this package through checker/browser only. Every
// decoder places problems as "file:line: field: problem (allowed: …)", with
// a suggestion for typos, and never panics on bad input.
//
// Hostile input costs bounded work: lists are decoded and handed over one
// profile at a time; problems go to a Problems as they are found, and past
// its limit they are only counted (no message, no suggestion is built);
// quoted values are clipped to 80 characters; suggestions are only computed
// for words short enough to be typos. DecodeText accepts UTF-8 with or
// without a byte order mark, UTF-16 with one, and CR-only line endings.
// Text answers may not hold NUL or bytes that are not UTF-8.
//
// # Output that cannot be hijacked
//
// Every message and report shows input text through Printable or quote,
// which escape control characters (so ANSI escape sequences and line breaks
// cannot rewrite a terminal or forge a line) and invisible ones (a
// zero-width space reads \u200b, a bidi override \u202e). CSV output puts a
// single quote before any cell a spreadsheet would run as a formula (first
// character =, +, -, @, tab or CR, after any single quotes), and the CSV
// reader removes exactly that quote (NeutraliseCell, RestoreCell), so a
// value survives export, a spreadsheet and import unchanged. EncodeCSV is
// the CSV export for the browser.
//
// # Why no encoding/json, fmt or YAML here
//
// The browser build has a budget of 700 KB brotli (goal 550 KB). The Go
// runtime and syscall/js alone take about 440 KB; encoding/json would add
// about 65 KB, fmt and os about 55 KB, a YAML parser about 170 KB. So this
// package reads and writes JSON with small hand-written code (jsonread.go,
// jsonwrite.go) that also records line numbers, and the YAML and CSV readers
// live in checker/profiles, which only the command-line tool imports.
package checker
