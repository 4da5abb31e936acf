package profiles

import (
	"bytes"
	"strings"

	"safesource.dev/safesource/checker"
)

// Format is a profile file format.
type Format int

// The formats Decode reads.
const (
	JSON Format = iota
	YAML
	CSV
)

func (f Format) String() string {
	return [...]string{"JSON", "YAML", "CSV"}[f]
}

// DetectFormat picks the format from the file extension (.json, .yaml, .yml,
// .csv, any case); without one, content starting with "{" or "[" is JSON and
// anything else YAML (CSV is only recognised by its extension).
func DetectFormat(file string, data []byte) Format {
	switch strings.ToLower(extension(file)) {
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	case ".csv":
		return CSV
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return JSON
	}
	return YAML
}

// Decode reads profiles in the format DetectFormat picks. Like the other
// decoders it returns the good profiles and an InputErrors for the rest.
func Decode(file string, data []byte) ([]checker.Profile, error) {
	switch DetectFormat(file, data) {
	case JSON:
		return checker.DecodeJSON(file, data)
	case CSV:
		return DecodeCSV(file, bytes.NewReader(data))
	default:
		return DecodeYAML(file, data)
	}
}

// extension is filepath.Ext for both / and \ separators, without package
// path/filepath, which would bring os into the WebAssembly build.
func extension(file string) string {
	for i := len(file) - 1; i >= 0 && file[i] != '/' && file[i] != '\\'; i-- {
		if file[i] == '.' {
			return file[i:]
		}
	}
	return ""
}
