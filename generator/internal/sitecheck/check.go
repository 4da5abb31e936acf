package sitecheck

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"safesource.dev/safesource/generator/internal/outfs"
	"safesource.dev/safesource/generator/internal/work"
)

// Problem is one failure in the built output.
type Problem struct {
	Page string // the page's URL path, e.g. /guide/contracts/
	Msg  string
}

// Options configure a check.
type Options struct {
	// SiteURL is the production base URL (canonical links point there;
	// absolute links to its host are internal).
	SiteURL string
	// MinMainText is the fewest characters of text a page's <main> may hold.
	MinMainText int
	// StatefulFragments are page paths whose fragments may carry application
	// state (a=b&c=d) rather than name an element, such as /check/.
	StatefulFragments []string
}

// Site holds every parsed HTML page of a built site, keyed by URL path.
type Site struct {
	fsys  fs.FS
	pages map[string]page
	files map[string]bool // every file, by path from the root, slash-separated
}

// Load reads every file of the built site in fsys, except the folders in
// skip (such as the search index, written by another stage at the same
// time). Pages are parsed on every core.
func Load(fsys fs.FS, skip ...string) (*Site, error) {
	return load(fsys, func(_ string, src []byte, _ [sha256.Size]byte) page { return parsePage(src) }, skip)
}

// load parses the site's pages with parse, given each page's bytes and
// their SHA-256.
func load(fsys fs.FS, parse func(string, []byte, [sha256.Size]byte) page, skip []string) (*Site, error) {
	s := &Site{fsys: fsys, pages: map[string]page{}, files: map[string]bool{}}
	var html []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if slices.Contains(skip, p) {
				return fs.SkipDir
			}
			return nil
		}
		s.files[p] = true
		if path.Ext(p) == ".html" {
			html = append(html, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the built site: %w", err)
	}
	if len(html) == 0 {
		return nil, fmt.Errorf("the built site has no HTML pages: run the build first")
	}
	parsed := make([]page, len(html))
	if err := work.EachErr(len(html), func(i int) error {
		src, sum, err := outfs.ReadSum(fsys, html[i])
		if err != nil {
			return fmt.Errorf("reading the built site: %w", err)
		}
		parsed[i] = parse(urlPath(html[i]), src, sum)
		return nil
	}); err != nil {
		return nil, err
	}
	for i, p := range html {
		s.pages[urlPath(p)] = parsed[i]
	}
	return s, nil
}

// urlPath maps a file to the URL it is served at: guide/index.html → /guide/.
func urlPath(file string) string {
	if file == "index.html" {
		return "/"
	}
	if strings.HasSuffix(file, "/index.html") {
		return "/" + strings.TrimSuffix(file, "index.html")
	}
	return "/" + file
}

// Pages returns the URL paths of all pages, sorted.
func (s *Site) Pages() []string {
	out := make([]string, 0, len(s.pages))
	for p := range s.pages {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Check runs every output check and returns the problems, sorted by page.
func (s *Site) Check(o Options) []Problem {
	base, _ := url.Parse(o.SiteURL)
	var out []Problem
	for _, p := range s.Pages() {
		pg := s.pages[p]
		if pg.redirect {
			continue
		}
		out = append(out, s.checkMeta(p, pg, base, o)...)
		for _, l := range pg.links {
			if msg := s.checkLink(p, l.url, base, o); msg != "" || l.isResource() && offOrigin(l.url, base) {
				if msg == "" {
					msg = "loads a resource from another origin: serve it from this site (no CDNs, fonts or trackers)"
				}
				out = append(out, Problem{Page: p, Msg: fmt.Sprintf("<%s %s=%q>: %s", l.tag, l.attr, l.url, msg)})
			}
		}
	}
	return out
}

func (s *Site) checkMeta(p string, pg page, base *url.URL, o Options) []Problem {
	var out []Problem
	add := func(msg string) { out = append(out, Problem{Page: p, Msg: msg}) }
	if pg.title == "" {
		add("no <title>: give the page a `title` in its front matter")
	}
	if pg.description == "" {
		add("no <meta name=description>: give the page a `description` in its front matter")
	}
	switch c, err := url.Parse(pg.canonical); {
	case pg.canonical == "":
		add("no <link rel=canonical>")
	case err != nil || !c.IsAbs() || (base != nil && c.Host != base.Host):
		add(fmt.Sprintf("canonical URL %q is not an absolute URL on %s", pg.canonical, o.SiteURL))
	}
	if pg.mainText < o.MinMainText {
		add(fmt.Sprintf("the page is empty: its <main> holds %d characters of text (at least %d expected)", pg.mainText, o.MinMainText))
	}
	return out
}

// checkLink resolves raw (found on page p) and returns why it is broken, or
// "" when it resolves or points off-site.
func (s *Site) checkLink(p, raw string, base *url.URL, o Options) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return fmt.Sprintf("malformed URL: %v", err)
	}
	switch u.Scheme {
	case "mailto", "tel":
		return ""
	case "", "http", "https":
	default:
		return fmt.Sprintf("unsupported URL scheme %q", u.Scheme)
	}
	if u.Host != "" && (base == nil || u.Host != base.Host) {
		return "" // another site; the output check does not fetch it
	}
	target := p
	if u.Path != "" {
		target = u.Path
		if !strings.HasPrefix(target, "/") {
			target = path.Join(path.Dir(p+"x"), target)
			if strings.HasSuffix(u.Path, "/") {
				target += "/"
			}
		}
	}
	file, ok := s.resolve(target)
	if !ok {
		return fmt.Sprintf("no page or file at %s", target)
	}
	if u.Fragment == "" || path.Ext(file) != ".html" {
		return ""
	}
	for _, sp := range o.StatefulFragments {
		if urlPath(file) == sp && strings.Contains(u.Fragment, "=") {
			return ""
		}
	}
	if !s.pages[urlPath(file)].ids[u.Fragment] {
		return fmt.Sprintf("page %s has no element with id %q", urlPath(file), u.Fragment)
	}
	return ""
}

// isResource reports whether the browser fetches the URL while loading the
// page (as opposed to a link the reader may follow).
func (l link) isResource() bool {
	return l.tag != "a" && l.tag != "form"
}

func offOrigin(raw string, base *url.URL) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return false
	}
	return base == nil || u.Host != base.Host
}

// resolve finds the file a URL path is served from.
func (s *Site) resolve(target string) (string, bool) {
	rel := strings.TrimPrefix(target, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		f := rel + "index.html"
		return f, s.files[f]
	}
	if s.files[rel] {
		return rel, true
	}
	if f := rel + "/index.html"; s.files[f] {
		return f, true
	}
	return "", false
}

// CheckTargets verifies site paths named outside the pages (such as the
// checker rules' guide links) resolve, anchor included.
func (s *Site) CheckTargets(what string, targets []string) []Problem {
	var out []Problem
	for _, t := range targets {
		if msg := s.checkLink("/", t, nil, Options{}); msg != "" {
			out = append(out, Problem{Page: t, Msg: fmt.Sprintf("%s %q: %s", what, t, msg)})
		}
	}
	return out
}
