package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/realcases"
	"safesource.dev/safesource/generator/internal/budget"
	"safesource.dev/safesource/generator/internal/contentcheck"
	"safesource.dev/safesource/generator/internal/gotool"
	"safesource.dev/safesource/generator/internal/hanmark"
	"safesource.dev/safesource/generator/internal/hugo"
	"safesource.dev/safesource/generator/internal/outfs"
	"safesource.dev/safesource/generator/internal/pipeline"
	"safesource.dev/safesource/generator/internal/sitecheck"
	"safesource.dev/safesource/generator/internal/training"
)

type config struct {
	root, out string
	bind      string
	port      int
	prod      bool
	timings   string // build: write stage times (JSON) to this file
}

// builder holds the resolved paths of one build.
type builder struct {
	w          io.Writer
	root       string // site root, absolute
	moduleRoot string // go.mod folder, absolute
	out        string // output folder, absolute
	generated  string // build/generated under the site root
	siteURL    string
	cfg        config
	ruleLinks  bool   // check every checker rule's guide link lands on the site
	cacheTag   string // names this output's caches apart ("-dev" for the development server)
	// sharedCache holds caches keyed by content alone, shared by every site
	// built from this checkout (the synthetic benchmark site measures the
	// same WebAssembly file as the real one).
	sharedCache string
	// offlineBudget holds the offline precache to its budget; a synthetic
	// benchmark site is far larger than anything a reader would save.
	offlineBudget bool
	// built is the output as the stages after Hugo read it: each page is
	// read and hashed once for all of them (nil: read from disk each time).
	built *outfs.FS
	// meter measures the output's brotli sizes once for the budgets of both
	// the output check and the offline stage (nil outside a build).
	meter *budget.Meter
	// scans reads each page once for the search index and the output
	// check (nil outside a build).
	scans *pageScans
}

func newBuilder(cfg config, w io.Writer) (*builder, error) {
	root, err := filepath.Abs(cfg.root)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, "hugo.toml")); err != nil {
		return nil, usageError{fmt.Errorf("%s has no hugo.toml: pass -root with the site folder", root)}
	}
	// A site outside the repository (a test fixture, the synthetic benchmark
	// site) is built with the repository's pinned Hugo and theme.
	mod, err := gotool.ModuleRoot(root)
	if err != nil {
		if mod, err = gotool.ModuleRoot("."); err != nil {
			return nil, err
		}
	}
	siteURL, err := readBaseURL(filepath.Join(root, "hugo.toml"))
	if err != nil {
		return nil, err
	}
	out := cfg.out
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	return &builder{
		w: w, root: root, moduleRoot: mod,
		out:         out,
		generated:   filepath.Join(root, "build", "generated"),
		siteURL:     siteURL,
		cfg:         cfg,
		ruleLinks:   true,
		sharedCache: filepath.Join(mod, "build", "cache"),

		offlineBudget: !exists(filepath.Join(root, syntheticMarker)),
	}, nil
}

func (b *builder) hugoOptions() hugo.Options {
	o := hugo.Options{ModuleRoot: b.moduleRoot, Source: b.root, Dest: b.out}
	// A site outside the repository (a test fixture) borrows the project theme.
	if _, err := os.Stat(filepath.Join(b.root, "themes")); err != nil {
		o.ThemesDir = filepath.Join(b.moduleRoot, "themes")
	}
	return o
}

// stage names a builder step; its summary goes to the stage's own writer,
// so stages can run concurrently without mixing their output.
func (b *builder) stage(name string, run func(*builder) error) pipeline.Stage {
	return pipeline.Stage{Name: name, Run: func(w io.Writer) error {
		c := *b
		c.w = w
		return run(&c)
	}}
}

func (b *builder) prepareStages() []pipeline.Stage {
	return []pipeline.Stage{
		b.stage("rules", (*builder).exportRules),
		b.stage("content", (*builder).checkContent),
		b.stage("training", (*builder).buildTrainingKey),
		b.stage("wasm", (*builder).buildWasm),
	}
}

