package main

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// treeHash hashes every file's path and content under dir.
func treeHash(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel))
		h.Write(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// Titles and sentences start with a capital, and a first character that
// has no case (Chinese) stays whole.
func TestCapitalise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"escrow terms", "Escrow terms"},
		{"专线 shipping", "专线 shipping"},
		{"élan", "Élan"},
		{"", ""},
	} {
		if got := capitalise(c.in); got != c.want {
			t.Errorf("capitalise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSynthetic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")

	var stdout, stderr bytes.Buffer
	if code := runSynthetic([]string{"-pages", "9", "-out", out, "-root", ".."}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	first := treeHash(t, out)
	generated, _ := filepath.Glob(filepath.Join(out, "content", "*", "topic-*", "page-*.md"))
	if len(generated) != 9 {
		t.Errorf("%d generated pages, want 9", len(generated))
	}
	for _, f := range []string{"hugo.toml", "data/contacts.yaml", "content/guide/safe-payment.md", syntheticMarker} {
		if !exists(filepath.Join(out, f)) {
			t.Errorf("%s was not written", f)
		}
	}
	for _, f := range generated {
		if b, err := os.ReadFile(f); err != nil || !utf8.Valid(b) {
			t.Errorf("%s is not valid UTF-8 (%v)", f, err)
		}
	}
	src, err := os.ReadFile(generated[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"title:", "description:", "weight:", "reviewed:", "sources:", "\n## "} {
		if !strings.Contains(string(src), field) {
			t.Errorf("%s lacks %q", generated[0], field)
		}
	}

	// Same flags, same site: it is rewritten identically.
	if code := runSynthetic([]string{"-pages", "9", "-out", out, "-root", ".."}, &stdout, &stderr); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, stderr.String())
	}
	if treeHash(t, out) != first {
		t.Error("two runs with the same flags wrote different sites")
	}

	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no -out", []string{"-pages", "3"}, 2, "usage"},
		{"zero pages", []string{"-pages", "0", "-out", out}, 2, "usage"},
		{"the repository itself", []string{"-pages", "3", "-out", "..", "-root", ".."}, 1, "repository itself"},
		{"a non-empty foreign folder", []string{"-pages", "3", "-out", filepath.Join("..", "generator"), "-root", ".."}, 1, "not written by"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var o, e bytes.Buffer
			if code := runSynthetic(tc.args, &o, &e); code != tc.code || !strings.Contains(e.String(), tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, e.String(), tc.code, tc.msg)
			}
		})
	}
}
