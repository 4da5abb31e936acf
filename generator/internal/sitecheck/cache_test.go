package sitecheck

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
)

// A cached load finds exactly what a fresh one finds, reuses unchanged
// pages, re-parses edited ones, and forgets everything on a new salt.
func TestLoadCached(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pages.gob")
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
		before, _ := os.ReadFile(file)
		if round == 1 {
			// An unchanged build leaves the file as it is: prove it by marking it.
			if err := os.WriteFile(file, append(before, "mark"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s, c := load("v1")
		if after, _ := os.ReadFile(file); round == 1 && string(after) != string(before)+"mark" {
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

// A cache file that does not hold together is ignored, never trusted.
func TestUnpackRejectsDamagedFiles(t *testing.T) {
	good := pack(map[string]record{"k": {IDs: []string{"top"}, Links: []linkRecord{{"a", "href", "/x/"}}, Title: "T"}})
	if pages, ok := good.unpack(); !ok || pages["k"].Links[0].URL != "/x/" || pages["k"].IDs[0] != "top" {
		t.Fatalf("a good file: %v %v", pages, ok)
	}
	for name, damage := range map[string]func(cf *cacheFile){
		"string number out of range": func(cf *cacheFile) { cf.Pages[0].Title = 99 },
		"link cut short":             func(cf *cacheFile) { cf.Pages[0].Links = cf.Pages[0].Links[:2] },
		"id out of range":            func(cf *cacheFile) { cf.Pages[0].IDs = []uint32{99} },
		"keys and pages differ":      func(cf *cacheFile) { cf.Keys = append(cf.Keys, "extra") },
	} {
		cf := pack(map[string]record{"k": {IDs: []string{"top"}, Links: []linkRecord{{"a", "href", "/x/"}}, Title: "T"}})
		damage(&cf)
		if _, ok := cf.unpack(); ok {
			t.Errorf("%s: accepted", name)
		}
	}
}