// build runs every stage. The search index and the output check both only
// read Hugo's output (the check skips the index folder), so they run
// concurrently.
func (b *builder) build() error {
	// CPU time, beside wall time, for the benchmarks: on a shared machine
	// it does not depend on what else is running.
	var hugoCPU, afterStart time.Duration
	// Each page's Chinese is marked as Chinese where the stages first read it.
	b.built = outfs.New(b.out, hanmark.Page)
	b.scans = &pageScans{}
	defer func() { b.built, b.scans = nil, nil }() // a page's bytes are not kept past the build
	b.meter = budget.NewMeter(b.output())
	b.meter.LoadCache(b.brotliCache())
	defer func() {
		_ = b.meter.SaveCache(b.brotliCache()) // a cache that cannot be written only costs time next build
		b.meter = nil
	}()
	stages := append(b.prepareStages(),
		pipeline.Stage{Name: "hugo", Run: func(io.Writer) error {
			_, c0, _ := cpuTime()
			err := hugo.Build(b.hugoOptions())
			self, c1, _ := cpuTime()
			hugoCPU, afterStart = c1-c0, self
			return err
		}},
		pipeline.Stage{Name: "after-hugo", Concurrent: []pipeline.Stage{
			b.stage("search", (*builder).buildSearch),
			b.stage("check", (*builder).checkOutput),
		}},
		// The service worker lists every file, the search index included,
		// so it is written once both are done, then verified.
		b.stage("offline", (*builder).buildAndCheckOffline),
	)
	times, err := pipeline.Run(b.w, stages)
	times = foldOfflineIntoAfterHugo(times)
	if self, _, ok := cpuTime(); ok {
		times = append(times, pipeline.Timing{Name: "hugo-cpu", Duration: hugoCPU}, pipeline.Timing{Name: "after-hugo-cpu", Duration: self - afterStart})
	}
	if b.built != nil {
		// Marking Chinese runs in the pages (hanmark): CPU time, summed over threads.
		times = append(times, pipeline.Timing{Name: "chinese-marks", Duration: b.built.RewriteTime()})
	}
	if err == nil && b.cfg.timings != "" {
		err = writeTimings(b.cfg.timings, times)
	}
	return err
}

// foldOfflineIntoAfterHugo counts the offline stage, which runs after the
// concurrent search and check, as part of the time spent after Hugo.
func foldOfflineIntoAfterHugo(times []pipeline.Timing) []pipeline.Timing {
	var offline time.Duration
	for _, t := range times {
		if t.Name == "offline" {
			offline = t.Duration
		}
	}
	for i, t := range times {
		if t.Name == "after-hugo" {
			times[i].Duration += offline
		}
	}
	return times
}

// writeTimings records stage times in milliseconds for the benchmarks:
// {"rules": 2.1, …, "hugo": 11020.5, "search": …, "check": …, "after-hugo": …,
// "total": …, "hugo-cpu": …, "after-hugo-cpu": …} (CPU times where known),
// and "chinese-marks", the CPU time spent marking Chinese runs in the pages
// and writing them back, summed over threads.
func writeTimings(file string, times []pipeline.Timing) error {
	ms := make(map[string]float64, len(times))
	for _, t := range times {
		ms[t.Name] = float64(t.Duration.Microseconds()) / 1000
	}
	data, err := json.MarshalIndent(ms, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFile(file, append(data, '\n')); err != nil {
		return fmt.Errorf("writing the stage times: %w", err)
	}
	return nil
}

func (b *builder) serve() error {
	if b.cfg.prod {
		return b.serveProd()
	}
	return b.serveDev()
}

// offlineOnly rewrites the service worker of an already built site, for
// when files in the output were changed by hand (tests do).
func (b *builder) offlineOnly() error {
	_, err := pipeline.Run(b.w, []pipeline.Stage{b.stage("offline", (*builder).buildOffline)})
	return err
}

func (b *builder) checkOnly() error {
	_, err := pipeline.Run(b.w, []pipeline.Stage{
		b.stage("check", (*builder).checkOutput),
		b.stage("offline", (*builder).verifyOffline),
	})
	return err
}

// exportRules writes the checker's questions and rules for the templates.
func (b *builder) exportRules() error {
	data, err := checker.RulesJSON()
	if err != nil {
		return fmt.Errorf("loading the checker rules: %w", err)
	}
	if err := writeFile(filepath.Join(b.generated, "data", "rules.json"), data); err != nil {
		return err
	}
	// The result for a questionnaire with nothing answered: /check/ shows it
	// from its first paint, so the worker's first answer changes nothing on
	// the page and costs no layout.
	empty := checker.Score(checker.Profile{})
	start := empty.AppendJSON(nil)
	if err := checkStartResult(start); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(b.generated, "data", "checker_start.json"), start); err != nil {
		return err
	}
	return b.exportRealCases()
}

