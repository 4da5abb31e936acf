package searchindex

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"safesource.dev/safesource/generator/internal/buildcache"
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
	root, cacheFile := t.TempDir(), filepath.Join(t.TempDir(), "pages.bin")
	writeSite(t, root, map[string]string{
		"index.html":         `<html><body><main data-pagefind-body data-search-body><h1>Home</h1><p>Welcome buyers.</p></main></body></html>`,
		"guide/a/index.html": `<html><body><main data-pagefind-body data-search-body><h1>Escrow</h1><h2 id="how">How</h2><p>Pay through escrow.</p></main></body></html>`,
		"404.html":           `<html><body>Not found</body></html>`,
	})
	build := func(salt string) ([]Page, *PageCache) {
		t.Helper()
		c := LoadPageCache(cacheFile, salt)
		pages, err := FromSiteCached(os.DirFS(root), c)
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

// A build with the term cache writes exactly the index a build without it
// writes: on the first build, when every page comes from the cache, after
// an edit, and after the synonym groups change (which no cached entry
// survives).
func TestTermCache(t *testing.T) {
	file := filepath.Join(t.TempDir(), "terms.bin")
	pages := []Page{
		{URL: "/a/", Title: "Escrow", Group: "guide", Sections: []Section{{Title: "Escrow", Text: "Pay through escrow, never by wire. Escrow twice."}, {Anchor: "licence", Title: "Business licence", Text: "Check the licence.", Weight: 0.3}}},
		{URL: "/b/", Title: "Deposits", Group: "guide", Sections: []Section{{Title: "Deposits", Text: "Keep deposits small: 30 per cent."}}},
		{URL: "/g/", Title: "Glossary", Group: "glossary", Sections: []Section{{Anchor: "t", Title: "营业执照", Text: "Business license (营业执照).", Entry: true}}},
	}
	synonyms := [][]string{{"licence", "license"}, {"营业执照", "business licence"}}
	build := func(pages []Page, synonyms [][]string, salt string) (*Index, *TermCache) {
		t.Helper()
		c := LoadTermCache(file, salt)
		idx, err := Build(pages, Options{Synonyms: synonyms, Terms: c})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Save(file); err != nil {
			t.Fatal(err)
		}
		return idx, c
	}
	same := func(round string, got *Index, pages []Page, synonyms [][]string) {
		t.Helper()
		want, err := Build(pages, Options{Synonyms: synonyms})
		if err != nil {
			t.Fatal(err)
		}
		if got.Build != want.Build || !reflect.DeepEqual(got.Files, want.Files) || !reflect.DeepEqual(got.Manifest, want.Manifest) {
			t.Errorf("%s: the index differs from a build without the cache", round)
		}
	}
	for round, loaded := range []int{0, 3} {
		idx, c := build(pages, synonyms, "v1")
		if c.entries.Loaded() != loaded {
			t.Errorf("round %d: %d cached pages, want %d", round, c.entries.Loaded(), loaded)
		}
		same("round "+strconv.Itoa(round), idx, pages, synonyms)
	}
	edited := append([]Page(nil), pages...)
	edited[1] = Page{URL: "/b/", Title: "Deposits", Group: "guide", Sections: []Section{{Title: "Deposits", Text: "Pay deposits through escrow."}}}
	idx, _ := build(edited, synonyms, "v1")
	same("after an edit", idx, edited, synonyms)
	if _, c := build(edited, synonyms, "v1"); c.entries.Loaded() != 3 {
		t.Errorf("after an edit the cache keeps %d pages, want the 3 of the last build", c.entries.Loaded())
	}
	keys := func() map[string][]secTerms {
		pages, ok := buildcache.LoadMap(file, "v1", termsReader())
		if !ok {
			t.Fatal("the saved cache does not load")
		}
		return pages
	}
	before := keys()
	fewer := synonyms[:1]
	idx, _ = build(edited, fewer, "v1")
	same("after a synonym change", idx, edited, fewer)
	after := keys()
	for key := range after {
		if _, ok := before[key]; ok {
			t.Error("an entry analysed with other synonym groups was reused")
		}
	}
	if len(after) != 3 {
		t.Errorf("after a synonym change the cache holds %d pages, want 3", len(after))
	}
	// What the cache holds is what the build uses: doubled counts show.
	doubled := keys()
	for _, secs := range doubled {
		for i := range secs {
			for j := range secs[i].terms {
				secs[i].terms[j].tf *= 2
			}
		}
	}
	if err := buildcache.SaveMap(file, "v1", doubled, writeTerms); err != nil {
		t.Fatal(err)
	}
	if idx, _ := build(edited, fewer, "v1"); idx.Build == plainBuildID(t, edited, fewer) {
		t.Error("a build ignored the cached counts")
	}
	if _, c := build(edited, fewer, "v2"); c.entries.Loaded() != 0 {
		t.Errorf("a new salt kept %d cached pages, want 0", c.entries.Loaded())
	}
	if err := os.WriteFile(file, []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c := LoadTermCache(file, "v2"); c.entries.Loaded() != 0 {
		t.Error("a damaged file loaded")
	}
}

func plainBuildID(t *testing.T, pages []Page, synonyms [][]string) string {
	t.Helper()
	idx, err := Build(pages, Options{Synonyms: synonyms})
	if err != nil {
		t.Fatal(err)
	}
	return idx.Build
}
