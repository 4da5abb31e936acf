package checker

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ruleCase is one row of testdata/cases.json: a profile, optionally laid
// over testdata/neutral_profile.json, and what its result must show.
type ruleCase struct {
	Name    string         `json:"name"`
	Covers  []string       `json:"covers"` // "rule:<id>", "positive:<id>", "policy:<n>"
	Base    string         `json:"base"`   // "neutral" or ""
	Profile map[string]any `json:"profile"`
	Want    struct {
		Findings       *[]string   `json:"findings"` // exact, in order
		Positives      *[]string   `json:"positives"`
		Actions        *[]string   `json:"actions"`
		FirstAction    string      `json:"first_action"`
		Improvements   *[]string   `json:"improvements"` // "question=answer:score_after", in order
		ActionsInclude []string    `json:"actions_include"`
		ActionsExclude []string    `json:"actions_exclude"`
		Score          *int        `json:"score"`
		Band           string      `json:"band"`
		BandReason     string      `json:"band_reason"`
		BandBy         string      `json:"band_by"`
		Confidence     *float64    `json:"confidence"`
		Known          *int        `json:"known"`
		KnownOf        *int        `json:"known_of"`
		USCC           *USCCResult `json:"uscc"`
		Entity         *[]string   `json:"entity"`    // "document=match", in order
		SetAside       *[]string   `json:"set_aside"` // "question=answer", in order
	} `json:"want"`
}

func loadJSONFile[T any](t testing.TB, path string) T {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return v
}

// caseProfile builds the profile of a case through the public JSON decoder.
func caseProfile(t *testing.T, c ruleCase) Profile {
	t.Helper()
	fields := map[string]any{}
	if c.Base == "neutral" {
		fields = loadJSONFile[map[string]any](t, filepath.Join("testdata", "neutral_profile.json"))
	}
	maps.Copy(fields, c.Profile)
	data, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	// The reader of one object, as the browser's form uses it: unlike a
	// file, it scores a profile with nothing answered.
	p, refused, err := DecodeProfile(data)
	if err != nil || len(refused) > 0 {
		t.Fatalf("profile does not decode: %v %v", err, refused)
	}
	return p
}

func ids(list []*Finding) []string {
	out := []string{}
	for _, f := range list {
		out = append(out, f.ID)
	}
	return out
}

func actionIDs(list []*Action) []string {
	out := []string{}
	for _, a := range list {
		out = append(out, a.ID)
	}
	return out
}

func TestRuleCases(t *testing.T) {
	cases := loadJSONFile[[]ruleCase](t, filepath.Join("testdata", "cases.json"))
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			r := Score(caseProfile(t, c))
			w := c.Want
			if w.Findings != nil && !slices.Equal(ids(r.Findings), *w.Findings) {
				t.Errorf("findings = %q, want %q", ids(r.Findings), *w.Findings)
			}
			if w.Positives != nil && !slices.Equal(ids(r.Positives), *w.Positives) {
				t.Errorf("positives = %q, want %q", ids(r.Positives), *w.Positives)
			}
			got := actionIDs(r.Actions)
			if w.Actions != nil && !slices.Equal(got, *w.Actions) {
				t.Errorf("actions = %q, want %q", got, *w.Actions)
			}
			for _, a := range w.ActionsInclude {
				if !slices.Contains(got, a) {
					t.Errorf("actions = %q, want them to include %q", got, a)
				}
			}
			for _, a := range w.ActionsExclude {
				if slices.Contains(got, a) {
					t.Errorf("actions = %q, want them not to include %q", got, a)
				}
			}
			if w.FirstAction != "" && (len(got) == 0 || got[0] != w.FirstAction) {
				t.Errorf("actions = %q, want %q first", got, w.FirstAction)
			}
			if w.Improvements != nil {
				imps := []string{}
				for _, m := range r.Improvements {
					imps = append(imps, m.Question+"="+m.Answer+":"+strconv.Itoa(m.ScoreAfter))
				}
				if !slices.Equal(imps, *w.Improvements) {
					t.Errorf("improvements = %q, want %q", imps, *w.Improvements)
				}
			}
			if w.Score != nil && r.Score != *w.Score {
				t.Errorf("score = %d, want %d", r.Score, *w.Score)
			}
			if w.Band != "" && r.Band != w.Band {
				t.Errorf("band = %s, want %s", r.Band, w.Band)
			}
			if w.Known != nil && r.Known != *w.Known {
				t.Errorf("known = %v, want %v", r.Known, *w.Known)
			}
			if w.KnownOf != nil && r.KnownOf != *w.KnownOf {
				t.Errorf("known_of = %v, want %v", r.KnownOf, *w.KnownOf)
			}
			if w.Confidence != nil && r.Confidence != *w.Confidence {
				t.Errorf("confidence = %v, want %v", r.Confidence, *w.Confidence)
			}
			if w.USCC != nil && (r.USCC == nil || *r.USCC != *w.USCC) {
				t.Errorf("uscc = %+v, want %+v", r.USCC, *w.USCC)
			}
			checkEntity(t, r.Entity, w.Entity, w.SetAside)
		})
	}
}

