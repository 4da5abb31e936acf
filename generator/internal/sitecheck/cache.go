package sitecheck

import (
	"crypto/sha256"
	"io/fs"

	"safesource.dev/safesource/generator/internal/buildcache"
)

// PageCache keeps parsed pages between builds, keyed by the SHA-256 of
// their HTML, so a rebuild parses only the pages that changed. The salt
// (the build program's own hash) drops every entry when the parser may
// have changed. Saving keeps only the pages this build read.
type PageCache struct {
	salt    string
	entries *buildcache.Entries[page]
	read    func(url string, src []byte) Parsed // nil: parsePage
}

// writePage writes one page, its strings by number in the file's string
// table: pages share most of their strings (every page links to the same
// navigation), so each is stored once, and at 5,000 pages the file is a
// quarter of the size of the pages written out.
func writePage(e *buildcache.Encoder, table *buildcache.StringTable, p page) {
	table.Ref(e, p.title)
	table.Ref(e, p.description)
	table.Ref(e, p.canonical)
	e.Int(p.mainText)
	e.Bool(p.redirect)
	e.Uint(uint64(len(p.ids)))
	for id := range p.ids {
		table.Ref(e, id)
	}
	e.Uint(uint64(len(p.links)))
	for _, l := range p.links {
		table.Ref(e, l.tag)
		table.Ref(e, l.attr)
		table.Ref(e, l.url)
	}
}

// readPage reads what writePage wrote; a string number outside the table
// marks the file damaged.
func readPage(d *buildcache.Decoder, table []string) page {
	p := page{title: d.Ref(table), description: d.Ref(table), canonical: d.Ref(table), mainText: d.Int(), redirect: d.Bool()}
	ids := d.Len()
	p.ids = make(map[string]bool, ids)
	for range ids {
		p.ids[d.Ref(table)] = true
	}
	if links := d.Len(); links > 0 {
		p.links = make([]link, links)
		for i := range p.links {
			p.links[i] = link{tag: d.Ref(table), attr: d.Ref(table), url: d.Ref(table)}
		}
	}
	return p
}

// LoadPageCache reads file; a missing, unreadable, damaged or differently
// salted cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	return &PageCache{salt: salt, entries: buildcache.Load(file, salt, readPage)}
}

// Save writes the pages this build read (and no others); when they are
// exactly the ones loaded, the file already says so and is left alone.
func (c *PageCache) Save(file string) error {
	return c.entries.Save(file, c.salt, writePage)
}

// parse returns the page, from the cache when its HTML is unchanged. The
// pages are shared between builds and never changed once parsed.
func (c *PageCache) parse(url string, src []byte, sum [sha256.Size]byte) page {
	p, _ := c.entries.Get(string(sum[:]), func() (page, error) {
		if c.read != nil {
			return c.read(url, src).p, nil
		}
		return parsePage(src), nil
	})
	return p
}

// ReadWith has the pages that are not in the cache read by read (given
// the page's URL path and HTML), such as a reader that tokenizes each page
// once for the output check and another stage (PageReader).
func (c *PageCache) ReadWith(read func(url string, src []byte) Parsed) {
	c.read = read
}

// LoadCached is Load, taking pages whose HTML is unchanged from c.
func LoadCached(fsys fs.FS, c *PageCache, skip ...string) (*Site, error) {
	return load(fsys, c.parse, skip)
}
