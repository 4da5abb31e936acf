package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/generator/internal/budget"
	"safesource.dev/safesource/generator/internal/contentcheck"
	"safesource.dev/safesource/generator/internal/gotool"
	"safesource.dev/safesource/generator/internal/hugo"
	"safesource.dev/safesource/generator/internal/pipeline"
	"safesource.dev/safesource/generator/internal/sitecheck"
	"safesource.dev/safesource/generator/internal/training"
)

type config struct {
	root, out string
	bind      string
	port      int
	prod      bool
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
	ruleLinks  bool // check every checker rule's guide link lands on the site
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
	return &builder{
		w: w, root: root, moduleRoot: mod,
		out:       filepath.Join(root, cfg.out),
		generated: filepath.Join(root, "build", "generated"),
		siteURL:   siteURL,
		cfg:       cfg,
		ruleLinks: true,
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

func (b *builder) prepareStages() []pipeline.Stage {
	return []pipeline.Stage{
		{Name: "rules", Run: b.exportRules},
		{Name: "content", Run: b.checkContent},
		{Name: "training", Run: b.buildTrainingKey},
		{Name: "wasm", Run: b.buildWasm},
	}
}

func (b *builder) build() error {
	stages := append(b.prepareStages(),
		pipeline.Stage{Name: "hugo", Run: func() error { return hugo.Build(b.hugoOptions()) }},
		pipeline.Stage{Name: "search", Run: b.buildSearch},
		pipeline.Stage{Name: "check", Run: b.checkOutput},
	)
	return pipeline.Run(b.w, stages)
}

func (b *builder) serve() error {
	if b.cfg.prod {
		return b.serveProd()
	}
	if err := pipeline.Run(b.w, b.prepareStages()); err != nil {
		return err
	}
	fmt.Fprintf(b.w, "serving at http://localhost:%d/ (live reload; Ctrl-C stops)\n", b.cfg.port)
	return hugo.Serve(b.hugoOptions(), b.cfg.bind, b.cfg.port)
}

func (b *builder) checkOnly() error {
	return pipeline.Run(b.w, []pipeline.Stage{{Name: "check", Run: b.checkOutput}})
}

// exportRules writes the checker's questions and rules for the templates.
func (b *builder) exportRules() error {
	data, err := checker.RulesJSON()
	if err != nil {
		return fmt.Errorf("loading the checker rules: %w", err)
	}
	return writeFile(filepath.Join(b.generated, "data", "rules.json"), data)
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
	return probs.Err()
}

// checkOutput verifies the built site and that every rule's guide link lands.
func (b *builder) checkOutput() error {
	site, err := sitecheck.Load(os.DirFS(b.out))
	if err != nil {
		return err
	}
	probs := site.Check(sitecheck.Options{SiteURL: b.siteURL, MinMainText: 40, StatefulFragments: []string{"/check/"}})
	if b.ruleLinks {
		probs = append(probs, site.CheckTargets("checker rule guide link", checker.GuideLinks())...)
	}
	weights, err := budget.Check(os.DirFS(b.out), budget.SiteLimits, filepath.Join(b.root, "build", "cache", "brotli-sizes.json"))
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
