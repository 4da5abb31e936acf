//go:build !(js && wasm)

// YAML is read by the command-line tool only: the browser build leaves the
// YAML parser out (about 170 KB brotli) and imports JSON and CSV.

package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"safesource.dev/safesource/checker"
)

// MaxYAML bounds a YAML file. The YAML library builds a whole document in
// memory and reads about 1-5 MB a second on the reference machine (see
// BENCHMARKS.md), so a larger file could not meet the 5-second budget; YAML
// is for hand-written profiles, and large batches belong in CSV or JSON,
// which are read as a stream.
const MaxYAML = 4 << 20

// ReadYAML yields the profiles in a YAML file: one profile (a mapping),
// several (a list of mappings), or a stream of documents separated by "---".
// Values follow JSON's types: quoted "12" is text, not a number. Aliases
// (*name) are refused, as expanding them lets a small file cost a lot.
func ReadYAML(file string, data []byte, ps *checker.Problems) iter.Seq2[checker.Position, *checker.Profile] {
	return func(yield func(checker.Position, *checker.Profile) bool) {
		readYAML(file, data, ps, yield)
	}
}

// DecodeYAML reads every profile; it returns the good ones in order and an
// InputErrors for the problems (the first 100, then how many more).
func DecodeYAML(file string, data []byte) ([]checker.Profile, error) {
	var errs checker.InputErrors
	ps := &checker.Problems{Limit: 100, Report: func(e *checker.InputError) { errs = append(errs, e) }}
	var list []checker.Profile
	for _, p := range ReadYAML(file, data, ps) {
		list = append(list, p.Clone())
	}
	return list, finish(file, errs, ps)
}

func readYAML(file string, data []byte, ps *checker.Problems, yield func(checker.Position, *checker.Profile) bool) {
	add := func(line int, field, problem string) {
		ps.Add(&checker.InputError{File: file, Line: line, Field: field, Problem: problem})
	}
	if len(data) > MaxYAML {
		add(0, "", fmt.Sprintf("the YAML file is larger than %d MB; YAML is read whole, so larger files are refused: save large batches as CSV or JSON, which are read one profile at a time", MaxYAML>>20))
		return
	}
	text, bad := checker.DecodeText(data)
	if bad != nil {
		bad.File = file
		ps.Add(bad)
		return
	}
	if line, problem := badBytes(text); problem != "" {
		add(line, "", problem) // the YAML library would say so without a line
		return
	}
	// The YAML library is third-party code fed user input: turn any panic
	// into an ordinary error rather than crashing a batch.
	defer func() {
		if r := recover(); r != nil {
			add(0, "", fmt.Sprintf("the YAML parser failed on this input (%v); check the file is valid YAML", r))
		}
	}()
	d := decoder{file: file, ps: ps}
	dec := yaml.NewDecoder(bytes.NewReader(text))
	entries, documents := 0, 0
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			ps.Add(yamlSyntaxError(file, err))
			return // the parser cannot resync after a syntax error
		}
		documents++
		root := &doc
		if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
			root = root.Content[0]
		}
		if root.Kind == yaml.AliasNode {
			d.alias(root)
			continue
		}
		switch root.Kind {
		case yaml.MappingNode:
			entries++
			if d.mapping(root) && ps.CheckAnswered(&d.p, file, root.Line, entries) && !yield(checker.Position{Line: root.Line}, &d.p) {
				return
			}
		case yaml.SequenceNode:
			if len(root.Content) == 0 {
				entries++
				add(root.Line, "", "the list is empty ([]): there are no profiles to score")
			}
			for i, item := range root.Content {
				entries++
				if item.Kind != yaml.MappingNode {
					if item.Kind == yaml.AliasNode {
						d.alias(item)
					} else {
						add(item.Line, "", "list item "+strconv.Itoa(i+1)+" is "+describe(item)+", not a profile (field: value lines)")
					}
					continue
				}
				if d.mapping(item) && ps.CheckAnswered(&d.p, file, item.Line, entries) && !yield(checker.Position{Index: i + 1, Line: item.Line}, &d.p) {
					return
				}
			}
		case yaml.ScalarNode:
			if root.Tag == "!!null" {
				if root.Value != "" { // an explicit ~ or null, not an empty document after ---
					entries++
					add(root.Line, "", "the document is null ("+root.Value+"): expected a profile (field: value lines) or a list of them")
				}
				continue
			}
			entries++
			add(root.Line, "", "expected a profile (field: value lines) or a list of them, got "+describe(root))
		default:
			entries++
			add(root.Line, "", "expected a profile (field: value lines) or a list of them, got "+describe(root))
		}
	}
	if entries == 0 {
		switch {
		case len(bytes.TrimSpace(text)) == 0:
			add(0, "", "the file is empty: expected a profile (field: value lines) or a list of them")
		case documents == 0 || onlyComments(text):
			add(0, "", "the file holds only comments: expected a profile (field: value lines) or a list of them")
		default:
			add(0, "", "the file holds only empty documents: expected a profile (field: value lines) or a list of them")
		}
	}
}

