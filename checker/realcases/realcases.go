// Package realcases reads the corpus of documented supplier frauds (and,
// when any are found, of vetted orders that went well) in
// checker/testdata/realcases, encodes each as a checker profile and scores
// it. The package tests hold the rules to the corpus; the site generator
// publishes the same numbers on /methodology/, so the page and the tests
// cannot disagree. See the corpus README for how a case is encoded.
package realcases

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"safesource.dev/safesource/checker"
)

// Dir is the corpus folder, relative to the module root.
const Dir = "checker/testdata/realcases"

// The labels a case can carry.
const (
	Scam = "scam" // the buyer was defrauded, or received fakes, swapped goods or nothing
	Good = "good" // a vetted supplier and an order that went well
)

// Source is a page a case was read from.
type Source struct {
	URL       string `yaml:"url" json:"url"`
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher" json:"publisher,omitempty"`
	Date      string `yaml:"date" json:"date,omitempty"`
}

// Answer is one checker answer with the sentence of the story it rests on.
type Answer struct {
	Value yaml.Node `yaml:"value"`
	Quote string    `yaml:"quote"`
}

// Case is one documented case.
type Case struct {
	File    string            `yaml:"-"`
	ID      string            `yaml:"id"`
	Label   string            `yaml:"label"`
	Summary string            `yaml:"summary"`
	Sources []Source          `yaml:"sources"`
	Answers map[string]Answer `yaml:"answers"`
	// Exception, when set, says why the current rules cannot rate the case
	// as its label expects (for example: nothing the story states is a red
	// flag). Such a case is counted as missed, never as caught.
	Exception string          `yaml:"exception"`
	Profile   checker.Profile `yaml:"-"`
}

// Load reads every case in dir of fsys, in file-name order. It fails on a
// file that does not parse, a label other than scam or good, a case without
// a source URL, an answer without a quote, or an answer the checker refuses.
func Load(fsys fs.FS, dir string) ([]Case, error) {
	files, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no cases", dir)
	}
	sort.Strings(files)
	var cases []Case
	var errs []error
	for _, file := range files {
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		c, problems := parse(file, data)
		errs = append(errs, problems...)
		cases = append(cases, c)
	}
	return cases, errors.Join(errs...)
}

func parse(file string, data []byte) (Case, []error) {
	c := Case{File: file}
	if err := yaml.Unmarshal(data, &c); err != nil {
		return c, []error{fmt.Errorf("%s: %v", file, err)}
	}
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{file}, args...)...))
	}
	if c.Label != Scam && c.Label != Good {
		fail("label %q, want %s or %s", c.Label, Scam, Good)
	}
	if want := strings.TrimPrefix(strings.TrimSuffix(path.Base(file), ".yaml"), c.Label+"-"); c.ID != want {
		fail("id %q, want %q (the file name without the label)", c.ID, want)
	}
	if len(c.Sources) == 0 {
		fail("no source")
	}
	for _, s := range c.Sources {
		if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
			fail("source URL %q is not a web address", s.URL)
		}
	}
	ids := make([]string, 0, len(c.Answers))
	for id := range c.Answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := c.Answers[id]
		if strings.TrimSpace(a.Quote) == "" {
			fail("%s: no quote", id)
		}
		if err := set(&c.Profile, id, &a.Value); err != nil {
			fail("%s: %v", id, err)
		}
	}
	return c, errs
}

// set gives the profile one answer as the YAML holds it: a list, a number
// or text.
func set(p *checker.Profile, id string, v *yaml.Node) error {
	switch v.Kind {
	case yaml.SequenceNode:
		var list []string
		if err := v.Decode(&list); err != nil {
			return err
		}
		return p.SetList(id, list)
	case yaml.ScalarNode:
		if v.Tag == "!!int" || v.Tag == "!!float" {
			n, err := strconv.ParseFloat(v.Value, 64)
			if err != nil {
				return err
			}
			return p.SetNumber(id, n)
		}
		return p.Set(id, v.Value)
	default:
		return errors.New("expected a value or a list")
	}
}

// Scored is a case with the checker's result.
type Scored struct {
	Case   *Case
	Result checker.Result
	// AsLabelled says whether the band is what the label expects: high or
	// critical for a scam, low or moderate for a good case.
	AsLabelled bool
}

// Summary is what the corpus says about the current rules.
type Summary struct {
	Scams, ScamsHigh int // scams, and those rated high or critical
	Good, GoodLow    int // good cases, and those rated low or moderate
	Exceptions       int // cases documented as beyond the rules
	Cases            []Scored
}

// Score scores every case with the current rules.
func Score(cases []Case) Summary {
	var s Summary
	high := checker.BandRank("high")
	for i := range cases {
		c := &cases[i]
		r := checker.Score(c.Profile)
		isHigh := checker.BandRank(r.Band) >= high
		sc := Scored{Case: c, Result: r, AsLabelled: isHigh == (c.Label == Scam)}
		switch c.Label {
		case Scam:
			s.Scams++
			if isHigh {
				s.ScamsHigh++
			}
		case Good:
			s.Good++
			if !isHigh {
				s.GoodLow++
			}
		}
		if c.Exception != "" {
			s.Exceptions++
		}
		s.Cases = append(s.Cases, sc)
	}
	return s
}
