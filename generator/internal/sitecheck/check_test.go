package sitecheck

import (
	"strings"
	"testing"
	"testing/fstest"
)

const head = `<html><head><title>T</title><meta name="description" content="A page."><link rel="canonical" href="https://example.org%s"></head><body><main>`
const tail = `</main></body></html>`

// pageHTML builds a complete, valid page at url path p with body inside <main>.
func pageHTML(p, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(strings.Replace(head, "%s", p, 1) + body + strings.Repeat(" filler text", 10) + tail)}
}

func check(t *testing.T, fsys fstest.MapFS) []Problem {
	t.Helper()
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return s.Check(Options{SiteURL: "https://example.org/", MinMainText: 50, StatefulFragments: []string{"/check/"}})
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name    string
		body    string // placed on /guide/a/
		wantErr string // substring of the single expected problem; "" for none
	}{
		{"page link", `<a href="/guide/b/">b</a>`, ""},
		{"anchor on other page", `<a href="/guide/b/#step-2">b</a>`, ""},
		{"same-page anchor", `<h2 id="here">x</h2><a href="#here">h</a>`, ""},
		{"relative sibling", `<a href="../b/">b</a>`, ""},
		{"relative with anchor", `<a href="../b/#step-2">b</a>`, ""},
		{"asset", `<link rel="stylesheet" href="/assets/site.css">`, ""},
		{"absolute on own host", `<a href="https://example.org/guide/b/#step-2">b</a>`, ""},
		{"other site", `<a href="https://gsxt.gov.cn/">x</a>`, ""},
		{"mailto", `<a href="mailto:a@b.c">x</a>`, ""},
		{"stateful fragment", `<a href="/check/#platform=1688&samples=passed">x</a>`, ""},
		{"checker question anchor", `<a href="/check/#q-platform">x</a>`, ""},
		{"broken page", `<a href="/guide/missing/">x</a>`, "no page or file at /guide/missing/"},
		{"broken anchor", `<a href="/guide/b/#nope">x</a>`, `page /guide/b/ has no element with id "nope"`},
		{"broken same-page anchor", `<a href="#nowhere">x</a>`, `page /guide/a/ has no element with id "nowhere"`},
		{"broken relative", `<a href="../c/">x</a>`, "no page or file at /guide/c/"},
		{"broken asset", `<script src="/assets/gone.js"></script>`, "no page or file at /assets/gone.js"},
		{"broken absolute on own host", `<a href="https://example.org/nope/">x</a>`, "no page or file at /nope/"},
		{"unknown question anchor", `<a href="/check/#q-nope">x</a>`, `page /check/ has no element with id "q-nope"`},
		{"preview image", `<meta property="og:image" content="https://example.org/assets/site.css">`, ""},
		{"missing preview image", `<meta property="og:image" content="https://example.org/og.jpg">`, "no page or file at /og.jpg"},
		{"bad scheme", `<a href="javascript:alert(1)">x</a>`, "unsupported URL scheme"},
		{"third-party script", `<script src="https://cdn.example.com/x.js"></script>`, "loads a resource from another origin"},
		{"third-party stylesheet", `<link rel="stylesheet" href="//fonts.example.com/f.css">`, "loads a resource from another origin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"guide/a/index.html": pageHTML("/guide/a/", tt.body),
				"guide/b/index.html": pageHTML("/guide/b/", `<h2 id="step-2">Step 2</h2>`),
				"check/index.html":   pageHTML("/check/", `<div id="q-platform"></div>`),
				"assets/site.css":    &fstest.MapFile{Data: []byte("body{}")},
			}
			probs := check(t, fsys)
			if tt.wantErr == "" {
				if len(probs) != 0 {
					t.Fatalf("want no problems, got %v", probs)
				}
				return
			}
			if len(probs) != 1 || !strings.Contains(probs[0].Msg, tt.wantErr) || probs[0].Page != "/guide/a/" {
				t.Fatalf("want one problem on /guide/a/ containing %q, got %v", tt.wantErr, probs)
			}
		})
	}
}

func TestMeta(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"no title", `<html><head><meta name="description" content="d"><link rel="canonical" href="https://example.org/x/"></head><body><main>` + strings.Repeat("text ", 20) + `</main></body></html>`, "no <title>"},
		{"no description", `<html><head><title>T</title><link rel="canonical" href="https://example.org/x/"></head><body><main>` + strings.Repeat("text ", 20) + `</main></body></html>`, "no <meta name=description>"},
		{"no canonical", `<html><head><title>T</title><meta name="description" content="d"></head><body><main>` + strings.Repeat("text ", 20) + `</main></body></html>`, "no <link rel=canonical>"},
		{"relative canonical", `<html><head><title>T</title><meta name="description" content="d"><link rel="canonical" href="/x/"></head><body><main>` + strings.Repeat("text ", 20) + `</main></body></html>`, "not an absolute URL"},
		{"empty page", `<html><head><title>T</title><meta name="description" content="d"><link rel="canonical" href="https://example.org/x/"></head><body><nav>` + strings.Repeat("chrome ", 20) + `</nav><main> </main></body></html>`, "the page is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := check(t, fstest.MapFS{"x/index.html": {Data: []byte(tt.html)}})
			if len(probs) != 1 || !strings.Contains(probs[0].Msg, tt.want) {
				t.Fatalf("want one problem containing %q, got %v", tt.want, probs)
			}
		})
	}
}

func TestRedirectPagesAreSkipped(t *testing.T) {
	probs := check(t, fstest.MapFS{
		"old/index.html": {Data: []byte(`<html><head><meta http-equiv="refresh" content="0; url=/new/"></head></html>`)},
	})
	if len(probs) != 0 {
		t.Fatalf("alias page reported: %v", probs)
	}
}

func TestLoadEmptySite(t *testing.T) {
	if _, err := Load(fstest.MapFS{"a.css": {Data: []byte("x")}}); err == nil {
		t.Fatal("want an error for a site without pages")
	}
}

func TestURLPath(t *testing.T) {
	for file, want := range map[string]string{
		"index.html":       "/",
		"guide/index.html": "/guide/",
		"404.html":         "/404.html",
		"a/b/index.html":   "/a/b/",
	} {
		if got := urlPath(file); got != want {
			t.Errorf("urlPath(%q) = %q, want %q", file, got, want)
		}
	}
}
