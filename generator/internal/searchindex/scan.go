package searchindex

import (
	"bytes"
	"errors"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scan feeds a page's tokens to x as elements nest in the source. That is
// the tree html.Parse would build only when the page is well formed: every
// element closed by its own end tag, in order, and nothing the HTML
// parsing rules move or close on their own (a <div> in an open <p>, a <td>
// outside a row, text loose in a table, unclosed elements at the end).
// Hugo's output is; on anything else scan stops with errIrregular and the
// page is read through html.Parse instead. The rules below are stricter
// than HTML's: a page they wrongly call irregular only costs time.
func scan(src []byte, x *extractor) error {
	if bytes.IndexByte(src, 0) >= 0 {
		return errIrregular // the parser drops or replaces NUL by context
	}
	z := html.NewTokenizer(bytes.NewReader(src))
	var open []openElement
	var attrs []attribute
	for {
		foreign := len(open) > 0 && open[len(open)-1].foreign
		z.AllowCDATA(foreign)
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			if z.Err() != io.EOF || len(open) > 0 {
				return errIrregular
			}
			return nil
		case html.TextToken:
			text := z.Text()
			if !textFits(open, text) {
				return errIrregular
			}
			x.text(text)
		case html.CommentToken:
			if foreign {
				return errIrregular // CDATA and comments in SVG: leave them to the parser
			}
		case html.DoctypeToken:
			if len(open) > 0 {
				return errIrregular
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || !bytes.Equal(open[len(open)-1].name, name) {
				return errIrregular
			}
			open = open[:len(open)-1]
			x.end()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			attrs = attrs[:0]
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if !containsKey(attrs, k) {
					attrs = append(attrs, attribute{k, v})
				}
			}
			if !startFits(open, a, foreign) {
				return errIrregular
			}
			if foreign {
				// As the parser does: no raw text (an SVG <title>) in foreign content.
				z.NextIsNotRawText()
			}
			x.start(tag{atom: a, name: name, attrs: attrs})
			if voidElements[a] || (tt == html.SelfClosingTagToken && (foreign || a == atom.Svg || a == atom.Math)) {
				x.end()
				continue
			}
			// The name is copied: the tokenizer reuses its buffer.
			open = append(open, openElement{name: append([]byte(nil), name...), atom: a, foreign: foreign || a == atom.Svg || a == atom.Math})
		}
	}
}

var errIrregular = errors.New("not well formed: parse the tree")

type openElement struct {
	name    []byte
	atom    atom.Atom
	foreign bool // SVG or MathML
}

func containsKey(attrs []attribute, k []byte) bool {
	for _, a := range attrs {
		if bytes.Equal(a.key, k) {
			return true
		}
	}
	return false
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
