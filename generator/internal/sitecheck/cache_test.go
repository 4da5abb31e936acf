package sitecheck

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"safesource.dev/safesource/generator/internal/buildcache"
)

// A cached load finds exactly what a fresh one finds, reuses unchanged
// pages, re-parses edited ones, and forgets everything on a new salt.
func TestLoadCached(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pages.bin")
	fsys := fstest.MapFS{
		"index.html":         pageHTML("/", `<h1 id="top">Home</h1><a href="/guide/a/#missing">a</a>`),
		"guide/a/index.html": pageHTML("/guide/a/", `<h2 id="how">How</h2><a href="/nowhere/">x</a><img src="https://cdn.example/x.png" alt="">`),
		"old/index.html":     {Data: []byte(`<html><head><meta http-equiv="refresh" content="0; url=/guide/a/"></head></html>`)},
	}
	opts := Options{SiteURL: "https://example.org/", MinMainText: 50}
	load := func(salt string) (*Site, *PageCache) {
		t.Helper()
		c := LoadPageCache(file, salt)
		s, err := LoadCached(fsys, c)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Save(file); err != nil {
			t.Fatal(err)
		}
		return s, c
	}
	fresh, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := fresh.Check(opts)
	if len(want) != 3 {
		t.Fatalf("fixture: %d problems, want 3: %v", len(want), want)
	}
	for round, wantCached := range []int{0, 3} {
		if round == 1 {
			// An unchanged build leaves the file as it is: prove it by
			// dating it in the past.
			if err := os.Chtimes(file, time.Unix(1, 0), time.Unix(1, 0)); err != nil {
				t.Fatal(err)
			}
		}
		s, c := load("v1")
		if info, err := os.Stat(file); round == 1 && (err != nil || !info.ModTime().Equal(time.Unix(1, 0))) {
			t.Errorf("an unchanged build rewrote the cache")
		}
		if c.entries.Loaded() != wantCached {
			t.Errorf("round %d: %d cached pages, want %d", round, c.entries.Loaded(), wantCached)
		}
		if !reflect.DeepEqual(s.pages, fresh.pages) {
			t.Errorf("round %d: pages differ from a fresh load", round)
		}
		if got := s.Check(opts); !reflect.DeepEqual(got, want) {
			t.Errorf("round %d: problems %v, want %v", round, got, want)
		}
	}
	fsys["guide/a/index.html"] = pageHTML("/guide/a/", `<h2 id="how">How</h2><a href="/">home</a>`)
	s, _ := load("v1")
	if got := s.Check(opts); len(got) != 1 {
		t.Errorf("after an edit: %v, want only the home page's missing anchor", got)
	}
	if _, c := load("v2"); c.entries.Loaded() != 0 {
		t.Errorf("a new salt kept %d cached pages, want 0", c.entries.Loaded())
	}
}

// A cache file that does not hold together is ignored, never trusted:
// cut short anywhere, or naming a string the table does not have.
func TestDamagedCacheIgnored(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.bin")
	pages := map[string]page{"k": {ids: map[string]bool{"top": true}, links: []link{{"a", "href", "/x/"}}, title: "T"}}
	if err := buildcache.SaveMap(good, "v1", pages, writePage); err != nil {
		t.Fatal(err)
	}
	if c := LoadPageCache(good, "v1"); c.entries.Loaded() != 1 {
		t.Fatalf("a good file loaded %d pages, want 1", c.entries.Loaded())
	}
	full, _ := os.ReadFile(good)
	bad := filepath.Join(dir, "bad.bin")
	for n := range len(full) {
		if err := os.WriteFile(bad, full[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if c := LoadPageCache(bad, "v1"); c.entries.Loaded() != 0 {
			t.Fatalf("a file cut at %d of %d bytes loaded", n, len(full))
		}
	}
	// One string ("T"), one page whose title is string 99.
	err := buildcache.SaveMap(bad, "v1", map[string]int{"k": 0}, func(e *buildcache.Encoder, tab *buildcache.StringTable, _ int) {
		tab.Ref(&buildcache.Encoder{}, "T")
		for _, ref := range []uint64{99, 0, 0} {
			e.Uint(ref)
		}
		e.Int(0)
		e.Bool(false)
		e.Uint(0)
		e.Uint(0)
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := LoadPageCache(bad, "v1"); c.entries.Loaded() != 0 {
		t.Error("a page naming string 99 of 1 loaded")
	}
}
