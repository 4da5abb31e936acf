package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"safesource.dev/safesource/generator/internal/searchindex"
)

// TestDevServer starts the development server on a free port against a
// copy of the module (so the checker can be edited) holding the fixture
// site, then checks that search is served and follows a page edit, and that
// editing the checker's rules serves new rules and a new WebAssembly build.
func TestDevServer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo and the Go toolchain")
	}
	mod := copyModule(t)
	site := filepath.Join(mod, "site")
	copyDir(t, "testdata/site", site)
	writeTestFile(t, filepath.Join(site, "content", "check", "_index.md"), `---
title: "Check a supplier"
description: "The checker page of the fixture, so the dev server builds the rules and wasm into a page."
weight: 5
reviewed: 2026-01-02
sources: [doc-a]
---

Answer what you know about the supplier.
`)

	var log syncBuffer
	b, err := newBuilder(config{root: site, out: "public", bind: "127.0.0.1", port: 0}, &log)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	ready := make(chan string, 1)
	go func() { done <- b.runDev(ctx, func(url string) { ready <- url }) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("dev server stopped with: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("dev server did not stop")
		}
		if t.Failed() {
			t.Logf("dev server output:\n%s", log.String())
		}
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("dev server failed to start: %v\n%s", err, log.String())
	case <-time.After(5 * time.Minute):
		t.Fatalf("dev server not ready\n%s", log.String())
	}

	// Search is served, and an edited page's new text reaches the index.
	const word = "quokkaberries"
	eventually(t, "the search index is served", func() bool { return indexed(base, "licence") })
	if indexed(base, word) {
		t.Fatalf("%q is indexed before any page holds it", word)
	}
	f, err := os.OpenFile(filepath.Join(site, "content", "guide", "first.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\nA new paragraph about %s.\n", word)
	f.Close()
	eventually(t, "the edited page's new word is indexed", func() bool { return indexed(base, word) })

	// Editing the rules serves the new rules and a rebuilt WebAssembly file.
	wasmRe := regexp.MustCompile(`checker\.[0-9a-f]+\.wasm`)
	page := get(base + "check/")
	oldWasm := wasmRe.FindString(page)
	if !strings.Contains(page, "Supplier name") || oldWasm == "" {
		t.Fatalf("/check/ lacks the rules' question or the wasm link:\n%s", page)
	}
	rules := filepath.Join(mod, "checker", "rules.json")
	src, err := os.ReadFile(rules)
	if err != nil {
		t.Fatal(err)
	}
	// A label is rendered into the page; the browser's copy of the rules
	// leaves labels out, so a finding's title is edited too, for the wasm.
	edited := bytes.Replace(src, []byte(`"label": "Supplier name"`), []byte(`"label": "Supplier trading name"`), 1)
	edited = bytes.Replace(edited, []byte(`"title": "Payment into a personal account"`), []byte(`"title": "Payment into a private account"`), 1)
	if bytes.Count(edited, []byte("Supplier trading name")) != 1 || bytes.Count(edited, []byte("Payment into a private account")) != 1 {
		t.Fatal(`rules.json has no "label": "Supplier name" or "title": "Payment into a personal account" to edit`)
	}
	writeTestFile(t, rules, string(edited))
	eventually(t, "/check/ serves the edited rules and a new wasm", func() bool {
		page := get(base + "check/")
		w := wasmRe.FindString(page)
		return strings.Contains(page, "Supplier trading name") && w != "" && w != oldWasm && get(base+"assets/"+w) != ""
	})
}

// indexed reports whether the served search index lists word: the manifest
// names the shard whose terms include it.
func indexed(base, word string) bool {
	terms := searchindex.Tokenize(word)
	if len(terms) == 0 {
		return false
	}
	term := terms[0]
	var m struct {
		Build  string   `json:"build"`
		Shards []string `json:"shards"`
	}
	if searchindex.ReadGzipJSON([]byte(get(base+"search-index/"+searchindex.ManifestName)), &m) != nil || len(m.Shards) == 0 {
		return false
	}
	i := sort.Search(len(m.Shards), func(i int) bool { return m.Shards[i] > term }) - 1
	if i < 0 {
		return false
	}
	var shard struct {
		P map[string]json.RawMessage `json:"p"`
	}
	if searchindex.ReadGzipJSON([]byte(get(fmt.Sprintf("%ssearch-index/%s/s/%d.sidx", base, m.Build, i))), &shard) != nil {
		return false
	}
	_, ok := shard.P[term]
	return ok
}

// get returns the body of a 200 response, or "".
func get(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return ""
	}
	return string(body)
}

// eventually polls cond: the dev server works in the background, and this
// machine may be slow (the rules change compiles the checker twice).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// copyModule copies what the dev server builds from (go.mod, the checker,
// the generator and the theme) into a temporary module.
func copyModule(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", f))
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dst, f), string(data))
	}
	for _, d := range []string{"checker", "generator", "themes"} {
		copyDir(t, filepath.Join("..", d), filepath.Join(dst, d))
	}
	// The theme's scripts import npm packages (the search's stemmer).
	nm, err := filepath.Abs(filepath.Join("..", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(nm, filepath.Join(dst, "node_modules")); err != nil {
		t.Fatal(err)
	}
	return dst
}

// copyDir copies a tree, leaving out tests and their data.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			if rel != "." && info.Name() == "testdata" && !strings.HasPrefix(src, "testdata") {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeTestFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer collects output written from several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}
