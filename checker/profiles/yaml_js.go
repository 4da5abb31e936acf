//go:build js && wasm

package profiles

import (
	"iter"

	"safesource.dev/safesource/checker"
)

// notInBrowser is the one problem a YAML file gets in the browser build,
// which leaves the YAML parser out: the site imports JSON and CSV.
const notInBrowser = "YAML is read by the command-line checker only; import JSON or CSV here"

// ReadYAML reports that YAML is not read here and yields nothing.
func ReadYAML(file string, _ []byte, ps *checker.Problems) iter.Seq2[checker.Position, *checker.Profile] {
	return func(func(checker.Position, *checker.Profile) bool) {
		ps.Add(&checker.InputError{File: file, Problem: notInBrowser})
	}
}

// DecodeYAML reports that YAML is not read here.
func DecodeYAML(file string, _ []byte) ([]checker.Profile, error) {
	return nil, checker.InputErrors{{File: file, Problem: notInBrowser}}
}
