// Package profiles reads supplier profiles from files: YAML, CSV, and JSON
// (through checker.DecodeJSON), and writes them as CSV. The command-line tool
// and the browser (through checker/browser and the WebAssembly build) use the
// same readers, so a file is accepted or rejected the same way in both. The
// WebAssembly build leaves out YAML (yaml.go), whose parser would add about
// 170 KB brotli; its CSV reader is a copy of encoding/csv's without fmt
// (checker/internal/csv).
//
// Every decoder reports every problem it finds as a checker.InputErrors,
// each placed as "file:line: field: problem (allowed: …)", and returns the
// profiles that decoded cleanly so a batch can score its good entries.
package profiles
