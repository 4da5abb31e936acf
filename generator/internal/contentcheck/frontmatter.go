// Package contentcheck validates the hand-written content before Hugo sees
// it: page front matter, the contacts directory and the glossary. Every
// problem names the file, the line and the fix.
package contentcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Problem is one validation failure, positioned in a source file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is a list of failures; as an error it prints one per line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d content problem(s):\n%s", len(ps), strings.Join(lines, "\n"))
}

// Err returns nil for no problems, the list otherwise.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// requiredFields are the front matter fields every page must have.
var requiredFields = []string{"title", "description", "weight", "reviewed", "sources"}

// CheckPages validates the front matter and the citations of every Markdown
// file under dir in fsys. knownSources are the keys of data/sources.yaml.
func CheckPages(fsys fs.FS, dir string, knownSources map[string]bool) Problems {
	var out Problems
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			out = append(out, Problem{File: p, Msg: err.Error()})
			return nil
		}
		out = append(out, checkPage(p, src, knownSources)...)
		return nil
	})
	if err != nil {
		out = append(out, Problem{File: dir, Msg: fmt.Sprintf("cannot read the content folder: %v", err)})
	}
	return out
}

func checkPage(file string, src []byte, knownSources map[string]bool) Problems {
	fm, offset, ok := splitFrontMatter(src)
	if !ok {
		return Problems{{File: file, Line: 1, Msg: "no YAML front matter: start the file with a line `---`, the fields " + strings.Join(requiredFields, ", ") + ", and a closing `---`"}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		return Problems{{File: file, Line: offset, Msg: fmt.Sprintf("front matter is not valid YAML: %v", err)}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return Problems{{File: file, Line: offset, Msg: "front matter must be a YAML mapping of fields"}}
	}
	fields := mapping(doc.Content[0])
	isHome := file == "content/_index.md" || strings.HasSuffix(file, "/content/_index.md")
	var out Problems
	for _, f := range requiredFields {
		if isHome && f == "weight" {
			continue
		}
		if _, ok := fields[f]; !ok {
			out = append(out, Problem{File: file, Line: offset, Msg: fmt.Sprintf("front matter lacks `%s`: add it (%s)", f, fieldHelp[f])})
		}
	}
	if n, ok := fields["title"]; ok && strings.TrimSpace(n.value.Value) == "" {
		out = append(out, Problem{File: file, Line: offset + n.value.Line - 1, Msg: "`title` is empty"})
	}
	if n, ok := fields["description"]; ok {
		if d := strings.TrimSpace(n.value.Value); len(d) < 40 {
			out = append(out, Problem{File: file, Line: offset + n.value.Line - 1, Msg: fmt.Sprintf("`description` is %d characters: write a real one- or two-sentence summary (at least 40 characters); it is the search snippet and the link preview", len(d))})
		}
	}
	if n, ok := fields["reviewed"]; ok {
		if _, err := time.Parse("2006-01-02", n.value.Value); err != nil {
			out = append(out, Problem{File: file, Line: offset + n.value.Line - 1, Msg: fmt.Sprintf("`reviewed: %s` is not a date: write it as YYYY-MM-DD", n.value.Value)})
		}
	}
	if n, ok := fields["weight"]; ok && n.value.Tag != "!!int" {
		out = append(out, Problem{File: file, Line: offset + n.value.Line - 1, Msg: fmt.Sprintf("`weight: %s` must be a whole number (it orders the page in its section)", n.value.Value)})
	}
	if n, ok := fields["sources"]; ok {
		out = append(out, checkSourceList(file, offset, n.value, knownSources)...)
	}
	body, line := pageBody(src)
	out = append(out, checkPinyin(file, line, string(body))...)
	return append(out, checkCitations(file, line, string(body), knownSources)...)
}

func checkSourceList(file string, offset int, n *yaml.Node, known map[string]bool) Problems {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return Problems{{File: file, Line: offset + n.Line - 1, Msg: "`sources` must be a non-empty list of source keys, e.g. [sourcingxpro-1688]"}}
	}
	var out Problems
	for _, s := range n.Content {
		if !known[s.Value] {
			out = append(out, Problem{File: file, Line: offset + s.Line - 1, Msg: fmt.Sprintf("unknown source %q: use one of %s (data/sources.yaml)", s.Value, keys(known))})
		}
	}
	return out
}

var fieldHelp = map[string]string{
	"title":       "the page title",
	"description": "a one- or two-sentence summary used for search and link previews",
	"weight":      "a whole number that orders the page in its section",
	"reviewed":    "the date the page was last reviewed, YYYY-MM-DD",
	"sources":     "the list of source documents its facts come from, keys of data/sources.yaml",
}

// splitFrontMatter returns the YAML between the leading `---` lines and the
// 1-based line number where it starts.
func splitFrontMatter(src []byte) ([]byte, int, bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, 0, false
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	for i := 0; i < len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		if string(bytes.TrimRight(line, "\r")) == "---" {
			return rest[:i], 2, true
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return nil, 0, false
}

type field struct {
	key, value *yaml.Node
}

func mapping(n *yaml.Node) map[string]field {
	m := make(map[string]field, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = field{n.Content[i], n.Content[i+1]}
	}
	return m
}

func keys(m map[string]bool) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}
