package sitecheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// PageCache keeps parsed pages between builds, keyed by the SHA-256 of
// their HTML, so a rebuild parses only the pages that changed. The salt
// (the build program's own hash) drops every entry when the parser may
// have changed. Saving keeps only the pages this build read.
type PageCache struct {
	salt string
	mu   sync.Mutex
	old  map[string]record
	used map[string]record
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
	Salt    string
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

func pack(salt string, pages map[string]record) cacheFile {
	cf := cacheFile{Salt: salt}
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

// LoadPageCache reads file; a missing, unreadable or differently salted
// cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	c := &PageCache{salt: salt, old: map[string]record{}, used: map[string]record{}}
	data, err := os.ReadFile(file)
	if err != nil {
		return c
	}
	var cf cacheFile
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&cf) == nil && cf.Salt == salt {
		if pages, ok := cf.unpack(); ok {
			c.old = pages
		}
	}
	return c
}

// Save writes the pages this build read (and no others); when they are
// exactly the ones loaded, the file already says so and is left alone.
func (c *PageCache) Save(file string) error {
	if c.unchanged() {
		return nil
	}
	var buf bytes.Buffer
	c.mu.Lock()
	err := gob.NewEncoder(&buf).Encode(pack(c.salt, c.used))
	c.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

func (c *PageCache) unchanged() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.used) != len(c.old) {
		return false
	}
	for k := range c.used {
		if _, ok := c.old[k]; !ok {
			return false
		}
	}
	return true
}

func (c *PageCache) parse(src []byte) page {
	h := sha256.Sum256(src)
	key := string(h[:]) // gob stores strings quickly, byte arrays byte by byte
	c.mu.Lock()
	r, ok := c.old[key]
	c.mu.Unlock()
	if !ok {
		r = toRecord(parsePage(src))
	}
	c.mu.Lock()
	c.used[key] = r
	c.mu.Unlock()
	return r.page()
}

// LoadCached is Load, taking pages whose HTML is unchanged from c.
func LoadCached(fsys fs.FS, c *PageCache, skip ...string) (*Site, error) {
	return load(fsys, c.parse, skip)
}
