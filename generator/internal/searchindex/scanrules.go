package searchindex

import (
	"bytes"

	"golang.org/x/net/html/atom"
)

// The rules scan applies so that the elements it reports nest as the tree
// html.Parse builds: each says where a start tag or text is sure to stay
// where the source puts it. Anything else is irregular (see scan).

// textFits reports whether text stays in the innermost open element:
// white space always does (the parser keeps it in place, drops it or,
// after </body>, adds it to the body, which changes no word); other text
// does inside body content, not loose in the document, the head or a table.
func textFits(open []openElement, text []byte) bool {
	if len(bytes.Trim(text, "\t\n\f\r ")) == 0 {
		return true
	}
	if len(open) == 0 {
		return false
	}
	switch open[len(open)-1].atom {
	case atom.Html, atom.Head, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Colgroup, atom.Frameset:
		return false
	}
	return true
}

// startFits reports whether an element starting here is put here, inside
// the innermost open element, which stays open.
func startFits(open []openElement, a atom.Atom, foreign bool) bool {
	if foreign {
		return foreignFits(open, a)
	}
	if len(open) == 0 {
		return a == atom.Html
	}
	top := open[len(open)-1].atom
	switch {
	case a == atom.Html || a == atom.Head || a == atom.Body:
		return len(open) == 1 && top == atom.Html && a != atom.Html
	case top == atom.Html:
		return false
	case top == atom.Head:
		return headElements[a]
	case neverRegular[a]:
		return false
	case tableRows[top]:
		return tableChildFits(top, a)
	case tableParts[a]:
		return false
	case hasOpen(open, atom.Select):
		return (a == atom.Option && top != atom.Option) || (a == atom.Optgroup && top != atom.Option && top != atom.Optgroup) || a == atom.Script
	case (a == atom.Option || a == atom.Optgroup) && top == atom.Option:
		return false
	case pClosers[a] && hasOpen(open, atom.P):
		return false
	case headingLevel(a) > 0 && openHeading(open):
		return false
	case a == atom.A || a == atom.Nobr || a == atom.Button || a == atom.Form:
		return !hasOpen(open, a) // the parser closes the open one first
	case a == atom.Rb || a == atom.Rp || a == atom.Rt || a == atom.Rtc:
		return top == atom.Ruby
	case a == atom.Li:
		return !openBefore(open, []atom.Atom{atom.Li}, []atom.Atom{atom.Ul, atom.Ol, atom.Menu})
	case a == atom.Dd || a == atom.Dt:
		return !openBefore(open, []atom.Atom{atom.Dd, atom.Dt}, []atom.Atom{atom.Dl})
	}
	return true
}

// foreignFits: inside SVG or MathML, an HTML element (or any element in a
// part that holds HTML) makes the parser leave the foreign content.
func foreignFits(open []openElement, a atom.Atom) bool {
	switch open[len(open)-1].tagName() {
	case "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml":
		return false
	}
	return !foreignBreakout[a]
}

// tableChildFits: directly in a table, its sections and rows, only their
// own parts (other content is moved before the table).
func tableChildFits(top, a atom.Atom) bool {
	if a == atom.Script || a == atom.Style {
		return true
	}
	switch top {
	case atom.Table:
		return a == atom.Caption || a == atom.Colgroup || a == atom.Tbody || a == atom.Thead || a == atom.Tfoot
	case atom.Tbody, atom.Thead, atom.Tfoot:
		return a == atom.Tr
	case atom.Tr:
		return a == atom.Td || a == atom.Th
	case atom.Colgroup:
		return a == atom.Col
	}
	return false
}

func hasOpen(open []openElement, a atom.Atom) bool {
	for _, e := range open {
		if e.atom == a {
			return true
		}
	}
	return false
}

func openHeading(open []openElement) bool {
	for _, e := range open {
		if headingLevel(e.atom) > 0 {
			return true
		}
	}
	return false
}

// openBefore reports whether one of want is open inside the innermost open
// element of stop (or anywhere, if none is).
func openBefore(open []openElement, want, stop []atom.Atom) bool {
	for i := len(open) - 1; i >= 0; i-- {
		for _, w := range want {
			if open[i].atom == w {
				return true
			}
		}
		for _, s := range stop {
			if open[i].atom == s {
				return false
			}
		}
	}
	return false
}

var (
	headElements = atomSet(atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Title,
		atom.Noscript, atom.Noframes, atom.Style, atom.Script)
	// neverRegular: elements the parser renames, ignores or parses by
	// rules of their own (template contents, frames).
	neverRegular = atomSet(atom.Template, atom.Frameset, atom.Frame, atom.Image, atom.Plaintext)
	tableRows    = atomSet(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Colgroup)
	tableParts   = atomSet(atom.Caption, atom.Colgroup, atom.Col, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th)
	// pClosers close an open <p>.
	pClosers = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Section, atom.Summary,
		atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form,
		atom.Plaintext, atom.Table, atom.Hr, atom.Xmp, atom.Li, atom.Dd, atom.Dt)
	foreignBreakout = atomSet(atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center, atom.Code,
		atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing, atom.Menu, atom.Meta, atom.Nobr,
		atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small, atom.Span, atom.Strong, atom.Strike,
		atom.Sub, atom.Sup, atom.Table, atom.Tt, atom.U, atom.Ul, atom.Var, atom.Font)
)
