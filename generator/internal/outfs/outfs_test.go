package outfs

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	f := New(dir)
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
