package searchindex

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeSite(t *testing.T, root string, pages map[string]string) {
	t.Helper()
	for name, html := range pages {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The pages carry both the Pagefind and the project's own body marker, so
// the test holds whichever the extractor reads.
//
// A cached build gives exactly what a fresh extraction gives, reuses
// unchanged pages, re-reads edited ones, and forgets on a new salt.
func TestFromSiteCached(t *testing.T) {
	root, cacheFile := t.TempDir(), filepath.Join(t.TempDir(), "pages.gob")
	writeSite(t, root, map[string]string{
		"index.html":         `<html><body><main data-pagefind-body data-search-body><h1>Home</h1><p>Welcome buyers.</p></main></body></html>`,
		"guide/a/index.html": `<html><body><main data-pagefind-body data-search-body><h1>Escrow</h1><h2 id="how">How</h2><p>Pay through escrow.</p></main></body></html>`,
		"404.html":           `<html><body>Not found</body></html>`,
	})
	build := func(salt string) ([]Page, *PageCache) {
		t.Helper()
		c := LoadPageCache(cacheFile, salt)
		pages, err := FromSiteCached(root, c)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Save(cacheFile); err != nil {
			t.Fatal(err)
		}
		return pages, c
	}
	fresh, err := FromSite(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != 2 {
		t.Fatalf("fresh extraction found %d pages to index, want 2", len(fresh))
	}
	first, c := build("v1")
	if !reflect.DeepEqual(first, fresh) || c.entries.Loaded() != 0 {
		t.Fatalf("first build: %+v (cache had %d entries), want %+v from an empty cache", first, c.entries.Loaded(), fresh)
	}
	second, c := build("v1")
	if !reflect.DeepEqual(second, fresh) || c.entries.Loaded() != 3 {
		t.Fatalf("cached build: %+v from %d cached entries, want %+v from 3", second, c.entries.Loaded(), fresh)
	}
	writeSite(t, root, map[string]string{"guide/a/index.html": `<html><body><main data-pagefind-body data-search-body><h1>Escrow</h1><p>Changed text.</p></main></body></html>`})
	third, _ := build("v1")
	want, _ := FromSite(root)
	if !reflect.DeepEqual(third, want) {
		t.Fatalf("after an edit: %+v, want %+v", third, want)
	}
	if _, c = build("v2"); c.entries.Loaded() != 0 {
		t.Errorf("a new salt kept %d cached pages, want 0", c.entries.Loaded())
	}
}
