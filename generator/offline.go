package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"

	"safesource.dev/safesource/generator/internal/budget"
	"safesource.dev/safesource/generator/internal/precache"
	"safesource.dev/safesource/generator/internal/searchindex"
	"safesource.dev/safesource/generator/internal/sitecheck"
)

// crawlerFiles are in the built site for search engines and link previews,
// never opened by a reader, so they are not saved for offline use.
var crawlerFiles = []string{"robots.txt", "sitemap.xml"}

// offlineConfig is what the offline stage reads from hugo.toml.
type offlineConfig struct {
	Theme  string `toml:"theme"`
	Params struct {
		OGImage string `toml:"ogImage"`
	} `toml:"params"`
}

func (b *builder) readOfflineConfig() (offlineConfig, error) {
	file := filepath.Join(b.root, "hugo.toml")
	var cfg offlineConfig
	src, err := os.ReadFile(file)
	if err != nil {
		return cfg, err
	}
	if err := toml.Unmarshal(src, &cfg); err != nil {
		return cfg, fmt.Errorf("%s: %w", file, err)
	}
	if cfg.Theme == "" {
		return cfg, fmt.Errorf("%s: set theme (the offline stage bundles the theme's service worker)", file)
	}
	return cfg, nil
}

// precacheManifest lists what the service worker saves: every file of the
// built site except the worker, the crawler-only files and the search
// files fetched only online (searchindex.OnlineOnly).
func (b *builder) precacheManifest() (precache.Manifest, error) {
	cfg, err := b.readOfflineConfig()
	if err != nil {
		return precache.Manifest{}, err
	}
	skip := append(crawlerFiles[:len(crawlerFiles):len(crawlerFiles)], searchDir+"/"+searchindex.OnlineOnly)
	if cfg.Params.OGImage != "" {
		skip = append(skip, cfg.Params.OGImage)
	}
	return precache.Collect(b.output(), skip)
}

// buildOffline writes public/sw.js: the theme's service worker bundled with
// the manifest of the site just built. It runs after the search stage, so
// the index is saved too.
func (b *builder) buildOffline() error {
	_, _, err := b.writeOffline()
	return err
}

// writeOffline writes public/sw.js and returns the manifest it holds and
// the worker's bytes.
func (b *builder) writeOffline() (precache.Manifest, []byte, error) {
	cfg, err := b.readOfflineConfig()
	if err != nil {
		return precache.Manifest{}, nil, err
	}
	m, err := b.precacheManifest()
	if err != nil {
		return m, nil, err
	}
	// A site outside the repository borrows the project theme (see hugoOptions).
	themes := filepath.Join(b.root, "themes")
	if o := b.hugoOptions(); o.ThemesDir != "" {
		themes = o.ThemesDir
	}
	entry := filepath.Join(themes, cfg.Theme, "assets", "ts", "sw", "sw.ts")
	if !exists(entry) {
		return m, nil, fmt.Errorf("the theme has no service worker at %s", entry)
	}
	worker, err := precache.Bundle(entry, m)
	if err != nil {
		return m, nil, err
	}
	if err := writeFile(filepath.Join(b.out, precache.WorkerFile), worker); err != nil {
		return m, nil, fmt.Errorf("writing the service worker: %w", err)
	}
	fmt.Fprintf(b.w, "%d files (%.0f KB) in version %s ", len(m.Entries), float64(m.Bytes())/1024, m.Version)
	return m, worker, nil
}

// checkOffline verifies that sw.js carries the manifest of the files in the
// output (no file changed after the offline stage) and, for the real site,
// that saving it for offline use stays within its budget.
func (b *builder) checkOffline(limit int) (string, []sitecheck.Problem, error) {
	m, err := b.precacheManifest()
	if err != nil {
		return "", nil, err
	}
	worker, err := os.ReadFile(filepath.Join(b.out, precache.WorkerFile))
	if err != nil {
		return "", []sitecheck.Problem{{Page: "/" + precache.WorkerFile, Msg: "missing: the offline stage writes it after the search index; run the full build"}}, nil
	}
	return b.checkPrecache(m, worker, limit)
}

// checkPrecache checks a worker against the manifest of the output's files
// and the precache against its budget.
func (b *builder) checkPrecache(m precache.Manifest, worker []byte, limit int) (string, []sitecheck.Problem, error) {
	if !precache.Holds(worker, m) {
		return "", []sitecheck.Problem{{Page: "/" + precache.WorkerFile, Msg: "precaches another version of the site than the output holds (a file changed after the offline stage): run the full build, or `go run ./generator offline`"}}, nil
	}
	if !b.offlineBudget {
		return fmt.Sprintf("offline precache %d files", len(m.Entries)), nil, nil
	}
	meter, done := b.budgetMeter()
	defer done()
	files := make([]string, len(m.Entries))
	for i, e := range m.Entries {
		files[i] = e.File
	}
	total, err := meter.Files(files)
	if err != nil {
		return "", nil, fmt.Errorf("measuring the offline precache: %w", err)
	}
	summary := fmt.Sprintf("offline precache %d files %s", len(m.Entries), budget.KB(total))
	if total > limit {
		return summary, []sitecheck.Problem{{Page: "budget", Msg: fmt.Sprintf("saving the site for offline use costs %s (brotli, %d files), over the %s budget: leave large files out of public/ or out of the precache", budget.KB(total), len(m.Entries), budget.KB(limit))}}, nil
	}
	return summary, nil, nil
}

// buildAndCheckOffline writes the service worker, then holds it to the
// offline checks (its manifest and the precache budget).
// The files were hashed just now to write the worker: the check reuses that
// manifest rather than reading the whole output a second time.
func (b *builder) buildAndCheckOffline() error {
	m, worker, err := b.writeOffline()
	if err != nil {
		return err
	}
	return b.reportOffline(b.checkPrecache(m, worker, budget.SiteLimits.Precache))
}

// verifyOffline reports a service worker that does not match the output, or
// a precache over its budget, as site problems.
func (b *builder) verifyOffline() error {
	return b.reportOffline(b.checkOffline(budget.SiteLimits.Precache))
}

func (b *builder) reportOffline(summary string, probs []sitecheck.Problem, err error) error {
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		return reportSiteProblems(b.root, probs)
	}
	fmt.Fprint(b.w, summary+" ")
	return nil
}
