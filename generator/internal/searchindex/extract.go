// Package searchindex builds the site's static search index from the
// rendered HTML: it reads the parts of each page marked for indexing, splits
// them into sections at headings with ids, and writes a sharded inverted
// index plus one small fragment file per page that the browser fetches only
// for the results it shows.
//
// The markup (the benchmark in tests/bench maps it to Pagefind's
// equivalents to compare the two engines on the same pages):
//
//	data-search-body                 index this element (pages without one are skipped)
//	data-search-ignore               leave this element's text out
//	data-search-section="guide"      the page's filter value
//	data-search-section-label="Vetting guide"  the label shown with results
//	data-search-title="…"            an element with an id starts an entry
//	                                 section with this title (glossary terms,
//	                                 directory entries)
//	data-search-weight="0.5"         scales the scores of the sections that
//	                                 start inside this element (0 to 10)
//	data-search-answers="ANCHOR"     this element's text is other ways of
//	                                 asking what the section with that id
//	                                 ("" for the page top) answers: indexed
//	                                 for that section at a weight, never
//	                                 shown (front matter "answers")
//
// Headings h2–h6 with an id start a section titled by their text.
package searchindex

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is one indexed HTML page.
type Page struct {
	URL   string // root-relative, ends in /
	Title string // the first h1 in the body, else <title>
	Group string // filter value (data-search-section)
	Label string // display label of the group (data-search-section-label)
	// Description is the page's <meta name="description">: its author's
	// summary of what the page is about, indexed for the page top at a
	// weight and never shown in results.
	Description string
	Sections    []Section // Sections[0] is the text before the first anchor (anchor "")
}

// Section is the text under one anchor.
type Section struct {
	Anchor string
	Title  string
	Text   string
	Entry  bool    // titled by data-search-title (a glossary or directory entry), not a heading
	Weight float64 // data-search-weight of the nearest element that has one; 0 means 1
	Links  float64 // share of the text's letters that are link text (a list of pointers elsewhere)
	// Answers are the author's phrasings of the questions the section
	// answers (data-search-answers): indexed, not part of its text.
	Answers string
}

// skipTags never contribute text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Svg: true, atom.Noscript: true,
	atom.Template: true, atom.Form: true, atom.Nav: true, atom.Footer: true,
	atom.Button: true, atom.Iframe: true, atom.Head: true,
}

// ignoreClasses are theme chrome inside indexed content: the "#" link and the
// copy-link button of every heading.
var ignoreClasses = []string{"heading-anchor", "copy-link"}

// blockTags end a word: text on either side is separated by a space.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Td: true, atom.Th: true,
	atom.Tr: true, atom.Table: true, atom.Br: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Blockquote: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Figcaption: true, atom.Aside: true, atom.Main: true,
}

// Extract reads one page. It reports false when the page has no
// data-search-body element (and so is not indexed).
func Extract(url string, src []byte) (Page, bool, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return Page{}, false, err
	}
	p := Page{URL: url}
	var bodies []*html.Node
	var docTitle string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Title && docTitle == "" {
				docTitle = strings.TrimSpace(textOf(n))
			}
			if n.DataAtom == atom.Meta && p.Description == "" {
				if name, _ := attr(n, "name"); strings.EqualFold(name, "description") {
					content, _ := attr(n, "content")
					p.Description = collapse(content)
				}
			}
			if hasAttr(n, "data-search-body") {
				bodies = append(bodies, n)
				return
			}
			if n.DataAtom == atom.Head {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(bodies) == 0 {
		return Page{}, false, nil
	}
	x := &extractor{page: &p}
	x.sections = []Section{{}}
	for _, b := range bodies {
		x.visit(b, false)
	}
	x.flush()
	if x.err == nil {
		x.err = x.attachAnswers()
	}
	if x.err != nil {
		return Page{}, false, x.err
	}
	if p.Title == "" {
		p.Title = docTitle
	}
	p.Sections = x.sections
	return p, true, nil
}

type extractor struct {
	page     *Page
	sections []Section
	buf      strings.Builder
	weight   float64 // data-search-weight in force (0: none)
	err      error
	answers  map[string]string // data-search-answers text by anchor
	// Letters of the current section's text, and of those inside links.
	inLink            int
	letters, linkText int
}

