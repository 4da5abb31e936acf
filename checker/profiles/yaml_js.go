//go:build js && wasm

package profiles

import "safesource.dev/safesource/checker"

// DecodeYAML is not part of the browser build: the site imports JSON and CSV.
func DecodeYAML(file string, _ []byte) ([]checker.Profile, error) {
	return nil, checker.InputErrors{{File: file, Problem: "YAML is read by the command-line checker only; import JSON or CSV here"}}
}
