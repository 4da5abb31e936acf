package searchindex

import (
	"crypto/sha256"
	"encoding/hex"

	"safesource.dev/safesource/generator/internal/buildcache"
)

// PageCache keeps extracted pages between builds, so a rebuild parses only
// the pages whose HTML changed. Entries are keyed by the page's URL and the
// hash of its HTML; the salt (the build program's own hash) drops every entry
// when the extractor may have changed.
type PageCache struct {
	salt    string
	entries *buildcache.Entries[cachedPage]
}

type cachedPage struct {
	Page    Page
	Indexed bool // false: the page has no data-search-body
}

// LoadPageCache reads file; a missing, unreadable, damaged or differently
// salted cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	pages, _ := buildcache.LoadBinary(file, salt, decodePage)
	return &PageCache{salt: salt, entries: buildcache.New(pages)}
}

func encodePage(e *buildcache.Encoder, c cachedPage) {
	e.Bool(c.Indexed)
	p := c.Page
	e.String(p.URL)
	e.String(p.Title)
	e.String(p.Group)
	e.String(p.Label)
	e.Uint(uint64(len(p.Sections)))
	for _, s := range p.Sections {
		e.String(s.Anchor)
		e.String(s.Title)
		e.String(s.Text)
		e.Bool(s.Entry)
		e.Float(s.Weight)
	}
}

func decodePage(d *buildcache.Decoder) cachedPage {
	var c cachedPage
	c.Indexed = d.Bool()
	p := &c.Page
	p.URL, p.Title, p.Group, p.Label = d.String(), d.String(), d.String(), d.String()
	if n := d.Len(); n > 0 {
		p.Sections = make([]Section, n)
		for i := range p.Sections {
			s := &p.Sections[i]
			s.Anchor, s.Title, s.Text = d.String(), d.String(), d.String()
			s.Entry, s.Weight = d.Bool(), d.Float()
		}
	}
	return c
}

// Save writes the pages this build extracted or reused (and no others);
// when they are exactly the ones loaded, the file is left alone.
func (c *PageCache) Save(file string) error {
	used, changed := c.entries.Used()
	if !changed {
		return nil
	}
	return buildcache.SaveBinary(file, c.salt, used, encodePage)
}

func (c *PageCache) extract(url string, src []byte) (Page, bool, error) {
	sum := sha256.Sum256(src)
	e, err := c.entries.Get(url+" "+hex.EncodeToString(sum[:]), func() (cachedPage, error) {
		p, indexed, err := Extract(url, src)
		return cachedPage{p, indexed}, err
	})
	return e.Page, e.Indexed, err
}

// FromSiteCached is FromSite, taking unchanged pages from c.
func FromSiteCached(root string, c *PageCache, skip ...string) ([]Page, error) {
	return fromSite(root, c.extract, skip)
}
