//go:build !(js && wasm)

// YAML is read by the command-line tool only: the browser build leaves the
// YAML parser out (about 170 KB brotli) and imports JSON and CSV.

package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"safesource.dev/safesource/checker"
)

// DecodeYAML reads one profile (a mapping), several (a sequence of
// mappings), or a stream of documents separated by "---".
func DecodeYAML(file string, data []byte) (profiles []checker.Profile, err error) {
	// The YAML library is third-party code fed user input: turn any panic
	// into an ordinary error rather than crashing a batch.
	defer func() {
		if r := recover(); r != nil {
			profiles = nil
			err = checker.InputErrors{{File: file, Problem: fmt.Sprintf("the YAML parser failed on this input (%v); check the file is valid YAML", r)}}
		}
	}()
	var errs checker.InputErrors
	dec := yaml.NewDecoder(bytes.NewReader(data))
	documents := 0
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			errs = append(errs, yamlSyntaxError(file, err))
			break // the parser cannot resync after a syntax error
		}
		documents++
		root := resolve(&doc)
		if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = resolve(root.Content[0])
		}
		switch root.Kind {
		case yaml.MappingNode:
			profiles, errs = appendProfile(profiles, errs, file, root)
		case yaml.SequenceNode:
			for _, item := range root.Content {
				profiles, errs = appendProfile(profiles, errs, file, resolve(item))
			}
		case yaml.ScalarNode:
			if root.Tag == "!!null" {
				continue // an empty document, e.g. a trailing "---"
			}
			fallthrough
		default:
			errs = append(errs, &checker.InputError{File: file, Line: root.Line, Problem: "expected a profile (field: value lines) or a list of them, got " + describe(root)})
		}
	}
	if len(profiles) == 0 && len(errs) == 0 {
		errs = append(errs, &checker.InputError{File: file, Problem: "no profile found: the file is empty"})
	}
	if len(errs) > 0 {
		return profiles, errs
	}
	return profiles, nil
}

func appendProfile(profiles []checker.Profile, errs checker.InputErrors, file string, node *yaml.Node) ([]checker.Profile, checker.InputErrors) {
	p, perrs := decodeMapping(file, node)
	if len(perrs) > 0 {
		return profiles, append(errs, perrs...)
	}
	return append(profiles, p), errs
}

func decodeMapping(file string, node *yaml.Node) (checker.Profile, checker.InputErrors) {
	var p checker.Profile
	if node.Kind != yaml.MappingNode {
		return p, checker.InputErrors{{File: file, Line: node.Line, Problem: "expected a profile (field: value lines), got " + describe(node)}}
	}
	var errs checker.InputErrors
	fail := func(line int, field, problem string) {
		errs = append(errs, &checker.InputError{File: file, Line: line, Field: field, Problem: problem})
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := resolve(node.Content[i]), resolve(node.Content[i+1])
		if key.Kind != yaml.ScalarNode {
			fail(key.Line, "", "field names must be plain text, got "+describe(key))
			continue
		}
		name := key.Value
		if first, dup := seen[name]; dup {
			fail(key.Line, name, "given twice (first on line "+strconv.Itoa(first)+")")
			continue
		}
		seen[name] = key.Line
		field, err := checker.LookupField(name)
		if err != nil {
			errs = append(errs, placed(err, file, key.Line))
			continue
		}
		switch value.Kind {
		case yaml.ScalarNode:
			text := value.Value
			if value.Tag == "!!null" {
				text = ""
			}
			err = p.SetField(field, text)
		case yaml.SequenceNode:
			items := make([]string, 0, len(value.Content))
			for _, it := range value.Content {
				it = resolve(it)
				if it.Kind != yaml.ScalarNode {
					fail(it.Line, name, "list items must be plain values, got "+describe(it))
					items = nil
					break
				}
				items = append(items, it.Value)
			}
			if items != nil || len(value.Content) == 0 {
				err = p.SetList(name, items)
			}
		default:
			fail(value.Line, name, "expected a value, got "+describe(value))
			continue
		}
		if err != nil {
			errs = append(errs, placed(err, file, value.Line))
		}
	}
	return p, errs
}

// resolve follows aliases (*name) to the node they point at.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	default:
		return "an unsupported YAML node"
	}
}

// yamlSyntaxError turns "yaml: line 3: mapping values are not allowed…" into
// a positioned InputError. The line is the YAML library's; for an unclosed
// bracket it points at the line before the one that opens it.
func yamlSyntaxError(file string, err error) *checker.InputError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, tail, ok := strings.Cut(rest, ":"); ok {
			if v, convErr := strconv.Atoi(n); convErr == nil {
				line, msg = v, strings.TrimSpace(tail)
			}
		}
	}
	return &checker.InputError{File: file, Line: line, Problem: "invalid YAML: " + msg}
}
