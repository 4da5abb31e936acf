package contentcheck

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// LoadSources reads the keys of the sources file (a mapping of key → document).
func LoadSources(fsys fs.FS, file string) (map[string]bool, Problems) {
	root, probs := loadYAML(fsys, file, yaml.MappingNode)
	if root == nil {
		return nil, probs
	}
	known := make(map[string]bool)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if _, ok := mapping(v)["title"]; !ok || v.Kind != yaml.MappingNode {
			probs = append(probs, Problem{File: file, Line: k.Line, Msg: fmt.Sprintf("source %q needs a `title`", k.Value)})
		}
		known[k.Value] = true
	}
	return known, probs
}

// contactFields are required on every directory entry.
var contactFields = []string{"id", "name", "country", "handles", "when", "reach", "language", "source", "verified"}

var reachKinds = map[string]bool{"web": true, "email": true, "phone": true, "note": true}

// CheckContacts validates the authority directory: every entry complete,
// sourced, dated, with a unique stable id.
func CheckContacts(fsys fs.FS, file string, knownSources map[string]bool) Problems {
	root, probs := loadYAML(fsys, file, yaml.SequenceNode)
	if root == nil {
		return probs
	}
	seen := map[string]int{}
	for _, entry := range root.Content {
		probs = append(probs, checkEntry(file, entry, contactFields, seen)...)
		if entry.Kind != yaml.MappingNode {
			continue
		}
		f := mapping(entry)
		if s, ok := f["source"]; ok && !knownSources[s.value.Value] {
			probs = append(probs, Problem{File: file, Line: s.value.Line, Msg: fmt.Sprintf("unknown source %q: name the source document with one of %s", s.value.Value, keys(knownSources))})
		}
		if v, ok := f["verified"]; ok {
			if _, err := time.Parse("2006-01-02", v.value.Value); err != nil {
				probs = append(probs, Problem{File: file, Line: v.value.Line, Msg: fmt.Sprintf("`verified: %s` is not a date: write it as YYYY-MM-DD", v.value.Value)})
			}
		}
		if r, ok := f["reach"]; ok {
			probs = append(probs, checkReach(file, r.value)...)
		}
	}
	return probs
}

func checkReach(file string, n *yaml.Node) Problems {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return Problems{{File: file, Line: n.Line, Msg: "`reach` must list at least one way to reach the body: - {kind: web|email|phone|note, value: ...}"}}
	}
	var out Problems
	for _, r := range n.Content {
		f := mapping(r)
		kind, value := f["kind"], f["value"]
		switch {
		case kind.value == nil || !reachKinds[kind.value.Value]:
			out = append(out, Problem{File: file, Line: r.Line, Msg: "reach entry needs `kind`: one of web, email, phone, note"})
		case value.value == nil || strings.TrimSpace(value.value.Value) == "":
			out = append(out, Problem{File: file, Line: r.Line, Msg: "reach entry needs a `value`"})
		case kind.value.Value == "web" && !strings.HasPrefix(value.value.Value, "https://") && !strings.HasPrefix(value.value.Value, "http://"):
			out = append(out, Problem{File: file, Line: value.value.Line, Msg: fmt.Sprintf("web address %q must start with https://", value.value.Value)})
		case kind.value.Value == "email" && !strings.Contains(value.value.Value, "@"):
			out = append(out, Problem{File: file, Line: value.value.Line, Msg: fmt.Sprintf("%q is not an email address", value.value.Value)})
		}
	}
	return out
}

// glossaryFields are required on every glossary term.
var glossaryFields = []string{"id", "hanzi", "pinyin", "english", "meaning", "link"}

// CheckGlossary validates the glossary: complete terms with unique ids, each
// linking to the place in the guide that uses it (the output check then
// proves the link resolves).
func CheckGlossary(fsys fs.FS, file string) Problems {
	root, probs := loadYAML(fsys, file, yaml.SequenceNode)
	if root == nil {
		return probs
	}
	seen := map[string]int{}
	for _, entry := range root.Content {
		probs = append(probs, checkEntry(file, entry, glossaryFields, seen)...)
		if l, ok := mapping(entry)["link"]; ok && !strings.HasPrefix(l.value.Value, "/") {
			probs = append(probs, Problem{File: file, Line: l.value.Line, Msg: fmt.Sprintf("link %q must be a site path such as /guide/platform-signals/#chengxintong", l.value.Value)})
		}
	}
	return probs
}

// checkEntry checks one mapping has every required non-empty field and a
// unique kebab-case id.
func checkEntry(file string, entry *yaml.Node, required []string, seen map[string]int) Problems {
	if entry.Kind != yaml.MappingNode {
		return Problems{{File: file, Line: entry.Line, Msg: "each entry must be a mapping of fields (" + strings.Join(required, ", ") + ")"}}
	}
	f := mapping(entry)
	var out Problems
	for _, name := range required {
		v, ok := f[name]
		if !ok || (v.value.Kind == yaml.ScalarNode && strings.TrimSpace(v.value.Value) == "") {
			out = append(out, Problem{File: file, Line: entry.Line, Msg: fmt.Sprintf("entry lacks `%s`", name)})
		}
	}
	if id, ok := f["id"]; ok {
		switch {
		case !idPattern.MatchString(id.value.Value):
			out = append(out, Problem{File: file, Line: id.value.Line, Msg: fmt.Sprintf("id %q must be lowercase kebab-case (it is a permanent link anchor)", id.value.Value)})
		case seen[id.value.Value] > 0:
			out = append(out, Problem{File: file, Line: id.value.Line, Msg: fmt.Sprintf("id %q is already used on line %d: ids must be unique", id.value.Value, seen[id.value.Value])})
		default:
			seen[id.value.Value] = id.value.Line
		}
	}
	return out
}

func loadYAML(fsys fs.FS, file string, kind yaml.Kind) (*yaml.Node, Problems) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("not valid YAML: %v", err)}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != kind {
		want := "a list of entries"
		if kind == yaml.MappingNode {
			want = "a mapping of keys"
		}
		return nil, Problems{{File: file, Line: 1, Msg: "the file must hold " + want}}
	}
	return doc.Content[0], nil
}
