package searchindex

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
)

// PageCache keeps extracted pages between builds, so a rebuild parses only
// the pages whose HTML changed. Entries are keyed by the page's URL and the
// hash of its HTML; the salt (the build program's own hash) drops every entry
// when the extractor may have changed.
type PageCache struct {
	salt string
	mu   sync.Mutex
	old  map[string]cachedPage
	used map[string]cachedPage
}

type cachedPage struct {
	Page    Page
	Indexed bool // false: the page has no data-search-body
}

type cacheFile struct {
	Salt  string
	Pages map[string]cachedPage
}

// LoadPageCache reads file; a missing, unreadable or differently salted
// cache is an empty one.
func LoadPageCache(file, salt string) *PageCache {
	c := &PageCache{salt: salt, old: map[string]cachedPage{}, used: map[string]cachedPage{}}
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

// Save writes the pages this build extracted or reused (and no others);
// when they are exactly the ones loaded, the file is left alone.
func (c *PageCache) Save(file string) error {
	c.mu.Lock()
	same := sameKeys(c.old, c.used)
	c.mu.Unlock()
	if same {
		return nil
	}
	var buf bytes.Buffer
	c.mu.Lock()
	err := gob.NewEncoder(&buf).Encode(cacheFile{Salt: c.salt, Pages: c.used})
	c.mu.Unlock()
	if err != nil {
		return err
	}
	return writeAtomic(file, buf.Bytes())
}

// writeAtomic replaces file with data, never leaving half a file behind.
func writeAtomic(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

func (c *PageCache) extract(url string, src []byte) (Page, bool, error) {
	sum := sha256.Sum256(src)
	key := url + " " + hex.EncodeToString(sum[:])
	c.mu.Lock()
	e, ok := c.old[key]
	c.mu.Unlock()
	if !ok {
		p, indexed, err := Extract(url, src)
		if err != nil {
			return p, indexed, err
		}
		e = cachedPage{p, indexed}
	}
	c.mu.Lock()
	c.used[key] = e
	c.mu.Unlock()
	return e.Page, e.Indexed, nil
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
	mu   sync.Mutex
	old  map[string][]byte
	used map[string][]byte
}

// LoadCompressed reads file; a missing or unreadable one is empty. The
// compressor's settings are in the salt, as its output depends on them.
func LoadCompressed(file string) *Compressed {
	c := &Compressed{old: map[string][]byte{}, used: map[string][]byte{}}
	data, err := os.ReadFile(file)
	if err != nil {
		return c
	}
	var cf struct {
		Salt  string
		Files map[string][]byte
	}
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&cf) == nil && cf.Salt == compressedSalt {
		c.old = cf.Files
	}
	return c
}

// compressedSalt names the compressor: output cached under another is dropped.
const compressedSalt = "compress/gzip default level"

// Save writes the files this build used; when they are exactly the ones
// loaded, the file is left alone.
func (c *Compressed) Save(file string) error {
	c.mu.Lock()
	same := sameKeys(c.old, c.used)
	c.mu.Unlock()
	if same {
		return nil
	}
	var buf bytes.Buffer
	c.mu.Lock()
	err := gob.NewEncoder(&buf).Encode(struct {
		Salt  string
		Files map[string][]byte
	}{compressedSalt, c.used})
	c.mu.Unlock()
	if err != nil {
		return err
	}
	return writeAtomic(file, buf.Bytes())
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
	key := string(h[:]) // gob stores strings quickly, byte arrays byte by byte
	c.mu.Lock()
	data, ok := c.old[key]
	c.mu.Unlock()
	if !ok {
		if data, err = gzBytes(raw); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	c.used[key] = data
	c.mu.Unlock()
	return data, nil
}

// sameKeys reports whether a build used exactly the entries it loaded.
func sameKeys[V any](old, used map[string]V) bool {
	if len(old) != len(used) {
		return false
	}
	for k := range used {
		if _, ok := old[k]; !ok {
			return false
		}
	}
	return true
}
