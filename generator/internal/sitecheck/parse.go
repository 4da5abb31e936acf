// Package sitecheck verifies the built site in public/: every internal link
// and #anchor resolves, and every page has a title, a meta description, a
// canonical URL and real content.
package sitecheck

import (
	"bytes"
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
				p.mainText += len(strings.TrimSpace(string(z.Text())))
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
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			if id := attrs["id"]; id != "" {
				p.ids[id] = true
			}
			if a == atom.A && attrs["name"] != "" {
				p.ids[attrs["name"]] = true
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
				case attrs["name"] == "description":
					p.description = strings.TrimSpace(attrs["content"])
				case strings.EqualFold(attrs["http-equiv"], "refresh"):
					p.redirect = true
				case attrs["property"] == "og:image":
					// Link previews fetch it: it must exist on this site.
					p.links = append(p.links, link{tag: "meta", attr: "content", url: attrs["content"]})
				}
			case atom.Link:
				if hasToken(attrs["rel"], "canonical") {
					p.canonical = attrs["href"]
				}
			}
			if attr, ok := linkAttrs[a]; ok {
				if u, ok := attrs[attr]; ok {
					p.links = append(p.links, link{tag: a.String(), attr: attr, url: u})
				}
			}
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
