package main

import (
	"fmt"
	"path/filepath"

	"safesource.dev/safesource/generator/internal/searchindex"
)

// searchDir is where the index goes inside the output folder; the theme's
// search script fetches /search-index/manifest.smeta.
const searchDir = "search-index"

// buildSearch indexes the rendered site (only the content marked with
// data-pagefind-body) into public/search-index/. BENCHMARKS.md compares
// this index with Pagefind's on the same markup.
func (b *builder) buildSearch() error {
	pages, err := b.searchPages(searchDir, "pagefind")
	if err != nil {
		return fmt.Errorf("reading the rendered pages for the search index: %w", err)
	}
	if len(pages) == 0 {
		return fmt.Errorf("no page in %s is marked for search: the theme's page templates must put data-pagefind-body on the article", b.out)
	}
	idx, err := searchindex.Build(pages, searchindex.Options{})
	if err != nil {
		return fmt.Errorf("building the search index: %w", err)
	}
	if err := idx.Write(filepath.Join(b.out, searchDir)); err != nil {
		return fmt.Errorf("writing the search index: %w", err)
	}
	s := idx.Stats
	fmt.Fprintf(b.w, "%d pages, %d sections, %d terms in %d shards, %.0f KB ", s.Pages, s.Sections, s.Terms, s.Shards, float64(s.Bytes)/1024)
	return nil
}
