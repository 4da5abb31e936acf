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
		if known[k.Value] {
			probs = append(probs, Problem{File: file, Line: k.Line, Msg: fmt.Sprintf("source %q is defined twice: keep one entry", k.Value)})
		}
		probs = append(probs, checkSourceKind(file, k, mapping(v))...)
		known[k.Value] = true
	}
	return known, probs
}

// Source kinds: a primary source is the law's own text, a regulator's or
// police page, or the platform's own help page; everything else (guides,
// news, blogs, republications) is secondary.
const (
	KindPrimary   = "primary"
	KindSecondary = "secondary"
)

// checkSourceKind requires every source to say whether it is primary, and a
// primary source to give the address a reader can check it at.
func checkSourceKind(file string, k *yaml.Node, f map[string]field) Problems {
	kind, ok := f["kind"]
	if !ok {
		return Problems{{File: file, Line: k.Line, Msg: fmt.Sprintf("source %q needs `kind: primary` (the law's text, a regulator's or the platform's own page) or `kind: secondary` (guides, news, blogs)", k.Value)}}
	}
	switch kind.value.Value {
	case KindPrimary:
		u, ok := f["url"]
		if !ok || !(strings.HasPrefix(u.value.Value, "https://") || strings.HasPrefix(u.value.Value, "http://")) {
			return Problems{{File: file, Line: kind.value.Line, Msg: fmt.Sprintf("primary source %q has no `url`: add the address of the page read (https://...), or make it `kind: secondary`", k.Value)}}
		}
	case KindSecondary:
	default:
		return Problems{{File: file, Line: kind.value.Line, Msg: fmt.Sprintf("source %q: `kind: %s` is not a kind: write `primary` or `secondary` (a one-line description goes in `about`)", k.Value, kind.value.Value)}}
	}
	return nil
}

// contactFields are required on every directory entry.
var contactFields = []string{"id", "name", "country", "handles", "when", "reach", "language", "source", "status", "checked"}

// Contact statuses: confirmed means the address, number or URL was seen on the
// organisation's own official page (named in confirmed_at); unconfirmed means
// it is only as given in the source document named in `source`.
const (
	StatusConfirmed   = "confirmed"
	StatusUnconfirmed = "unconfirmed"
)

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
			probs = append(probs, Problem{File: file, Line: v.key.Line, Msg: "`verified` is no longer used — rename it `checked` (the date the entry was last checked) and add `status`"})
		}
		if v, ok := f["checked"]; ok {
			if _, err := time.Parse("2006-01-02", v.value.Value); err != nil {
				probs = append(probs, Problem{File: file, Line: v.value.Line, Msg: fmt.Sprintf("`checked: %s` is not a date — write it as YYYY-MM-DD", v.value.Value)})
			}
		}
		probs = append(probs, checkStatus(file, entry, f)...)
		if r, ok := f["reach"]; ok {
			probs = append(probs, checkReach(file, r.value)...)
		}
	}
	return probs
}

// checkStatus enforces the directory's honesty rule: every entry says whether
// its details were confirmed on the organisation's own page, and a confirmed
// entry names that page.
func checkStatus(file string, entry *yaml.Node, f map[string]field) Problems {
	st, ok := f["status"]
	if !ok {
		return nil // reported as a missing field by checkEntry
	}
	at, hasAt := f["confirmed_at"]
	switch st.value.Value {
	case StatusConfirmed:
		if !hasAt || strings.TrimSpace(at.value.Value) == "" {
			return Problems{{File: file, Line: st.value.Line, Msg: "`status: confirmed` without `confirmed_at` — add `confirmed_at: https://...`, the official page where the details appear, or set `status: unconfirmed`"}}
		}
		if !strings.HasPrefix(at.value.Value, "https://") && !strings.HasPrefix(at.value.Value, "http://") {
			return Problems{{File: file, Line: at.value.Line, Msg: fmt.Sprintf("`confirmed_at: %s` is not a web address — give the full URL of the official page, starting https://", at.value.Value)}}
		}
	case StatusUnconfirmed:
		if hasAt {
			return Problems{{File: file, Line: at.key.Line, Msg: "`confirmed_at` on an unconfirmed entry — remove it, or set `status: confirmed` if the details appear on that official page"}}
		}
	default:
		return Problems{{File: file, Line: st.value.Line, Msg: fmt.Sprintf("`status: %s` is not a status — write `status: confirmed` (with `confirmed_at`) or `status: unconfirmed`", st.value.Value)}}
	}
	return nil
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

// missingHelp says how to fix a missing field where the fix is not obvious.
var missingHelp = map[string]string{
	"status":  "add `status: confirmed` (with `confirmed_at: <official URL>`) or `status: unconfirmed`",
	"checked": "add `checked: YYYY-MM-DD`, the date the entry was last checked",
	"source":  "name the source key (data/sources.yaml) the details come from",
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
			msg := fmt.Sprintf("entry lacks `%s`", name)
			if help, ok := missingHelp[name]; ok {
				msg += " — " + help
			}
			out = append(out, Problem{File: file, Line: entry.Line, Msg: msg})
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
