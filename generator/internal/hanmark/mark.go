package hanmark

import (
	"bytes"
	"fmt"
	"strings"
)

// Open and Close are the tags wrapped around each run.
const Open, Close = `<span lang="zh-Hans">`, `</span>`

// Chinese reports whether a lang value makes Han text read as Chinese:
// zh and its subtags, except the Latin-script ones (zh-Latn-pinyin).
func Chinese(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "zh" || strings.HasPrefix(lang, "zh-") && !strings.HasPrefix(lang, "zh-latn")
}

// Page returns page with every Han run outside a Chinese-language element
// wrapped in Open and Close, and whether it changed anything. Page titles,
// attribute values, comments, scripts and styles are left alone. It fails,
// naming the text, where a run cannot take a span (the text of an <option>
// or a <textarea>, the content of <noscript>) or where it cannot follow the
// language (a lang on an element whose end tag minified HTML may leave out,
// such as <p> or <li>: put it on a <span> or <div>).
//
// The page is read by a scanner of its own rather than an HTML tokenizer:
// only the tags, the lang attributes and the text matter here, and the
// build runs it on every page that holds Chinese.
func Page(page []byte) ([]byte, bool, error) {
	if !HasHan(page) {
		return page, false, nil
	}
	m := marker{page: page}
	if err := m.scan(); err != nil {
		return nil, false, err
	}
	if m.out == nil {
		return page, false, nil
	}
	return append(m.out, page[m.copied:]...), true, nil
}

// marker follows the language through the page's tags. Only elements that
// carry lang are on the stack, each with how many elements of its own name
// opened inside it since, so its end tag is known without a full parse.
type marker struct {
	page    []byte
	out     []byte // nil until the first run is wrapped
	copied  int    // page[:copied] is in out
	root    bool   // the <html> element's lang is Chinese
	stack   []langElem
	select_ int // inside a <select>: its text cannot hold a span
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

func (m *marker) scan() error {
	b := m.page
	for i := 0; i < len(b); {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			return m.text(i, len(b))
		}
		if err := m.text(i, i+lt); err != nil {
			return err
		}
		next, err := m.markup(i + lt)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// markup reads what starts with the '<' at i and returns where it ends.
func (m *marker) markup(i int) (int, error) {
	b := m.page
	rest := b[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return skipPast(b, i+4, "-->"), nil
	case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
		return skipPast(b, i+2, ">"), nil
	case len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
		name, j := tagName(b, i+2)
		m.end(name)
		return skipPast(b, j, ">"), nil
	case len(rest) > 1 && isLetter(rest[1]):
		return m.start(i)
	}
	return i + 1, nil // a '<' that starts no tag is text, and no Han
}

func (m *marker) start(i int) (int, error) {
	b := m.page
	name, j := tagName(b, i+1)
	lang, hasLang, end := attrs(b, j)
	if name == "select" {
		m.select_++
	}
	if err := m.open(name, lang, hasLang); err != nil {
		return 0, err
	}
	if !rawText[name] {
		return end, nil
	}
	close := rawEnd(b, end, name)
	if err := m.raw(name, end, close); err != nil {
		return 0, err
	}
	return close, nil
}

func (m *marker) open(name, lang string, hasLang bool) error {
	if void[name] {
		return nil
	}
	if n := len(m.stack); n > 0 && m.stack[n-1].name == name {
		m.stack[n-1].depth++
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

func (m *marker) end(name string) {
	if name == "select" && m.select_ > 0 {
		m.select_--
	}
	n := len(m.stack)
	if n == 0 || m.stack[n-1].name != name {
		return
	}
	if m.stack[n-1].depth > 0 {
		m.stack[n-1].depth--
		return
	}
	m.stack = m.stack[:n-1]
}

// raw checks the content of an element the HTML parser reads as raw text.
func (m *marker) raw(name string, from, to int) error {
	text := m.page[from:to]
	switch {
	case name == "title" || name == "script" || name == "style" || m.chinese() || !HasHan(text):
		return nil
	}
	return fmt.Errorf("Chinese text in <%s> cannot be marked as Chinese: %q; keep Chinese out of it or mark the element itself lang=\"zh-Hans\"", name, clip(text))
}

// text wraps the Han runs of page[from:to] where the language around it is
// not Chinese.
func (m *marker) text(from, to int) error {
	text := m.page[from:to]
	if m.chinese() || !HasHan(text) {
		return nil
	}
	if m.select_ > 0 {
		return fmt.Errorf("Chinese text in a <select> cannot be marked as Chinese: %q; an option holds text only: keep Chinese out of it", clip(text))
	}
	if m.out == nil {
		m.out = make([]byte, 0, len(m.page)+len(m.page)/8)
	}
	for at := 0; ; {
		start, end := nextRun(text, at)
		if start < 0 {
			return nil
		}
		m.out = append(m.out, m.page[m.copied:from+start]...)
		m.out = append(m.out, Open...)
		m.out = append(m.out, text[start:end]...)
		m.out = append(m.out, Close...)
		m.copied = from + end
		at = end
	}
}

func clip(b []byte) string {
	s := strings.TrimSpace(string(b))
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