func (x *extractor) flush() {
	cur := &x.sections[len(x.sections)-1]
	cur.Text = collapse(cur.Text + " " + x.buf.String())
	x.buf.Reset()
	if x.letters > 0 {
		cur.Links = float64(x.linkText) / float64(x.letters)
	}
}

// count adds a text's letters and digits to the section's totals.
func (x *extractor) count(text string) {
	n := 0
	for _, r := range text {
		if isWordRune(r) {
			n++
		}
	}
	x.letters += n
	if x.inLink > 0 {
		x.linkText += n
	}
}

func (x *extractor) visit(n *html.Node, ignored bool) {
	switch n.Type {
	case html.TextNode:
		if !ignored {
			x.buf.WriteString(n.Data)
			x.count(n.Data)
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			x.visit(c, ignored)
		}
		return
	}
	if skipTags[n.DataAtom] || hasClass(n, ignoreClasses...) {
		return
	}
	if v, ok := attr(n, "data-search-section"); ok {
		x.page.Group = strings.TrimSpace(v)
	}
	if v, ok := attr(n, "data-search-section-label"); ok {
		x.page.Label = strings.TrimSpace(v)
	}
	if v, ok := attr(n, "data-search-weight"); ok {
		w, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || w < 0 || w > 10 {
			if x.err == nil {
				x.err = fmt.Errorf("data-search-weight=%q on <%s>: want a number from 0 to 10, such as 0.5", v, n.Data)
			}
		} else {
			defer func(prev float64) { x.weight = prev }(x.weight)
			x.weight = w
			// On the indexed element itself, the weight covers the page
			// top too: that section starts where the element does.
			if hasAttr(n, "data-search-body") && len(x.sections) == 1 {
				x.sections[0].Weight = w
			}
		}
	}
	if hasAttr(n, "data-search-ignore") {
		ignored = true
	}
	if anchor, ok := attr(n, "data-search-answers"); ok {
		if !ignored {
			if x.answers == nil {
				x.answers = map[string]string{}
			}
			x.answers[anchor] = collapse(x.answers[anchor] + " " + visibleText(n))
		}
		return // never part of a section's text
	}
	if n.DataAtom == atom.H1 && !ignored {
		if x.page.Title == "" {
			x.page.Title = collapse(visibleText(n))
		}
		return // indexed as the page title
	}
	if id, ok := attr(n, "id"); ok && id != "" && !ignored {
		title, explicit := attr(n, "data-search-title")
		isHeading := headingLevel(n.DataAtom) >= 2
		if explicit || isHeading {
			if !explicit {
				title = visibleText(n)
			}
			x.flush()
			x.letters, x.linkText = 0, 0
			x.sections = append(x.sections, Section{Anchor: id, Title: collapse(title), Entry: explicit && !isHeading, Weight: x.weight})
			if isHeading {
				return // its text is the section title
			}
		}
	}
	block := blockTags[n.DataAtom]
	if block {
		x.buf.WriteByte(' ')
	}
	if n.DataAtom == atom.A {
		x.inLink++
		defer func() { x.inLink-- }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.visit(c, ignored)
	}
	if block {
		x.buf.WriteByte(' ')
	}
}

// attachAnswers gives each section the answers written for its anchor.
func (x *extractor) attachAnswers() error {
	for anchor, text := range x.answers {
		i := slices.IndexFunc(x.sections, func(s Section) bool { return s.Anchor == anchor })
		if i < 0 {
			return fmt.Errorf("data-search-answers=%q: the page has no section with that id; use the id of one of its headings, or \"\" for the page top", anchor)
		}
		x.sections[i].Answers = text
	}
	return nil
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// visibleText is an element's text without skipped or ignored descendants.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (skipTags[n.DataAtom] || hasClass(n, ignoreClasses...) || hasAttr(n, "data-search-ignore")) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, name string) bool {
	_, ok := attr(n, name)
	return ok
}

func hasClass(n *html.Node, classes ...string) bool {
	v, ok := attr(n, "class")
	if !ok {
		return false
	}
	for _, f := range strings.Fields(v) {
		for _, c := range classes {
			if f == c {
				return true
			}
		}
	}
	return false
}

// collapse trims and folds runs of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
