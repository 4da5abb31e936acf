package searchindex

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

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

// LoadPageCache reads file; a missing, unreadable or differently salted
// cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	var pages map[string]cachedPage
	buildcache.Load(file, salt, &pages)
	return &PageCache{salt: salt, entries: buildcache.New(pages)}
}

// Save writes the pages this build extracted or reused (and no others);
// when they are exactly the ones loaded, the file is left alone.
func (c *PageCache) Save(file string) error {
	used, changed := c.entries.Used()
	if !changed {
		return nil
	}
	return buildcache.Save(file, c.salt, used)
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

// Compressed holds gzip-compressed files by the SHA-256 of what was
// compressed. Like PageCache it is loaded from and saved to a file, and it
// keeps only what the last build used. A nil *Compressed compresses
// everything.
type Compressed struct {
	entries *buildcache.Entries[[]byte]
}

// compressedSalt names the compressor: output cached under another is dropped.
const compressedSalt = "compress/gzip default level"

// LoadCompressed reads file; a missing or unreadable one is empty.
func LoadCompressed(file string) *Compressed {
	var files map[string][]byte
	buildcache.Load(file, compressedSalt, &files)
	return &Compressed{entries: buildcache.New(files)}
}

// Save writes the files this build used; when they are exactly the ones
// loaded, the file is left alone.
func (c *Compressed) Save(file string) error {
	used, changed := c.entries.Used()
	if !changed {
		return nil
	}
	return buildcache.Save(file, compressedSalt, used)
}

// gzJSON is gz, answered from the cache when the same JSON was compressed before.
func (c *Compressed) gzJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return gzBytes(raw)
	}
	h := sha256.Sum256(raw)
	// A string key: gob stores strings quickly, byte arrays byte by byte.
	return c.entries.Get(string(h[:]), func() ([]byte, error) { return gzBytes(raw) })
}
