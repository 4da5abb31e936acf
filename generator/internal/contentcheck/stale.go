package contentcheck

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"time"

	"go.yaml.in/yaml/v3"
)

// StaleItem is a page or directory entry whose last review is older than the
// review cycle: a reminder to re-verify it, never a build failure.
type StaleItem struct {
	Kind string    // "page" or "contact"
	Name string    // the page file, or the contact id
	File string    // where the date is written
	Line int       // line of the date
	Date time.Time // the `reviewed` or `checked` date
}

func (s StaleItem) String() string {
	return fmt.Sprintf("%s:%d: %s %s last reviewed %s", s.File, s.Line, s.Kind, s.Name, s.Date.Format("2006-01-02"))
}

// Stale lists the pages under contentDir (front matter `reviewed`) and the
// entries of contactsFile (`checked`) dated before cutoff, oldest first.
// Files it cannot read or dates it cannot parse are returned as problems, for
// the caller to print; the content check reports them as errors anyway.
func Stale(fsys fs.FS, contentDir, contactsFile string, cutoff time.Time) ([]StaleItem, Problems) {
	var items []StaleItem
	var probs Problems
	err := fs.WalkDir(fsys, contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			probs = append(probs, Problem{File: p, Msg: err.Error()})
			return nil
		}
		fm, offset, ok := splitFrontMatter(src)
		if !ok {
			return nil
		}
		var doc yaml.Node
		if yaml.Unmarshal(fm, &doc) != nil || len(doc.Content) == 0 {
			return nil
		}
		if f, ok := mapping(doc.Content[0])["reviewed"]; ok {
			items = appendIfStale(items, &probs, "page", p, p, offset+f.value.Line-1, f.value.Value, cutoff)
		}
		return nil
	})
	if err != nil {
		probs = append(probs, Problem{File: contentDir, Msg: fmt.Sprintf("cannot read the content folder: %v", err)})
	}
	root, p := loadYAML(fsys, contactsFile, yaml.SequenceNode)
	probs = append(probs, p...)
	if root != nil {
		for _, entry := range root.Content {
			f := mapping(entry)
			id, checked := f["id"], f["checked"]
			if id.value == nil || checked.value == nil {
				continue
			}
			items = appendIfStale(items, &probs, "contact", id.value.Value, contactsFile, checked.value.Line, checked.value.Value, cutoff)
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Date.Before(items[j].Date) })
	return items, probs
}

func appendIfStale(items []StaleItem, probs *Problems, kind, name, file string, line int, value string, cutoff time.Time) []StaleItem {
	d, err := time.Parse("2006-01-02", value)
	if err != nil {
		*probs = append(*probs, Problem{File: file, Line: line, Msg: fmt.Sprintf("%q is not a date — write it as YYYY-MM-DD", value)})
		return items
	}
	if d.Before(cutoff) {
		items = append(items, StaleItem{Kind: kind, Name: name, File: file, Line: line, Date: d})
	}
	return items
}
