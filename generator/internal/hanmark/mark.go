package hanmark

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Open is the tag wrapped around each run.
const Open, Close = `<span lang="zh-Hans">`, `</span>`

// Chinese reports whether a lang value makes Han text read as Chinese:
// zh and its subtags, except the Latin-script ones (zh-Latn-pinyin).
func Chinese(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "zh" || strings.HasPrefix(lang, "zh-") && !strings.HasPrefix(lang, "zh-latn")
}

// Page returns page with every Han run outside a Chinese-language element
// wrapped in Open and Close, and whether it changed anything. Page titles,
// attribute values, scripts and styles are left alone. It fails, naming
// the text, where a run cannot take a span (the text of an <option> or a
// <textarea>, the content of <noscript>) or where it cannot follow the
// language (a lang on an element whose end tag minified HTML may leave
// out, such as <p> or <li>: put it on a <span> or <div>).
func Page(page []byte) ([]byte, bool, error) {
	if !HasHan(page) {
		return page, false, nil
	}
	m := marker{out: make([]byte, 0, len(page)+len(page)/16)}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return nil, false, fmt.Errorf("reading the page's HTML: %w", err)
			}
			break
		}
		// Raw first: reading the tag name lowercases it in the buffer.
		raw := z.Raw()
		if tt != html.TextToken {
			m.out = append(m.out, raw...)
		}
		if err := m.token(z, tt, raw); err != nil {
			return nil, false, err
		}
	}
	if !m.changed {
		return page, false, nil
	}
	return m.out, true, nil
}

// marker follows the language through the page's tags. Only elements that
// carry lang are on the stack, each with how many elements of its own name
// opened inside it since, so its end tag is known without a full parse.
type marker struct {
	out     []byte
	changed bool
	root    bool // the <html> element's lang is Chinese
	stack   []langElem
	rawTag  string // the element whose raw text comes next (script, title…)
	select_ int    // inside a <select>: its text cannot hold a span
}

type langElem struct {
	name    string
	chinese bool
	depth   int
}

func (m *marker) chinese() bool {
	if n := len(m.stack); n > 0 {
		return m.stack[n-1].chinese
	}
	return m.root
}

func (m *marker) token(z *html.Tokenizer, tt html.TokenType, raw []byte) error {
	switch tt {
	case html.TextToken:
		return m.text(raw)
	case html.StartTagToken, html.SelfClosingTagToken:
		return m.start(z, tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		m.rawTag = ""
		name, _ := z.TagName()
		m.end(string(name))
	}
	return nil
}

// rawText are the elements whose content the tokenizer returns as one
// piece of text (x/net/html's list).
var rawText = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// optionalEnd are the elements whose end tag HTML lets a minifier leave out.
var optionalEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "rt": true, "rp": true, "optgroup": true,
	"option": true, "colgroup": true, "caption": true, "thead": true, "tbody": true,
	"tfoot": true, "tr": true, "td": true, "th": true, "head": true, "body": true,
}

var void = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

func (m *marker) start(z *html.Tokenizer, selfClosing bool) error {
	nameB, hasAttr := z.TagName()
	name := string(nameB)
	lang, hasLang := "", false
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "lang" {
			lang, hasLang = string(v), true
		}
	}
	m.rawTag = ""
	if rawText[name] && !selfClosing {
		m.rawTag = name
	}
	if name == "select" {
		m.select_++
	}
	if void[name] || selfClosing {
		return nil
	}
	if top := m.top(); top != nil && top.name == name {
		top.depth++
	}
	switch {
	case !hasLang:
	case name == "html":
		m.root = Chinese(lang)
	case optionalEnd[name]:
		if Chinese(lang) != m.chinese() {
			return fmt.Errorf("<%s lang=%q>: minified HTML may leave out this element's end tag, so where its language ends is not known; put the lang on a <span> or <div> inside it", name, lang)
		}
	default:
		m.stack = append(m.stack, langElem{name: name, chinese: Chinese(lang)})
	}
	return nil
}

func (m *marker) top() *langElem {
	if n := len(m.stack); n > 0 {
		return &m.stack[n-1]
	}
	return nil
}

func (m *marker) end(name string) {
	if name == "select" && m.select_ > 0 {
		m.select_--
	}
	top := m.top()
	if top == nil || top.name != name {
		return
	}
	if top.depth > 0 {
		top.depth--
		return
	}
	m.stack = m.stack[:len(m.stack)-1]
}

// text copies a text token, wrapping its Han runs where the language
// around it is not Chinese.
func (m *marker) text(raw []byte) error {
	tag := m.rawTag
	m.rawTag = ""
	switch {
	case tag == "title" || tag == "script" || tag == "style" || m.chinese() || !HasHan(raw):
		m.out = append(m.out, raw...)
		return nil
	case tag != "":
		return fmt.Errorf("Chinese text in <%s> cannot be marked as Chinese: %q; keep Chinese out of it or mark the element itself lang=\"zh-Hans\"", tag, clip(raw))
	case m.select_ > 0:
		return fmt.Errorf("Chinese text in a <select> cannot be marked as Chinese: %q; an option holds text only: keep Chinese out of it", clip(raw))
	}
	last := 0
	for _, r := range Runs(raw) {
		m.out = append(m.out, raw[last:r[0]]...)
		m.out = append(m.out, Open...)
		m.out = append(m.out, raw[r[0]:r[1]]...)
		m.out = append(m.out, Close...)
		last = r[1]
	}
	m.out = append(m.out, raw[last:]...)
	m.changed = true
	return nil
}

func clip(b []byte) string {
	s := strings.TrimSpace(string(b))
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
