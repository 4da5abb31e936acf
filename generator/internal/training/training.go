// Package training builds the answer key of the training cases
// (content/training/*.md). Each case carries a supplier profile in its front
// matter; the key is whatever the checker's rules make of that profile, so a
// case can never disagree with the checker. A case may also declare the
// flags and band its author expects: the build fails when the rules do not
// produce exactly those.
package training

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/profiles"
	"safesource.dev/safesource/generator/internal/contentcheck"
)

// Finding is one rule as the training pages show it.
type Finding struct {
	ID       string `json:"id"`
	Severity string `json:"severity,omitempty"`
	Points   int    `json:"points,omitempty"`
	Title    string `json:"title"`
	Why      string `json:"why,omitempty"`
	Guide    string `json:"guide"`
}

// Case is one exercise and its answer key.
type Case struct {
	Slug       string          `json:"slug"`
	File       string          `json:"file"`
	Score      int             `json:"score"`
	Band       string          `json:"band"`
	ScoreBand  string          `json:"score_band"`  // the band the score alone falls in
	BandReason string          `json:"band_reason"` // score, finding or confidence
	BandBy     string          `json:"band_by"`     // title of the finding that set the band, when BandReason is finding
	Confidence float64         `json:"confidence"`
	RedPoints  int             `json:"red_points"`
	OffPoints  int             `json:"off_points"` // points the positives took off (after the cap)
	Findings   []Finding       `json:"findings"`
	Positives  []Finding       `json:"positives"`
	Options    []Finding       `json:"options"` // findings and distractors, in the order the page lists them
	Profile    json.RawMessage `json:"profile"`
}

// Key is the generated data file the templates read (data/training.json).
type Key struct {
	RulesVersion int              `json:"rules_version"` // the rules that produced it
	Cases        map[string]*Case `json:"cases"`
}

// Distractors are drawn so that every case lists at least minOptions rules
// (and at least minDistractors wrong ones) to choose from.
const (
	minOptions     = 9
	minDistractors = 4
)

type rule struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Guide string `json:"guide"`
}

type rulesData struct {
	Version int    `json:"version"`
	Rules   []rule `json:"rules"`
}

// Build reads every case under dir in fsys and scores it. Pages named
// _index.md (the section and its sub-sections) are not cases; every other
// Markdown page is, and must carry a profile.
func Build(fsys fs.FS, dir string) (*Key, contentcheck.Problems) {
	raw, err := checker.RulesJSON()
	if err != nil {
		return nil, contentcheck.Problems{{File: dir, Msg: fmt.Sprintf("loading the checker rules: %v", err)}}
	}
	var rules rulesData
	if err := json.Unmarshal(raw, &rules); err != nil {
		return nil, contentcheck.Problems{{File: dir, Msg: fmt.Sprintf("reading the checker rules: %v", err)}}
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &Key{Cases: map[string]*Case{}}, nil
		}
		return nil, contentcheck.Problems{{File: dir, Msg: fmt.Sprintf("cannot read the training cases: %v", err)}}
	}
	key := &Key{RulesVersion: rules.Version, Cases: map[string]*Case{}}
	var probs contentcheck.Problems
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" || e.Name() == "_index.md" {
			continue
		}
		file := path.Join(dir, e.Name())
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			probs = append(probs, contentcheck.Problem{File: file, Msg: err.Error()})
			continue
		}
		c, p := buildCase(file, src, &rules)
		probs = append(probs, p...)
		if c != nil {
			key.Cases[c.Slug] = c
		}
	}
	return key, probs
}

// JSON is the key as written to the generated data file.
func (k *Key) JSON() ([]byte, error) {
	return json.MarshalIndent(k, "", " ")
}

// frontMatter is what a case page declares beyond the common fields.
type frontMatter struct {
	profile     *yaml.Node
	flags       *yaml.Node
	band        *yaml.Node
	lines       []string // the front matter, line by line
	firstLine   int      // file line of the front matter's first line
	profileLast int      // front matter line (1-based) of the profile block's last line
}

