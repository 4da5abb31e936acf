package training

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"safesource.dev/safesource/checker"
)

const siteRoot = "../../.."

// TestContentCases scores every case's profile afresh with the checker and
// compares the result with the answer key the build writes for its page
// (generator/training_test.go checks the rendered pages carry it).
func TestContentCases(t *testing.T) {
	key, probs := Build(os.DirFS(siteRoot), "content/training")
	if len(probs) > 0 {
		t.Fatalf("content/training has problems:\n%v", probs)
	}
	if len(key.Cases) < 12 {
		t.Errorf("%d training cases, want at least 12", len(key.Cases))
	}
	for slug, c := range key.Cases {
		ps, err := checker.DecodeJSON(c.File, c.Profile)
		if err != nil || len(ps) != 1 {
			t.Fatalf("%s: the key's profile does not decode: %v", slug, err)
		}
		res := checker.Score(ps[0])
		if c.Band != res.Band || c.Score != res.Score {
			t.Errorf("%s: key says %s (%d), the checker says %s (%d)", slug, c.Band, c.Score, res.Band, res.Score)
		}
		if got, want := ids(c.Findings), res.FindingIDs(); !slices.Equal(got, want) {
			t.Errorf("%s: key findings %v, the checker finds %v", slug, got, want)
		}
		checkOptions(t, c)
	}
}

// checkOptions: every finding is offered, and at least minDistractors rules
// the checker did not raise.
func checkOptions(t *testing.T, c *Case) {
	t.Helper()
	offered := ids(c.Options)
	for _, f := range c.Findings {
		if !slices.Contains(offered, f.ID) {
			t.Errorf("%s: finding %s is not among the options", c.Slug, f.ID)
		}
	}
	if d := len(c.Options) - len(c.Findings); d < minDistractors {
		t.Errorf("%s: %d distractors, want at least %d", c.Slug, d, minDistractors)
	}
	seen := map[string]bool{}
	for _, id := range offered {
		if seen[id] {
			t.Errorf("%s: option %s listed twice", c.Slug, id)
		}
		seen[id] = true
	}
}

func TestDeterministicDistractors(t *testing.T) {
	a, _ := Build(os.DirFS(siteRoot), "content/training")
	b, _ := Build(os.DirFS(siteRoot), "content/training")
	ja, _ := a.JSON()
	jb, _ := b.JSON()
	if string(ja) != string(jb) {
		t.Error("two builds of the same cases differ")
	}
}

func TestBadCases(t *testing.T) {
	var cases []struct {
		File string   `json:"file"`
		Want []string `json:"want"`
	}
	data, err := os.ReadFile("testdata/bad_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.File, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "bad", tc.File))
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{"content/training/" + tc.File: {Data: src}}
			key, probs := Build(fsys, "content/training")
			if len(probs) == 0 {
				t.Fatalf("no problem reported; key: %+v", key.Cases)
			}
			got := probs.Error()
			for _, w := range tc.Want {
				if !strings.Contains(got, "content/training/"+w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			if _, ok := key.Cases[strings.TrimSuffix(tc.File, ".md")]; ok {
				t.Error("a bad case still got an answer key")
			}
		})
	}
}

func ids(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.ID
	}
	return out
}
