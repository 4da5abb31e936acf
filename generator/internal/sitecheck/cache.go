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
}

// The cache file: a table of strings, then each page (its key, then its
// fields, strings by number in the table). Pages share most of their
// strings (every page links to the same navigation), so each is stored
// once: at 5,000 pages the file is a quarter of the size of the pages
// written out.
func writeCache(e *buildcache.Encoder, pages map[string]page) {
	index := map[string]uint64{}
	var table []string
	records := &buildcache.Encoder{}
	ref := func(s string) {
		i, ok := index[s]
		if !ok {
			i = uint64(len(table))
			index[s] = i
			table = append(table, s)
		}
		records.Uint(i)
	}
	for key, p := range pages {
		records.String(key)
		ref(p.title)
		ref(p.description)
		ref(p.canonical)
		records.Int(p.mainText)
		records.Bool(p.redirect)
		records.Uint(uint64(len(p.ids)))
		for id := range p.ids {
			ref(id)
		}
		records.Uint(uint64(len(p.links)))
		for _, l := range p.links {
			ref(l.tag)
			ref(l.attr)
			ref(l.url)
		}
	}
	e.Uint(uint64(len(table)))
	for _, s := range table {
		e.String(s)
	}
	e.Uint(uint64(len(pages)))
	e.Append(records)
}

// readCache reads what writeCache wrote; a string number outside the
// table marks the file damaged.
func readCache(d *buildcache.Decoder) map[string]page {
	table := make([]string, d.Len())
	for i := range table {
		table[i] = d.String()
	}
	str := func() string {
		i := d.Uint()
		if i >= uint64(len(table)) {
			d.Fail()
			return ""
		}
		return table[i]
	}
	n := d.Len()
	pages := make(map[string]page, n)
	for range n {
		if d.Err() != nil {
			break
		}
		key := d.String()
		p := page{title: str(), description: str(), canonical: str(), mainText: d.Int(), redirect: d.Bool()}
		ids := d.Len()
		p.ids = make(map[string]bool, ids)
		for range ids {
			p.ids[str()] = true
		}
		if links := d.Len(); links > 0 {
			p.links = make([]link, links)
			for i := range p.links {
				p.links[i] = link{tag: str(), attr: str(), url: str()}
			}
		}
		pages[key] = p
	}
	return pages
}

// LoadPageCache reads file; a missing, unreadable, damaged or differently
// salted cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	var pages map[string]page
	if !buildcache.ReadBinary(file, salt, func(d *buildcache.Decoder) { pages = readCache(d) }) {
		pages = nil
	}
	return &PageCache{salt: salt, entries: buildcache.New(pages)}
}

// Save writes the pages this build read (and no others); when they are
// exactly the ones loaded, the file already says so and is left alone.
func (c *PageCache) Save(file string) error {
	used, changed := c.entries.Used()
	if !changed {
		return nil
	}
	return buildcache.WriteBinary(file, c.salt, func(e *buildcache.Encoder) { writeCache(e, used) })
}

// parse returns the page, from the cache when its HTML is unchanged. The
// pages are shared between builds and never changed once parsed.
func (c *PageCache) parse(src []byte) page {
	sum := sha256.Sum256(src)
	p, _ := c.entries.Get(string(sum[:]), func() (page, error) { return parsePage(src), nil })
	return p
}

// LoadCached is Load, taking pages whose HTML is unchanged from c.
func LoadCached(fsys fs.FS, c *PageCache, skip ...string) (*Site, error) {
	return load(fsys, c.parse, skip)
}
