// Package htmltok reads a page's HTML tokens once for several readers: the
// search index's extractor and the output check each used to tokenize
// every page of the site themselves.
package htmltok

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Token is one token of a page. Its slices are only valid during the call
// it is passed to.
type Token struct {
	Type html.TokenType // never ErrorToken
	Atom atom.Atom      // a tag's name, when it has an atom
	Name []byte         // a tag's name, lower case
	// Attrs are a start tag's attributes, keys in lower case; of
	// attributes with the same key, only the first.
	Attrs []Attr
	Text  []byte // a text token's text, unescaped
}

// Attr is one attribute of a start tag.
type Attr struct{ Key, Val []byte }

// Get returns the value of the attribute key and whether the tag has it.
func (t *Token) Get(key string) ([]byte, bool) {
	for _, a := range t.Attrs {
		if string(a.Key) == key {
			return a.Val, true
		}
	}
	return nil, false
}

// Reader takes a page's tokens in order; it returns false when it needs
// no more of them.
type Reader func(t *Token) bool

// Read tokenizes src once, passing each token to every reader that still
// wants them, and stops when none does or at the end of src. A tokenizer
// error other than the end of the input is returned.
func Read(src []byte, readers ...Reader) error {
	z := html.NewTokenizer(bytes.NewReader(src))
	active := append([]Reader(nil), readers...)
	var t Token
	for len(active) > 0 {
		tt := z.Next()
		t = Token{Type: tt, Attrs: t.Attrs[:0]}
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return err
			}
			return nil
		case html.TextToken:
			t.Text = z.Text()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			t.Name, t.Atom = name, atom.Lookup(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if _, dup := t.Get(string(k)); !dup {
					t.Attrs = append(t.Attrs, Attr{k, v})
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			t.Name, t.Atom = name, atom.Lookup(name)
		}
		kept := active[:0]
		for _, r := range active {
			if r(&t) {
				kept = append(kept, r)
			}
		}
		active = kept
	}
	return nil
}