// TestCasesCoverEverything requires a case for every rule, every positive and
// every policy point, so a new rule cannot land untested.
func TestCasesCoverEverything(t *testing.T) {
	cases := loadJSONFile[[]ruleCase](t, filepath.Join("testdata", "cases.json"))
	covered := map[string]bool{}
	for _, c := range cases {
		for _, cov := range c.Covers {
			covered[cov] = true
		}
		// A rule a case claims to cover must actually fire in it.
		r := Score(caseProfile(t, c))
		for _, cov := range c.Covers {
			kind, id, _ := strings.Cut(cov, ":")
			if kind == "rule" && !slices.Contains(ids(r.Findings), id) {
				t.Errorf("case %q covers %s but does not trigger it", c.Name, cov)
			}
			if kind == "positive" && !slices.Contains(ids(r.Positives), id) {
				t.Errorf("case %q covers %s but does not trigger it", c.Name, cov)
			}
		}
	}
	for _, r := range defaultRules.rules {
		if !covered["rule:"+r.id] {
			t.Errorf("no case in testdata/cases.json covers rule %s", r.id)
		}
	}
	for _, r := range defaultRules.positives {
		if !covered["positive:"+r.id] {
			t.Errorf("no case in testdata/cases.json covers positive %s", r.id)
		}
	}
	for n := 1; n <= 15; n++ {
		if !covered["policy:"+strconv.Itoa(n)] && n != 9 { // 9 is the monotonicity property test
			t.Errorf("no case in testdata/cases.json covers policy point %d", n)
		}
	}
	for _, a := range defaultRules.actions {
		fired := false
		for _, c := range cases {
			if slices.Contains(actionIDs(Score(caseProfile(t, c)).Actions), a.id) {
				fired = true
				break
			}
		}
		if !fired {
			t.Errorf("no case in testdata/cases.json triggers action %s", a.id)
		}
	}
}

// checkEntity compares a result's entity rows ("document=match") and set-aside
// answers ("question=answer") with a case's, when the case gives them.
func checkEntity(t *testing.T, e *Entity, rows, setAside *[]string) {
	t.Helper()
	gotRows, gotAside := []string{}, []string{}
	if e != nil {
		for i := range e.Documents {
			gotRows = append(gotRows, e.Documents[i].Document()+"="+e.Documents[i].Match())
		}
		for _, s := range e.SetAside {
			if s.Reason == "" {
				t.Errorf("set-aside answer %s=%s has no reason", s.Question, s.Answer)
			}
			gotAside = append(gotAside, s.Question+"="+s.Answer)
		}
	}
	if rows != nil && !slices.Equal(gotRows, *rows) {
		t.Errorf("entity rows = %q, want %q", gotRows, *rows)
	}
	if setAside != nil && !slices.Equal(gotAside, *setAside) {
		t.Errorf("set aside = %q, want %q", gotAside, *setAside)
	}
}
