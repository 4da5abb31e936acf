package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sync"

	"safesource.dev/safesource/generator/internal/searchindex"
)

// searchPages extracts the rendered pages for the search index (all but
// the folders in skip), parsing only pages whose HTML changed since the
// last build: the rest come from build/cache/search-pages.bin, which is
// saved in the background under saves.
func (b *builder) searchPages(saves *sync.WaitGroup, skip ...string) ([]searchindex.Page, error) {
	salt := programHash()
	if salt == "" {
		return searchindex.FromSite(b.out, skip...)
	}
	// The development server's pages differ (live reload): a cache of their own.
	file := filepath.Join(b.root, "build", "cache", "search-pages"+b.cacheTag+".bin")
	cache := searchindex.LoadPageCache(file, salt)
	if b.scans != nil {
		cache.ExtractWith(b.scans.searchPage)
	}
	pages, err := searchindex.FromSiteCached(b.output(), cache, skip...)
	if err != nil {
		return nil, err
	}
	saves.Go(func() { _ = cache.Save(file) }) // a cache that cannot be written only costs time next build
	return pages, nil
}

// programHash identifies this build of the generator, so cached results of
// its own code (the extracted pages) are dropped when the code changes.
// "" (no cache) if the program cannot be read.
var programHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
