// Package sitecheck verifies the built site in public/: every internal link
// and #anchor resolves, and every page has a title, a meta description, a
// canonical URL and real content.
package sitecheck

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"safesource.dev/safesource/generator/internal/htmltok"
)

// page is what the checks need from one HTML file.
type page struct {
	ids         map[string]bool
	links       []link
	title       string
	description string
	canonical   string
	mainText    int  // characters of text inside <main>
	redirect    bool // an alias page (meta refresh)
}

type link struct {
	tag, attr, url string
}

// linkAttrs are the attributes whose URLs must resolve.
var linkAttrs = map[atom.Atom]string{
	atom.A: "href", atom.Link: "href", atom.Script: "src", atom.Img: "src",
	atom.Source: "src", atom.Form: "action", atom.Iframe: "src",
}

func parsePage(src []byte) page {
	r := newPageReader()
	_ = htmltok.Read(src, r.token) // reading bytes ends only at their end
	return r.page()
}

// Parsed is what the checks need from one page (PageReader).
type Parsed struct{ p page }

// PageReader reads what the checks need from a page's tokens, which
// htmltok.Read may pass to other readers too.
type PageReader struct{ r *pageReader }

// NewPageReader starts reading one page.
func NewPageReader() PageReader { return PageReader{newPageReader()} }

// Token takes the page's next token (an htmltok.Reader).
func (r PageReader) Token(t *htmltok.Token) bool { return r.r.token(t) }

// Parsed returns the page read, once every token is in.
func (r PageReader) Parsed() Parsed { return Parsed{r.r.page()} }

// pageReader gathers a page's facts from its tokens.
type pageReader struct {
	p         page
	inTitle   bool
	mainDepth int
	title     strings.Builder
}

func newPageReader() *pageReader {
	return &pageReader{p: page{ids: map[string]bool{}}}
}

func (r *pageReader) page() page {
	r.p.title = strings.TrimSpace(r.title.String())
	return r.p
}

func (r *pageReader) token(t *htmltok.Token) bool {
	p := &r.p
	switch t.Type {
	case html.TextToken:
		if r.inTitle {
			r.title.Write(t.Text)
		} else if r.mainDepth > 0 {
			p.mainText += len(bytes.TrimSpace(t.Text))
		}
	case html.EndTagToken:
		switch t.Atom {
		case atom.Title:
			r.inTitle = false
		case atom.Main:
			r.mainDepth--
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		r.start(t)
	}
	return true
}

func (r *pageReader) start(t *htmltok.Token) {
	p := &r.p
	get := func(key string) string {
		v, _ := t.Get(key)
		return string(v)
	}
	a := t.Atom
	if id := get("id"); id != "" {
		p.ids[id] = true
	}
	if a == atom.A && get("name") != "" {
		p.ids[get("name")] = true
	}
	switch a {
	case atom.Title:
		r.inTitle = t.Type == html.StartTagToken
	case atom.Main:
		if t.Type == html.StartTagToken {
			r.mainDepth++
		}
	case atom.Meta:
		switch {
		case get("name") == "description":
			p.description = strings.TrimSpace(get("content"))
		case strings.EqualFold(get("http-equiv"), "refresh"):
			p.redirect = true
		case get("property") == "og:image":
			// Link previews fetch it: it must exist on this site.
			p.links = append(p.links, link{tag: "meta", attr: "content", url: get("content")})
		}
	case atom.Link:
		if hasToken(get("rel"), "canonical") {
			p.canonical = get("href")
		}
	}
	if key, ok := linkAttrs[a]; ok {
		if v, ok := t.Get(key); ok {
			p.links = append(p.links, link{tag: a.String(), attr: key, url: string(v)})
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
