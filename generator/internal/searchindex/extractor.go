package searchindex

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"safesource.dev/safesource/generator/internal/htmltok"
)

// The extractor reads a page as a stream of events (an element starts,
// text, the innermost open element ends), so the same rules apply whether
// the events come from the tokenizer (scan.go: a well-formed page, the
// usual case) or from a walk over the tree html.Parse builds (any other
// page). Building that tree was most of the search stage's time.

// tag is an element's start as the extractor sees it. The slices are only
// valid during the call they are passed to.
type tag struct {
	atom  atom.Atom
	name  []byte
	attrs []attribute // without namespaced attributes; the first of duplicates
}

type attribute = htmltok.Attr

func (t tag) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if string(a.Key) == name {
			return string(a.Val), true
		}
	}
	return "", false
}

func (t tag) has(name string) bool {
	for _, a := range t.attrs {
		if string(a.Key) == name {
			return true
		}
	}
	return false
}

func (t tag) hasClass(classes ...string) bool {
	for _, a := range t.attrs {
		if string(a.Key) != "class" {
			continue
		}
		for _, f := range bytes.Fields(a.Val) {
			for _, c := range classes {
				if string(f) == c {
					return true
				}
			}
		}
		return false
	}
	return false
}

// What the text of an element that is read whole (its visible text, as one
// string) is for.
const (
	captureNone = iota
	captureAnswers
	captureH1
	captureHeading
)

// frame is what ends with an open element inside an indexed body.
type frame struct {
	block, link                   bool // write a space; leave a link
	restoreWeight, restoreIgnored bool
	prevWeight                    float64
	prevIgnored                   bool
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

	depth    int // open elements
	bodies   int // data-search-body elements found outside another
	bodyAt   int // depth of the open body element (0: outside bodies)
	frames   []frame
	ignored  bool
	skipAt   int // depth of the element whose subtree is left out (0: none)
	docTitle string
	titleAt  int // depth of the first <title>, while it is open
	titleBuf strings.Builder
	// An element read whole: its depth, kind, anchor (answers) and text;
	// exclAt is a descendant left out of that text.
	captureAt, captureKind, exclAt int
	captureAnchor                  string
	captureBuf                     strings.Builder
}

func newExtractor(p *Page) *extractor {
	return &extractor{page: p, sections: []Section{{}}}
}

func (x *extractor) start(t tag) {
	x.depth++
	if x.bodyAt == 0 {
		if t.atom == atom.Title && x.docTitle == "" && x.titleAt == 0 {
			x.titleAt = x.depth
			x.titleBuf.Reset()
		}
		if t.atom == atom.Meta && x.page.Description == "" {
			if name, _ := t.attr("name"); strings.EqualFold(name, "description") {
				content, _ := t.attr("content")
				x.page.Description = collapse(content)
			}
		}
		if !t.has("data-search-body") {
			return
		}
		x.bodies++
		x.bodyAt, x.ignored, x.frames = x.depth, false, x.frames[:0]
	}
	x.frames = append(x.frames, frame{})
	switch {
	case x.skipAt > 0:
	case x.captureAt > 0:
		if x.exclAt == 0 && (skipTags[t.atom] || t.hasClass(ignoreClasses...) || t.has("data-search-ignore")) {
			x.exclAt = x.depth
		}
	default:
		x.enter(t, &x.frames[len(x.frames)-1])
	}
}

// enter applies an element's markup as it starts (outside a left-out or
// captured subtree).
func (x *extractor) enter(t tag, f *frame) {
	if skipTags[t.atom] || t.hasClass(ignoreClasses...) {
		x.skipAt = x.depth
		return
	}
	if v, ok := t.attr("data-search-section"); ok {
		x.page.Group = strings.TrimSpace(v)
	}
	if v, ok := t.attr("data-search-section-label"); ok {
		x.page.Label = strings.TrimSpace(v)
	}
	if v, ok := t.attr("data-search-weight"); ok {
		x.setWeight(t, v, f)
	}
	if t.has("data-search-ignore") {
		f.restoreIgnored, f.prevIgnored = true, x.ignored
		x.ignored = true
	}
	if anchor, ok := t.attr("data-search-answers"); ok {
		if x.ignored {
			x.skipAt = x.depth
		} else {
			x.capture(captureAnswers, anchor)
		}
		return // never part of a section's text
	}
	if t.atom == atom.H1 && !x.ignored {
		x.capture(captureH1, "") // indexed as the page title
		return
	}
	if id, ok := t.attr("id"); ok && id != "" && !x.ignored && x.startSection(t, id) {
		return
	}
	if blockTags[t.atom] {
		x.buf.WriteByte(' ')
		f.block = true
	}
	if t.atom == atom.A {
		x.inLink++
		f.link = true
	}
}

