// Package profiles reads supplier profiles from files: YAML, CSV, and JSON
// (through checker.ReadJSON), and writes them as CSV. The command-line tool
// and the browser (through checker/browser and the WebAssembly build) use the
// same readers, so a file is accepted or rejected the same way in both. The
// WebAssembly build leaves out YAML (yaml.go), whose parser would add about
// 170 KB brotli; its CSV reader and writer are the project's own, small and
// without fmt (checker/internal/csv).
//
// Every reader hands over good profiles one at a time and reports every
// problem it finds to a checker.Problems as it goes, each placed as
// "file:line: field: problem (allowed: …)"; Decode collects them for callers
// that want a whole file at once (the browser's import).
package profiles