func buildCase(file string, src []byte, rules *rulesData) (*Case, contentcheck.Problems) {
	fm, perr := readFrontMatter(file, src)
	if perr != nil {
		return nil, contentcheck.Problems{*perr}
	}
	at := func(n *yaml.Node) int { return fm.firstLine + n.Line - 1 }
	if fm.profile == nil {
		return nil, contentcheck.Problems{{File: file, Line: fm.firstLine, Msg: "a training case needs the supplier `profile` behind its story: add `profile:` to the front matter with the checker's field ids and values (e.g. `store_years: 0.5`), as on /check/"}}
	}
	if fm.profile.Kind != yaml.MappingNode || len(fm.profile.Content) == 0 {
		return nil, contentcheck.Problems{{File: file, Line: at(fm.profile), Msg: "`profile` must be a mapping of checker field ids to answers, one `field: value` per indented line"}}
	}
	prof, perrs := decodeProfile(file, fm)
	if perrs != nil {
		return nil, perrs
	}
	res := checker.Score(prof)
	slug := strings.TrimSuffix(path.Base(file), ".md")
	c := &Case{
		Slug: slug, File: file,
		Score: res.Score, Band: res.Band, Confidence: res.Confidence,
		ScoreBand: res.ScoreBand, BandReason: res.BandReason,
		RedPoints: res.RedPoints, OffPoints: res.OffPoints,
		Profile: prof.AppendJSON(nil),
	}
	fired := map[string]bool{}
	for _, f := range res.Findings {
		c.Findings = append(c.Findings, Finding{f.ID, f.Severity, f.Points, f.Title, f.Why, f.Guide})
		fired[f.ID] = true
		if res.BandReason == checker.BandByFinding && f.ID == res.BandBy {
			c.BandBy = f.Title
		}
	}
	for _, f := range res.Positives {
		c.Positives = append(c.Positives, Finding{f.ID, f.Severity, f.Points, f.Title, f.Why, f.Guide})
	}
	c.Options = options(slug, c.Findings, rules.Rules, fired)

	probs := checkDeclared(file, fm, at, c)
	if len(probs) > 0 {
		return nil, probs
	}
	return c, nil
}

// checkDeclared compares what the author declared with what the rules produce.
func checkDeclared(file string, fm *frontMatter, at func(*yaml.Node) int, c *Case) contentcheck.Problems {
	var probs contentcheck.Problems
	if n := fm.band; n != nil && n.Value != c.Band {
		probs = append(probs, contentcheck.Problem{File: file, Line: at(n), Msg: fmt.Sprintf("declares band %q but the checker's rules put this profile at %q (score %d): change the profile until the rules agree, or declare `band: %s`", n.Value, c.Band, c.Score, c.Band)})
	}
	if n := fm.flags; n != nil {
		if n.Kind != yaml.SequenceNode {
			return append(probs, contentcheck.Problem{File: file, Line: at(n), Msg: "`flags` must be a list of checker rule ids, e.g. [store-under-1-year, pressure-tactics]"})
		}
		produced := map[string]bool{}
		for _, f := range c.Findings {
			produced[f.ID] = true
		}
		declared := map[string]bool{}
		for _, item := range n.Content {
			declared[item.Value] = true
			if !produced[item.Value] {
				probs = append(probs, contentcheck.Problem{File: file, Line: at(item), Msg: fmt.Sprintf("declares flag %q but the checker's rules do not raise it for this profile (they raise: %s): fix the profile or remove the flag", item.Value, idList(c.Findings))})
			}
		}
		for _, f := range c.Findings {
			if !declared[f.ID] {
				probs = append(probs, contentcheck.Problem{File: file, Line: at(n), Msg: fmt.Sprintf("the checker's rules also raise %q for this profile: add it to `flags` or change the profile", f.ID)})
			}
		}
	}
	return probs
}

func idList(fs []Finding) string {
	if len(fs) == 0 {
		return "nothing"
	}
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.ID
	}
	return strings.Join(ids, ", ")
}

