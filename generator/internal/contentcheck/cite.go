package contentcheck

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Citations are written as Markdown links (docs/CONTENT-CONTRACT.md):
// [locator](cite:KEY) cites the source KEY of data/sources.yaml at a place in
// it; [text](own:) marks a statement of the site's own policy.
var (
	citeLink = regexp.MustCompile(`\[([^\]]*)\]\(cite:([^)\s]*)\)`)
	ownLink  = regexp.MustCompile(`\[[^\]]*\]\(own:[^)\s]*\)`)
)

// checkCitations reports every citation in text (which starts at line
// `line` of file) whose key is unknown or whose locator is empty.
func checkCitations(file string, line int, text string, known map[string]bool) Problems {
	var out Problems
	for _, m := range citeLink.FindAllStringSubmatchIndex(text, -1) {
		at := line + strings.Count(text[:m[0]], "\n")
		locator, key := strings.TrimSpace(text[m[2]:m[3]]), text[m[4]:m[5]]
		switch {
		case key == "":
			out = append(out, Problem{File: file, Line: at, Msg: fmt.Sprintf("citation %q names no source: write [locator](cite:KEY) with a key of data/sources.yaml", text[m[0]:m[1]])})
		case !known[key]:
			out = append(out, Problem{File: file, Line: at, Msg: fmt.Sprintf("citation of unknown source %q: add it to data/sources.yaml or use one of its keys", key)})
		}
		if locator == "" {
			out = append(out, Problem{File: file, Line: at, Msg: fmt.Sprintf("citation of %q has no locator: say where in the source, e.g. [art. 586](cite:%s) or [help page 20155164](cite:%s)", key, key, key)})
		}
	}
	return out
}

// CitedSections are the parts of the site where every claim a buyer acts on
// must carry a citation or an own-policy mark.
var CitedSections = []string{"content/guide", "content/red-flags", "content/scams", "content/playbook", "content/contacts", "content/glossary", "data/glossary.yaml", "data/contacts.yaml", "data/deadlines.json"}

// dataTextFields are the Markdown text fields of the data files, which the
// theme renders with their citations.
var dataTextFields = map[string][]string{
	"data/glossary.yaml": {"meaning"},
	"data/contacts.yaml": {"handles", "when", "note"},
	// The deadline planner's routes (JSON, read as YAML).
	"data/deadlines.json": {"text", "missing"},
}

// DataCitations checks every citation in the data files' text fields: each
// names a known source and a locator. (CheckPages checks the pages'.)
func DataCitations(fsys fs.FS, known map[string]bool) Problems {
	var out Problems
	for file, fields := range dataTextFields {
		for _, t := range dataTexts(fsys, file, fields) {
			out = append(out, checkCitations(file, t.line, t.text, known)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Claims lists the uncited claims in the given paths: Markdown files or
// folders of them, and the data files with text fields.
func Claims(fsys fs.FS, paths []string) []Claim {
	var out []Claim
	for _, root := range paths {
		if fields, ok := dataTextFields[root]; ok {
			for _, t := range dataTexts(fsys, root, fields) {
				out = append(out, claimsIn(root, t.line, t.text, false)...)
			}
			continue
		}
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".md" {
				return nil
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil
			}
			body, line := pageBody(src)
			out = append(out, markdownClaims(p, line, body)...)
			return nil
		})
	}
	return out
}

type dataText struct {
	line int
	text string
}

// dataTexts collects the named scalar fields anywhere in a YAML file.
func dataTexts(fsys fs.FS, file string, fields []string) []dataText {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return nil // reported by the file's own check
	}
	want := map[string]bool{}
	for _, f := range fields {
		want[f] = true
	}
	var out []dataText
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if want[k.Value] && v.Kind == yaml.ScalarNode {
					out = append(out, dataText{line: v.Line, text: v.Value})
					continue
				}
				walk(v)
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	return out
}
