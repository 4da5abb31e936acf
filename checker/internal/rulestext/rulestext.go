// Package rulestext derives the rules data the WebAssembly build carries
// from checker/rules.json. The browser scores, explains findings and shows
// what changed between versions, but it never shows a rule's cited fact or
// locator, a question's help, any label or the method text: the site renders those at
// build time from the native checker. Leaving them empty in the browser's
// copy keeps about 6 KB (brotli) out of the wasm.
package rulestext

import "regexp"

// browserOnlyBlank matches the value of every field the browser never reads,
// each written on its own line as rules.json is, so the browser's copy keeps
// the line numbers of the original.
var browserOnlyBlank = regexp.MustCompile(`(?m)^(\s*"(?:fact|locator|help|method)":\s*)"(?:[^"\\\n]|\\.)*"`)

// labelBlank matches every "label" value, wherever it sits on a line
// (values list theirs inline). The questionnaire, the band names and every
// label are rendered at build time from the native checker; the browser
// never shows one. Inside a JSON string a quote is escaped, so a key cannot
// match there.
var labelBlank = regexp.MustCompile(`("label":\s*)"(?:[^"\\\n]|\\.)*"`)

// indent is the whitespace that starts a line: JSON does not need it, and
// dropping it keeps every line where it was (0.8 KB brotli of the wasm
// across the three copies it carries).
var indent = regexp.MustCompile(`(?m)^[ \t]+`)

// ForBrowser returns rules data with the fields the browser never reads
// emptied and the indentation dropped; every value the scoring and the
// results read is kept byte for byte.
func ForBrowser(data []byte) []byte {
	blanked := labelBlank.ReplaceAll(browserOnlyBlank.ReplaceAll(data, []byte(`${1}""`)), []byte(`${1}""`))
	return indent.ReplaceAll(blanked, nil)
}

// historyOnlyMark matches the texts an earlier version's copy never shows,
// each on its own line: why a finding matters and what an action says. When
// a saved result is scored again, the browser shows the old score and band
// and the titles of the findings that came or went; every other text comes
// from the current rules.
var historyOnlyMark = regexp.MustCompile(`(?m)^(\s*"(?:why|text)":\s*)"(?:[^"\\\n]|\\.)*"`)

// ForBrowserHistory is ForBrowser for an earlier version kept for scoring
// again (checker/history): it also replaces the texts historyOnlyMark names
// with "-", which the loader takes as present.
func ForBrowserHistory(data []byte) []byte {
	return historyOnlyMark.ReplaceAll(ForBrowser(data), []byte(`${1}"-"`))
}
