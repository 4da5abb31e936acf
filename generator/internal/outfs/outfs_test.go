package outfs

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// A page is read from disk once and shared with its hash; other files are
// read each time (the search stage rewrites its own); the site walks as a
// folder; a plain fs.FS gets the same answers.
func TestReadOnce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("guide/index.html", "<p>first</p>")
	write("search-index/manifest.smeta", "v1")
	f := New(dir, nil)
	data, sum, err := ReadSum(f, "guide/index.html")
	if err != nil || string(data) != "<p>first</p>" || sum != sha256.Sum256(data) {
		t.Fatalf("first read: %q %x %v", data, sum, err)
	}
	write("guide/index.html", "<p>second</p>")
	write("search-index/manifest.smeta", "v2")
	if again, err := f.ReadFile("guide/index.html"); err != nil || string(again) != "<p>first</p>" {
		t.Errorf("a page read twice: %q %v, want the first read's bytes", again, err)
	}
	if other, _, err := ReadSum(f, "search-index/manifest.smeta"); err != nil || string(other) != "v2" {
		t.Errorf("a file that is not a page: %q %v, want what is on disk now", other, err)
	}
	if _, _, err := ReadSum(f, "missing.html"); err == nil {
		t.Error("a missing page read without an error")
	}
	var walked []string
	if err := fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	}); err != nil || !slices.Equal(walked, []string{"guide/index.html", "search-index/manifest.smeta"}) {
		t.Errorf("walked %v (%v)", walked, err)
	}
	plain := fstest.MapFS{"a.html": {Data: []byte("x")}}
	if data, sum, err := ReadSum(plain, "a.html"); err != nil || string(data) != "x" || sum != sha256.Sum256([]byte("x")) {
		t.Errorf("a plain fs.FS: %q %x %v", data, sum, err)
	}
}

// A rewrite runs once per page, at its first read: the stages and the disk
// get the rewritten page, an unchanged page is not written, and an error
// names the page.
func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a.html": "<p>a</p>", "b.html": "<p>b</p>", "bad.html": "<p>bad</p>"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	calls := 0
	f := New(dir, func(page []byte) ([]byte, bool, error) {
		calls++
		switch string(page) {
		case "<p>a</p>":
			return []byte("<p>A</p>"), true, nil
		case "<p>bad</p>":
			return nil, false, os.ErrInvalid
		}
		return page, false, nil
	})
	for range 2 {
		data, sum, err := ReadSum(f, "a.html")
		if err != nil || string(data) != "<p>A</p>" || sum != sha256.Sum256(data) {
			t.Fatalf("rewritten page: %q %x %v", data, sum, err)
		}
	}
	if onDisk, err := os.ReadFile(filepath.Join(dir, "a.html")); err != nil || string(onDisk) != "<p>A</p>" {
		t.Errorf("on disk after the rewrite: %q %v", onDisk, err)
	}
	if data, err := f.ReadFile("b.html"); err != nil || string(data) != "<p>b</p>" {
		t.Errorf("unchanged page: %q %v", data, err)
	}
	if _, err := f.ReadFile("bad.html"); err == nil || !strings.Contains(err.Error(), "bad.html") {
		t.Errorf("a failed rewrite: %v, want an error naming bad.html", err)
	}
	if calls != 3 {
		t.Errorf("rewrite ran %d times for 3 pages", calls)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".rewrite-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
