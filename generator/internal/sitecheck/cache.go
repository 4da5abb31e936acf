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
	entries *buildcache.Entries[record]
}

// record is a page in a form gob can store.
type record struct {
	IDs                           []string
	Links                         []linkRecord
	Title, Description, Canonical string
	MainText                      int
	Redirect                      bool
}

type linkRecord struct{ Tag, Attr, URL string }

func toRecord(p page) record {
	r := record{Title: p.title, Description: p.description, Canonical: p.canonical, MainText: p.mainText, Redirect: p.redirect}
	for id := range p.ids {
		r.IDs = append(r.IDs, id)
	}
	for _, l := range p.links {
		r.Links = append(r.Links, linkRecord{l.tag, l.attr, l.url})
	}
	return r
}

func (r record) page() page {
	p := page{ids: make(map[string]bool, len(r.IDs)), title: r.Title, description: r.Description, canonical: r.Canonical, mainText: r.MainText, redirect: r.Redirect}
	for _, id := range r.IDs {
		p.ids[id] = true
	}
	for _, l := range r.Links {
		p.links = append(p.links, link{tag: l.Tag, attr: l.Attr, url: l.URL})
	}
	return p
}

// cacheFile is the cache on disk. Pages share most of their strings (every
// page links to the same navigation), so each string is stored once and
// records refer to it by number: the file is several times smaller and
// quicker to read than the records themselves.
type cacheFile struct {
	Strings []string
	Keys    []string
	Pages   []packedRecord
}

type packedRecord struct {
	IDs                           []uint32
	Links                         []uint32 // tag, attr, url, tag, attr, url…
	Title, Description, Canonical uint32
	MainText                      int
	Redirect                      bool
}

func pack(pages map[string]record) cacheFile {
	var cf cacheFile
	index := map[string]uint32{}
	ref := func(s string) uint32 {
		i, ok := index[s]
		if !ok {
			i = uint32(len(cf.Strings))
			index[s] = i
			cf.Strings = append(cf.Strings, s)
		}
		return i
	}
	for key, r := range pages {
		p := packedRecord{Title: ref(r.Title), Description: ref(r.Description), Canonical: ref(r.Canonical), MainText: r.MainText, Redirect: r.Redirect}
		for _, id := range r.IDs {
			p.IDs = append(p.IDs, ref(id))
		}
		for _, l := range r.Links {
			p.Links = append(p.Links, ref(l.Tag), ref(l.Attr), ref(l.URL))
		}
		cf.Keys = append(cf.Keys, key)
		cf.Pages = append(cf.Pages, p)
	}
	return cf
}

// unpack returns the records, or false for a file that does not hold
// together (it is then ignored, like a missing one).
func (cf cacheFile) unpack() (map[string]record, bool) {
	if len(cf.Keys) != len(cf.Pages) {
		return nil, false
	}
	str := func(i uint32) (string, bool) {
		if int(i) >= len(cf.Strings) {
			return "", false
		}
		return cf.Strings[i], true
	}
	pages := make(map[string]record, len(cf.Keys))
	for n, p := range cf.Pages {
		var r record
		var ok1, ok2, ok3 bool
		r.Title, ok1 = str(p.Title)
		r.Description, ok2 = str(p.Description)
		r.Canonical, ok3 = str(p.Canonical)
		if !ok1 || !ok2 || !ok3 || len(p.Links)%3 != 0 {
			return nil, false
		}
		r.MainText, r.Redirect = p.MainText, p.Redirect
		for _, i := range p.IDs {
			id, ok := str(i)
			if !ok {
				return nil, false
			}
			r.IDs = append(r.IDs, id)
		}
		for j := 0; j < len(p.Links); j += 3 {
			tag, ok1 := str(p.Links[j])
			attr, ok2 := str(p.Links[j+1])
			u, ok3 := str(p.Links[j+2])
			if !ok1 || !ok2 || !ok3 {
				return nil, false
			}
			r.Links = append(r.Links, linkRecord{tag, attr, u})
		}
		pages[cf.Keys[n]] = r
	}
	return pages, true
}

// LoadPageCache reads file; a missing, unreadable, damaged or differently
// salted cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	var cf cacheFile
	var pages map[string]record
	if buildcache.Load(file, salt, &cf) {
		pages, _ = cf.unpack()
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
	return buildcache.Save(file, c.salt, pack(used))
}

func (c *PageCache) parse(src []byte) page {
	sum := sha256.Sum256(src)
	// A string key: gob stores strings quickly, byte arrays byte by byte.
	r, _ := c.entries.Get(string(sum[:]), func() (record, error) { return toRecord(parsePage(src)), nil })
	return r.page()
}

// LoadCached is Load, taking pages whose HTML is unchanged from c.
func LoadCached(fsys fs.FS, c *PageCache, skip ...string) (*Site, error) {
	return load(fsys, c.parse, skip)
}
