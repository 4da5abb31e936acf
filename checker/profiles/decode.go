package profiles

import (
	"bytes"
	"iter"
	"path/filepath"
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
// .csv, any case). Without one (standard input) it looks at the content:
// "{" or "[" first is JSON; a first line of comma-separated names with no
// "key: value" in it is a CSV header; anything else is YAML.
func DetectFormat(file string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	case ".csv":
		return CSV
	}
	if text, bad := checker.DecodeText(data); bad == nil {
		data = text
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return JSON
	}
	if looksLikeCSVHeader(trimmed) {
		return CSV
	}
	return YAML
}

// looksLikeCSVHeader reports whether the first line is a CSV header: two
// or more cells, none of them YAML ("key: value", "- item", "# comment").
func looksLikeCSVHeader(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	line = bytes.TrimRight(line, "\r")
	if len(line) == 0 || line[0] == '#' || line[0] == '-' || !bytes.ContainsRune(line, ',') {
		return false
	}
	return !bytes.Contains(line, []byte(": ")) && !bytes.HasSuffix(line, []byte(":"))
}

// Read yields the profiles of one input in the format DetectFormat picks,
// one at a time; problems go to ps as they are found.
func Read(file string, data []byte, ps *checker.Problems) iter.Seq2[checker.Position, *checker.Profile] {
	switch DetectFormat(file, data) {
	case JSON:
		return checker.ReadJSON(file, data, ps)
	case CSV:
		return ReadCSV(file, bytes.NewReader(data), ps)
	default:
		return ReadYAML(file, data, ps)
	}
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