func (x *extractor) setWeight(t tag, v string, f *frame) {
	w, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || w < 0 || w > 10 {
		if x.err == nil {
			x.err = fmt.Errorf("data-search-weight=%q on <%s>: want a number from 0 to 10, such as 0.5", v, t.name)
		}
		return
	}
	f.restoreWeight, f.prevWeight = true, x.weight
	x.weight = w
	// On the indexed element itself, the weight covers the page top too:
	// that section starts where the element does.
	if t.has("data-search-body") && len(x.sections) == 1 {
		x.sections[0].Weight = w
	}
}

// startSection starts a section at an element with an id that is a heading
// or has data-search-title; it reports whether the element's own text is
// done with (a heading's text is the section's title).
func (x *extractor) startSection(t tag, id string) bool {
	title, explicit := t.attr("data-search-title")
	isHeading := headingLevel(t.atom) >= 2
	if !explicit && !isHeading {
		return false
	}
	x.flush()
	x.letters, x.linkText = 0, 0
	x.sections = append(x.sections, Section{Anchor: id, Title: collapse(title), Entry: explicit && !isHeading, Weight: x.weight})
	switch {
	case !isHeading:
		return false
	case explicit:
		x.skipAt = x.depth
	default:
		x.capture(captureHeading, "")
	}
	return true
}

func (x *extractor) capture(kind int, anchor string) {
	x.captureAt, x.captureKind, x.captureAnchor = x.depth, kind, anchor
	x.captureBuf.Reset()
}

func (x *extractor) text(s []byte) {
	if x.titleAt == x.depth && x.titleAt > 0 {
		x.titleBuf.Write(s)
	}
	switch {
	case x.bodyAt == 0 || x.skipAt > 0:
	case x.captureAt > 0:
		if x.exclAt == 0 {
			x.captureBuf.Write(s)
		}
	case !x.ignored:
		x.buf.Write(s)
		x.count(s)
	}
}

// end closes the innermost open element.
func (x *extractor) end() {
	if x.titleAt == x.depth {
		x.docTitle, x.titleAt = strings.TrimSpace(x.titleBuf.String()), 0
	}
	if x.bodyAt > 0 {
		x.leave()
	}
	x.depth--
}

func (x *extractor) leave() {
	f := x.frames[len(x.frames)-1]
	x.frames = x.frames[:len(x.frames)-1]
	switch x.depth {
	case x.skipAt:
		x.skipAt = 0
	case x.exclAt:
		x.exclAt = 0
	case x.captureAt:
		x.endCapture()
	}
	if f.block {
		x.buf.WriteByte(' ')
	}
	if f.link {
		x.inLink--
	}
	if f.restoreWeight {
		x.weight = f.prevWeight
	}
	if f.restoreIgnored {
		x.ignored = f.prevIgnored
	}
	if x.depth == x.bodyAt {
		x.bodyAt = 0
	}
}

func (x *extractor) endCapture() {
	text := x.captureBuf.String()
	switch x.captureKind {
	case captureAnswers:
		if x.answers == nil {
			x.answers = map[string]string{}
		}
		x.answers[x.captureAnchor] = collapse(x.answers[x.captureAnchor] + " " + text)
	case captureH1:
		if x.page.Title == "" {
			x.page.Title = collapse(text)
		}
	case captureHeading:
		x.sections[len(x.sections)-1].Title = collapse(text)
	}
	x.captureAt, x.captureKind = 0, captureNone
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
func (x *extractor) count(text []byte) {
	n := 0
	for _, r := range string(text) {
		if isWordRune(r) {
			n++
		}
	}
	x.letters += n
	if x.inLink > 0 {
		x.linkText += n
	}
}

// finish ends the page once every event is in: false when nothing in it
// is marked for search.
func (x *extractor) finish() (Page, bool, error) {
	if x.bodies == 0 {
		return Page{}, false, nil
	}
	x.flush()
	if x.err == nil {
		x.err = x.attachAnswers()
	}
	if x.err != nil {
		return Page{}, false, x.err
	}
	p := x.page
	if p.Title == "" {
		p.Title = x.docTitle
	}
	p.Sections = x.sections
	return *p, true, nil
}

// attachAnswers gives each section the answers written for its anchor.
func (x *extractor) attachAnswers() error {
	// In order of anchor, so a page with several stray anchors always
	// names the same one.
	for _, anchor := range slices.Sorted(maps.Keys(x.answers)) {
		i := slices.IndexFunc(x.sections, func(s Section) bool { return s.Anchor == anchor })
		if i < 0 {
			return fmt.Errorf("data-search-answers=%q: the page has no section with that id; use the id of one of its headings, or \"\" for the page top", anchor)
		}
		x.sections[i].Answers = x.answers[anchor]
	}
	return nil
}
