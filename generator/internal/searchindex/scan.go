package searchindex

import (
	"bytes"
	"errors"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"safesource.dev/safesource/generator/internal/htmltok"
)

// A scanner feeds a page's tokens to an extractor as elements nest in the
// source. That is the tree html.Parse would build only when the page is
// well formed: every element closed by its own end tag, in order, and
// nothing the HTML parsing rules move or close on their own (a <div> in an
// open <p>, a <td> outside a row, text loose in a table, unclosed elements
// at the end). Hugo's output is; on anything else the scanner stops with
// errIrregular and the page is read through html.Parse instead. The rules
// (scanrules.go) are stricter than HTML's: a page they wrongly call
// irregular only costs time.
type scanner struct {
	x    *extractor
	open []openElement
	err  error // errIrregular once the page is seen not to be well formed
}

func newScanner(src []byte, x *extractor) *scanner {
	s := &scanner{x: x}
	if bytes.IndexByte(src, 0) >= 0 {
		s.err = errIrregular // the parser drops or replaces NUL by context
	}
	return s
}

// done reports whether every token fitted and every element was closed.
func (s *scanner) done() error {
	if s.err == nil && len(s.open) > 0 {
		s.err = errIrregular
	}
	return s.err
}

// token takes one token; false once the page is irregular.
func (s *scanner) token(t *htmltok.Token) bool {
	if s.err != nil {
		return false
	}
	if !s.fits(t) {
		s.err = errIrregular
		return false
	}
	switch t.Type {
	case html.TextToken:
		s.x.text(t.Text)
	case html.EndTagToken:
		s.open = s.open[:len(s.open)-1]
		s.x.end()
	case html.StartTagToken, html.SelfClosingTagToken:
		s.start(t)
	}
	return true
}

func (s *scanner) start(t *htmltok.Token) {
	foreign := len(s.open) > 0 && s.open[len(s.open)-1].foreign
	s.x.start(tag{atom: t.Atom, name: t.Name, attrs: t.Attrs})
	if voidElements[t.Atom] || (t.Type == html.SelfClosingTagToken && (foreign || t.Atom == atom.Svg || t.Atom == atom.Math)) {
		s.x.end()
		return
	}
	e := openElement{atom: t.Atom, foreign: foreign || t.Atom == atom.Svg || t.Atom == atom.Math}
	if t.Atom == 0 {
		e.name = append([]byte(nil), t.Name...) // the tokenizer reuses its buffer
	}
	s.open = append(s.open, e)
}

// fits reports whether the token stays where the source puts it.
func (s *scanner) fits(t *htmltok.Token) bool {
	foreign := len(s.open) > 0 && s.open[len(s.open)-1].foreign
	switch t.Type {
	case html.TextToken:
		return textFits(s.open, t.Text)
	case html.CommentToken:
		return !foreign // CDATA and comments in SVG: leave them to the parser
	case html.DoctypeToken:
		return len(s.open) == 0
	case html.EndTagToken:
		return len(s.open) > 0 && s.open[len(s.open)-1].is(t.Atom, t.Name)
	case html.StartTagToken, html.SelfClosingTagToken:
		// In foreign content the parser reads a <title> or <style> as
		// markup, the tokenizer alone as text.
		return startFits(s.open, t.Atom, foreign) && !(foreign && rawText[t.Atom])
	}
	return true
}

// rawText are the elements whose content the tokenizer reads as text.
var rawText = atomSet(atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext,
	atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp)

var errIrregular = errors.New("not well formed: parse the tree")

type openElement struct {
	atom    atom.Atom
	name    []byte // only when it has no atom
	foreign bool   // SVG or MathML
}

// is reports whether the element has the tag name given by a and name.
func (e openElement) is(a atom.Atom, name []byte) bool {
	if e.atom != 0 {
		return e.atom == a
	}
	return bytes.Equal(e.name, name)
}

// tagName is the element's tag name.
func (e openElement) tagName() string {
	if e.atom != 0 {
		return e.atom.String()
	}
	return string(e.name)
}

// voidElements have no end tag.
var voidElements = atomSet(atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
	atom.Input, atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Basefont, atom.Bgsound)

func atomSet(atoms ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(atoms))
	for _, a := range atoms {
		m[a] = true
	}
	return m
}