// exportRealCases scores the corpus of documented cases
// (checker/testdata/realcases) with the current rules and writes what
// /methodology/ states about it: how many scams are rated high or critical,
// how many good cases low or moderate, and each case with its sources.
func (b *builder) exportRealCases() error {
	out := filepath.Join(b.generated, "data", "realcases.json")
	if !exists(filepath.Join(b.moduleRoot, realcases.Dir)) {
		// A copy of the site without the corpus (the dev server's tests)
		// publishes no numbers rather than stale ones.
		if err := os.Remove(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	cases, err := realcases.Load(os.DirFS(b.moduleRoot), realcases.Dir)
	if err != nil {
		return fmt.Errorf("reading the documented cases: %w", err)
	}
	data, err := json.Marshal(realCasesData(realcases.Score(cases)))
	if err != nil {
		return err
	}
	return writeFile(out, data)
}

// realCasesJSON is the shape of data/realcases.json, which the methodology
// template reads.
type realCasesJSON struct {
	RulesVersion int            `json:"rules_version"`
	Scams        int            `json:"scams"`
	ScamsHigh    int            `json:"scams_high"`
	Good         int            `json:"good"`
	GoodLow      int            `json:"good_low"`
	Exceptions   int            `json:"exceptions"`
	Cases        []realCaseJSON `json:"cases"`
}

type realCaseJSON struct {
	ID         string             `json:"id"`
	Label      string             `json:"label"`
	Summary    string             `json:"summary"`
	Band       string             `json:"band"`
	Score      int                `json:"score"`
	AsLabelled bool               `json:"as_labelled"`
	Exception  string             `json:"exception,omitempty"`
	Sources    []realcases.Source `json:"sources"`
}

func realCasesData(s realcases.Summary) realCasesJSON {
	out := realCasesJSON{RulesVersion: checker.RulesVersion(), Scams: s.Scams, ScamsHigh: s.ScamsHigh,
		Good: s.Good, GoodLow: s.GoodLow, Exceptions: s.Exceptions, Cases: []realCaseJSON{}}
	for _, sc := range s.Cases {
		c := sc.Case
		out.Cases = append(out.Cases, realCaseJSON{ID: c.ID, Label: c.Label, Summary: c.Summary, Band: sc.Result.Band,
			Score: sc.Result.Score, AsLabelled: sc.AsLabelled, Exception: c.Exception, Sources: c.Sources})
	}
	return out
}

// checkStartResult makes sure the result for an empty questionnaire is
// what /check/ pre-renders (layouts/_partials/section/check.html): next
// steps, and no findings, reassuring signs or improvements, which no answer
// can have produced.
func checkStartResult(start []byte) error {
	var r struct {
		Errors       []json.RawMessage `json:"errors"`
		Findings     []json.RawMessage `json:"findings"`
		Positives    []json.RawMessage `json:"positives"`
		Improvements []json.RawMessage `json:"improvements"`
	}
	if err := json.Unmarshal(start, &r); err != nil {
		return fmt.Errorf("scoring an empty questionnaire for /check/: %w", err)
	}
	switch {
	case len(r.Errors) > 0:
		return fmt.Errorf("scoring an empty questionnaire for /check/: %s", start)
	case len(r.Findings)+len(r.Positives)+len(r.Improvements) > 0:
		return fmt.Errorf("the rules give an empty questionnaire %d findings, %d reassuring signs and %d improvements, which /check/ does not pre-render: render them in layouts/_partials/section/check.html as ts/checker/result.ts does", len(r.Findings), len(r.Positives), len(r.Improvements))
	}
	return nil
}

// buildTrainingKey scores every training case's profile with the checker's
// rules and writes the answer key the case pages are built from.
func (b *builder) buildTrainingKey() error {
	key, probs := training.Build(os.DirFS(b.root), "content/training")
	if err := probs.Err(); err != nil {
		return err
	}
	data, err := key.JSON()
	if err != nil {
		return fmt.Errorf("writing the training answer key: %w", err)
	}
	return writeFile(filepath.Join(b.generated, "data", "training.json"), data)
}

// checkContent validates front matter and the data files before Hugo runs,
// so a mistake is reported with its file and line.
func (b *builder) checkContent() error {
	fsys := os.DirFS(b.root)
	var probs contentcheck.Problems
	sources, p := contentcheck.LoadSources(fsys, "data/sources.yaml")
	probs = append(probs, p...)
	if sources != nil {
		probs = append(probs, contentcheck.CheckPages(fsys, "content", sources)...)
		if exists(filepath.Join(b.root, "data", "contacts.yaml")) {
			probs = append(probs, contentcheck.CheckContacts(fsys, "data/contacts.yaml", sources)...)
		}
	}
	if exists(filepath.Join(b.root, "data", "glossary.yaml")) {
		probs = append(probs, contentcheck.CheckGlossary(fsys, "data/glossary.yaml")...)
	}
	if sources != nil {
		probs = append(probs, contentcheck.DataCitations(fsys, sources)...)
	}
	// Every claim a buyer acts on is cited. A synthetic benchmark site's
	// generated text states no facts, so it is not read for claims.
	if !exists(filepath.Join(b.root, syntheticMarker)) {
		for _, c := range contentcheck.Claims(fsys, contentcheck.CitedSections) {
			probs = append(probs, c.Problem())
		}
	}
	return probs.Err()
}

// checkOutput verifies the built site and that every rule's guide link lands.
func (b *builder) checkOutput() error {
	site, err := b.loadSite(searchDir, "pagefind")
	if err != nil {
		return err
	}
	probs := site.Check(sitecheck.Options{SiteURL: b.siteURL, MinMainText: 40, StatefulFragments: []string{"/check/"}})
	if b.ruleLinks {
		probs = append(probs, site.CheckTargets("checker rule guide link", checker.GuideLinks())...)
	}
	meter, done := b.budgetMeter()
	defer done()
	weights, err := meter.Check(budget.SiteLimits)
	if err != nil {
		return fmt.Errorf("measuring page weights: %w", err)
	}
	for _, over := range weights.Over {
		probs = append(probs, sitecheck.Problem{Page: "budget", Msg: over})
	}
	if len(probs) == 0 {
		fmt.Fprintf(b.w, "%d pages, 0 problems; %s ", len(site.Pages()), weights.Summary())
		return nil
	}
	return reportSiteProblems(b.root, probs)
}

// brotliCache keeps brotli sizes between builds, by content hash.
func (b *builder) brotliCache() string {
	return filepath.Join(b.sharedCache, "brotli-sizes.json")
}

// budgetMeter is the build's meter, or outside a build (the check and
// offline commands) one of its own, saved by done.
func (b *builder) budgetMeter() (m *budget.Meter, done func()) {
	if b.meter != nil {
		return b.meter, func() {}
	}
	m = budget.NewMeter(b.output())
	m.LoadCache(b.brotliCache())
	return m, func() { _ = m.SaveCache(b.brotliCache()) } // a cache that cannot be written only costs time next build
}

// loadSite reads the built site for the output checks, parsing only the
// pages whose HTML changed since the last build (build/cache).
func (b *builder) loadSite(skip ...string) (*sitecheck.Site, error) {
	salt := programHash()
	if salt == "" {
		return sitecheck.Load(b.output(), skip...)
	}
	file := filepath.Join(b.root, "build", "cache", "site-pages"+b.cacheTag+".bin")
	cache := sitecheck.LoadPageCache(file, salt)
	if b.scans != nil {
		cache.ReadWith(b.scans.checkPage)
	}
	site, err := sitecheck.LoadCached(b.output(), cache, skip...)
	if err != nil {
		return nil, err
	}
	_ = cache.Save(file) // a cache that cannot be written only costs time next build
	return site, nil
}

// output is the built site, read through b.built during a build.
func (b *builder) output() fs.FS {
	if b.built != nil {
		return b.built
	}
	return os.DirFS(b.out)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