// options mixes the case's findings with distractors: other rules, drawn by
// a hash of the case's slug so every build lists the same ones, and ordered
// by a second hash so the real findings do not cluster.
func options(slug string, findings []Finding, all []rule, fired map[string]bool) []Finding {
	var others []rule
	for _, r := range all {
		if !fired[r.ID] {
			others = append(others, r)
		}
	}
	sort.Slice(others, func(i, j int) bool {
		return hash(slug+"/pick/"+others[i].ID) < hash(slug+"/pick/"+others[j].ID)
	})
	n := min(max(minDistractors, minOptions-len(findings)), len(others))
	out := slices.Clone(findings)
	for _, r := range others[:n] {
		out = append(out, Finding{ID: r.ID, Title: r.Title, Guide: r.Guide})
	}
	for i := range out { // the page shows titles and links only; the key keeps the rest
		out[i] = Finding{ID: out[i].ID, Title: out[i].Title, Guide: out[i].Guide}
	}
	sort.Slice(out, func(i, j int) bool {
		return hash(slug+"/order/"+out[i].ID) < hash(slug+"/order/"+out[j].ID)
	})
	return out
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// decodeProfile hands the profile block to the checker's own YAML decoder,
// padded with blank lines so its line numbers are the front matter's.
func decodeProfile(file string, fm *frontMatter) (checker.Profile, contentcheck.Problems) {
	first := fm.profile.Line // front matter line of the first answer
	var b bytes.Buffer
	b.WriteString(strings.Repeat("\n", first-1))
	for _, l := range fm.lines[first-1 : fm.profileLast] {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	list, err := profiles.DecodeYAML(file, b.Bytes())
	if err == nil && len(list) == 1 {
		return list[0], nil
	}
	var probs contentcheck.Problems
	var ierrs checker.InputErrors
	if errors.As(err, &ierrs) {
		for _, e := range ierrs {
			line := fm.firstLine + first - 1
			if e.Line > 0 {
				line = fm.firstLine + e.Line - 1
			}
			msg := e.Problem
			if e.Field != "" {
				msg = "profile." + e.Field + ": " + msg
			}
			probs = append(probs, contentcheck.Problem{File: file, Line: line, Msg: msg + ": fix the answer as the checker takes it (/check/ lists every question and value)"})
		}
		return checker.Profile{}, probs
	}
	if err == nil {
		err = fmt.Errorf("expected one profile, got %d", len(list))
	}
	return checker.Profile{}, contentcheck.Problems{{File: file, Line: fm.firstLine + first - 1, Msg: fmt.Sprintf("the profile cannot be read: %v", err)}}
}

// readFrontMatter finds the profile, flags and band fields, and the lines
// the profile block spans.
func readFrontMatter(file string, src []byte) (*frontMatter, *contentcheck.Problem) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return nil, &contentcheck.Problem{File: file, Line: 1, Msg: "no YAML front matter: start the case with `---`, its fields and `profile:`, and a closing `---`"}
	}
	lines := strings.Split(text[4:], "\n")
	end := slices.Index(lines, "---")
	if end < 0 {
		return nil, &contentcheck.Problem{File: file, Line: 1, Msg: "the front matter is not closed: add a line `---` after it"}
	}
	fm := &frontMatter{lines: lines[:end], firstLine: 2}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(fm.lines, "\n")), &doc); err != nil {
		return nil, &contentcheck.Problem{File: file, Line: 2, Msg: fmt.Sprintf("front matter is not valid YAML: %v", err)}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &contentcheck.Problem{File: file, Line: 2, Msg: "front matter must be a YAML mapping of fields"}
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "profile":
			fm.profile = v
			// The block runs to the line before the next top-level key.
			fm.profileLast = len(fm.lines)
			if i+2 < len(root.Content) {
				fm.profileLast = root.Content[i+2].Line - 1
			}
		case "flags":
			fm.flags = v
		case "band":
			fm.band = v
		}
	}
	if fm.profile != nil && fm.profile.Kind == yaml.MappingNode && fm.profile.Style&yaml.FlowStyle != 0 {
		return nil, &contentcheck.Problem{File: file, Line: fm.firstLine + fm.profile.Line - 1, Msg: "write `profile` as indented `field: value` lines, not in {…} flow style"}
	}
	return fm, nil
}
