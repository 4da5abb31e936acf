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
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"safesource.dev/safesource/generator/internal/htmltok"
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
	r := NewPageReader(url, src)
	return r.Page(htmltok.Read(src, r.Token))
}

// PageReader extracts one page from its tokens, which htmltok.Read may
// pass to other readers too.
type PageReader struct {
	url string
	src []byte
	s   *scanner
}

// NewPageReader starts reading the page at url, whose HTML is src.
func NewPageReader(url string, src []byte) *PageReader {
	return &PageReader{url: url, src: src, s: newScanner(src, newExtractor(&Page{URL: url}))}
}

// Token takes the page's next token (an htmltok.Reader).
func (r *PageReader) Token(t *htmltok.Token) bool { return r.s.token(t) }

// Page returns the page once htmltok.Read is done, given what Read
// returned: read from the tokens when they all came and the page is well
// formed, else from the tree html.Parse builds.
func (r *PageReader) Page(readErr error) (Page, bool, error) {
	if readErr == nil && r.s.done() == nil {
		return r.s.x.finish()
	}
	return extractTree(r.url, r.src)
}

// extractTree reads a page that is not well formed, through the tree the
// HTML parsing rules build.
func extractTree(url string, src []byte) (Page, bool, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return Page{}, false, err
	}
	x := newExtractor(&Page{URL: url})
	walkTree(doc, x)
	return x.finish()
}

// walkTree feeds the tree under n to x, in document order.
func walkTree(n *html.Node, x *extractor) {
	switch n.Type {
	case html.TextNode:
		x.text([]byte(n.Data))
		return
	case html.ElementNode:
		t := tag{atom: n.DataAtom, name: []byte(n.Data)}
		for _, a := range n.Attr {
			if a.Namespace == "" {
				t.attrs = append(t.attrs, attribute{Key: []byte(a.Key), Val: []byte(a.Val)})
			}
		}
		x.start(t)
		defer x.end()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkTree(c, x)
	}
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

// collapse trims and folds runs of white space (as unicode.IsSpace has
// it) into one space, in one pass: strings.Fields and Join took a sixth of
// a page's extraction.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError {
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size]) // the bytes as they were
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