// onlyComments reports whether every line is blank, a comment or a
// document marker.
func onlyComments(text []byte) bool {
	for line := range bytes.Lines(text) {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] != '#' && !bytes.Equal(t, []byte("---")) && !bytes.Equal(t, []byte("...")) {
			return false
		}
	}
	return true
}

// badBytes finds invalid UTF-8 and NUL, which the YAML library reports
// without a line.
func badBytes(text []byte) (int, string) {
	line := 1
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			line++
		case c == 0:
			return line, "the file contains a NUL character: it is not a text file, or not UTF-8"
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size == 1 {
				return line, "byte 0x" + strconv.FormatUint(uint64(c), 16) + " is not UTF-8: save the file as UTF-8"
			}
			i += size
			continue
		}
		i++
	}
	return 0, ""
}

// decoder turns YAML mappings into profiles, reusing one Profile.
type decoder struct {
	file string
	ps   *checker.Problems
	p    checker.Profile
	ok   bool
}

func (d *decoder) fail(line int, field string, problem func() string) {
	d.ok = false
	if !d.ps.Wants() {
		d.ps.Add(nil)
		return
	}
	d.ps.Add(&checker.InputError{File: d.file, Line: line, Field: field, Problem: problem()})
}

// alias refuses an alias with a message naming it.
func (d *decoder) alias(n *yaml.Node) {
	d.fail(n.Line, "", func() string {
		return "aliases (*" + n.Value + ") are not supported, as each one copies what it names: write the values out in full"
	})
}

// mapping decodes one profile into d.p and reports whether it was clean.
func (d *decoder) mapping(node *yaml.Node) bool {
	d.p.Reset()
	d.ok = true
	seen := map[string]int{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		if key.Kind == yaml.AliasNode {
			d.alias(key)
			continue
		}
		if key.Kind != yaml.ScalarNode {
			d.fail(key.Line, "", func() string { return "field names must be plain text, got " + describe(key) })
			continue
		}
		name := key.Value
		if first, dup := seen[name]; dup {
			d.fail(key.Line, name, func() string { return "given twice (first on line " + strconv.Itoa(first) + ")" })
			continue
		}
		field, err := checker.LookupField(name)
		if err != nil {
			d.fail(key.Line, name, func() string { return placed(err, d.file, key.Line).Problem })
			continue
		}
		seen[name] = key.Line
		v, ok := d.value(value, name)
		if !ok {
			continue
		}
		if !d.ps.Wants() {
			if !d.p.SetValueOK(field, v) {
				d.fail(value.Line, name, nil)
			}
			continue
		}
		if err := d.p.SetValue(field, v); err != nil {
			d.fail(value.Line, name, func() string { return placed(err, d.file, value.Line).Problem })
		}
	}
	return d.ok
}

// value converts a YAML value to a checker.Value, refusing aliases.
func (d *decoder) value(n *yaml.Node, field string) (checker.Value, bool) {
	switch n.Kind {
	case yaml.AliasNode:
		d.alias(n)
		return checker.Value{}, false
	case yaml.ScalarNode:
		return scalar(n), true
	case yaml.SequenceNode:
		v := checker.Value{Kind: checker.KindList, Items: make([]checker.Value, 0, len(n.Content))}
		for _, it := range n.Content {
			switch it.Kind {
			case yaml.AliasNode:
				d.alias(it)
				return v, false
			case yaml.ScalarNode:
				v.Items = append(v.Items, scalar(it))
			case yaml.SequenceNode:
				v.Items = append(v.Items, checker.Value{Kind: checker.KindList})
			default:
				v.Items = append(v.Items, checker.Value{Kind: checker.KindObject})
			}
		}
		return v, true
	default:
		return checker.Value{Kind: checker.KindObject}, true
	}
}

// scalar gives a YAML scalar the type JSON would: quoted is text, and a
// plain scalar is null, true/false or a number when YAML reads it so. A
// plain number too large for YAML's reading (1e400) is still a number.
func scalar(n *yaml.Node) checker.Value {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return checker.Value{Kind: checker.KindText, Text: n.Value}
	}
	switch n.Tag {
	case "!!null":
		return checker.Value{Kind: checker.KindNull}
	case "!!bool":
		return checker.Value{Kind: checker.KindBool, Text: strings.ToLower(n.Value)}
	case "!!int", "!!float":
		return checker.Value{Kind: checker.KindNumber, Text: n.Value}
	case "!!str":
		if looksNumeric(n.Value) {
			return checker.Value{Kind: checker.KindNumber, Text: n.Value}
		}
	}
	return checker.Value{Kind: checker.KindText, Text: n.Value}
}

// looksNumeric spots plain scalars written as decimal numbers that YAML
// leaves as text because they overflow, such as 1e400.
func looksNumeric(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E':
		default:
			return false
		}
	}
	return digits > 0 && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
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
		return checker.Quote(n.Value)
	default:
		return "an unsupported YAML node"
	}
}

// yamlSyntaxError turns "yaml: line 3: mapping values are not allowed…" into
// a positioned InputError. The line is the YAML library's; for an unclosed
// bracket it points at the line before the one that opens it. A reference
// to an anchor the library does not know is an alias, refused anyway.
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
