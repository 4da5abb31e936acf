// Package browser is the checker as the site's pages call it through the
// WebAssembly build (checker/wasm): it decodes imported files, share links
// and saved suppliers, and writes the CSV export. It only composes package
// checker and checker/profiles, the code the command-line tool runs, so a
// profile is read the same way in the browser and on the command line.
package browser

import (
	"bytes"
	"errors"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/profiles"
)

// Decode reads an imported file as `checker score FILE` does: the format
// from the file name's extension (JSON when content starts with { or [), and
// every profile and every problem, placed with the file name and line.
func Decode(name string, data []byte) ([]checker.Profile, checker.InputErrors) {
	list, err := profiles.Decode(name, data)
	return list, inputErrors(name, err)
}

// DecodeLink reads a share link's answers leniently; see checker.DecodeLink.
func DecodeLink(pairs [][2]string) (checker.Profile, checker.InputErrors) {
	return checker.DecodeLink(pairs)
}

// bom starts the CSV export so that spreadsheets read Chinese names as
// UTF-8; the CSV reader skips it.
const bom = "\uFEFF"

// EncodeCSV writes profiles, given as a JSON list, as the CSV the
// command-line checker reads.
func EncodeCSV(profilesJSON []byte) ([]byte, checker.InputErrors) {
	list, err := checker.DecodeJSON("", profilesJSON)
	if err != nil {
		return nil, inputErrors("", err)
	}
	var buf bytes.Buffer
	buf.WriteString(bom)
	if err := profiles.EncodeCSV(&buf, list); err != nil {
		return nil, checker.InputErrors{{Problem: "writing CSV: " + err.Error()}}
	}
	return buf.Bytes(), nil
}

func inputErrors(name string, err error) checker.InputErrors {
	if err == nil {
		return nil
	}
	var list checker.InputErrors
	if errors.As(err, &list) {
		return list
	}
	var one *checker.InputError
	if errors.As(err, &one) {
		return checker.InputErrors{one}
	}
	return checker.InputErrors{{File: name, Problem: err.Error()}}
}
