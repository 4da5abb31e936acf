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

type cacheFile struct {
	Salt  string
	Pages map[string]record
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
		c.old = cf.Pages
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
	err := gob.NewEncoder(&buf).Encode(cacheFile{Salt: c.salt, Pages: c.used})
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
