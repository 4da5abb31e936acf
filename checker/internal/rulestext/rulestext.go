// Package rulestext derives the rules data the WebAssembly build carries
// from checker/rules.json. The browser scores, explains findings and shows
// what changed between versions, but it never shows a rule's cited fact or
// locator, a question's help or the method text: the site renders those at
// build time from the native checker. Leaving them empty in the browser's
// copy keeps about 6 KB (brotli) out of the wasm.
package rulestext

import "regexp"

// browserOnlyBlank matches the value of every field the browser never reads,
// each written on its own line as rules.json is, so the browser's copy keeps
// the line numbers of the original.
var browserOnlyBlank = regexp.MustCompile(`(?m)^(\s*"(?:fact|locator|help|method)":\s*)"(?:[^"\\\n]|\\.)*"`)

// ForBrowser returns rules data with the fields the browser never reads
// emptied; everything the scoring and the results read is kept byte for byte.
func ForBrowser(data []byte) []byte {
	return browserOnlyBlank.ReplaceAll(data, []byte(`${1}""`))
}
