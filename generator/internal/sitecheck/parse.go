// Package sitecheck verifies the built site in public/: every internal link
// and #anchor resolves, and every page has a title, a meta description, a
// canonical URL and real content.
package sitecheck

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	p := page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(src))
	inTitle, mainDepth := false, 0
	var title strings.Builder
	// A tag's attributes, reused from tag to tag: a map per tag was most of
	// this function's time.
	var attrs []attr
	get := func(key string) string {
		for _, a := range attrs {
			if string(a.key) == key {
				return string(a.val)
			}
		}
		return ""
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			p.title = strings.TrimSpace(title.String())
			return p
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
			} else if mainDepth > 0 {
				p.mainText += len(bytes.TrimSpace(z.Text()))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title:
				inTitle = false
			case atom.Main:
				mainDepth--
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs = attrs[:0]
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				// The slices stay valid until the next token. A duplicate
				// attribute does not replace the first (as in browsers).
				if !slices.ContainsFunc(attrs, func(x attr) bool { return bytes.Equal(x.key, k) }) {
					attrs = append(attrs, attr{k, v})
				}
			}
			if id := get("id"); id != "" {
				p.ids[id] = true
			}
			if a == atom.A && get("name") != "" {
				p.ids[get("name")] = true
			}
			switch a {
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.Main:
				if tt == html.StartTagToken {
					mainDepth++
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
				for _, at := range attrs {
					if string(at.key) == key {
						p.links = append(p.links, link{tag: a.String(), attr: key, url: string(at.val)})
						break
					}
				}
			}
		}
	}
}

type attr struct{ key, val []byte }

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
