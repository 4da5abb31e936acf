package checker

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current results")

// corpus lists the profiles scored by the golden and parity tests.
func corpus(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "profiles", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no profiles in testdata/profiles: %v", err)
	}
	return files
}

// goldenExpect is a hand-written expectation for one golden profile.
type goldenExpect struct {
	Band            string   `json:"band"`
	Score           *int     `json:"score"`
	FindingsInclude []string `json:"findings_include"`
	ErrorsInclude   []string `json:"errors_include"`
}

// scoreOrErrors is a profile object's result as JSON, or its problems as
// {"errors":[…]} when it is not one clean profile object.
func scoreOrErrors(in []byte) []byte {
	p, refused, err := DecodeProfile(in)
	if err == nil && len(refused) > 0 {
		err = refused
	}
	if err != nil {
		return append(asInputErrors(err).AppendJSON([]byte(`{"errors":`)), '}')
	}
	r := Score(p)
	return r.AppendJSON(nil)
}

// TestGolden scores every profile in testdata/profiles, strictly (checker/browser
// tests the lenient reading the pages use), and compares with testdata/golden; the
// hand-written expectations in testdata/golden_expect.json must hold too,
// so a snapshot regenerated with -update cannot quietly bless a wrong result.
func TestGolden(t *testing.T) {
	expect := loadJSONFile[map[string]json.RawMessage](t, filepath.Join("testdata", "golden_expect.json"))
	for _, file := range corpus(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out := scoreOrErrors(in)
			checkGoldenExpect(t, expect[filepath.Base(file)], out)
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, out, "", "  "); err != nil {
				t.Fatalf("invalid JSON: %v\n%s", err, out)
			}
			pretty.WriteByte('\n')
			golden := filepath.Join("testdata", "golden", filepath.Base(file))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./checker -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("result differs from %s (if the change is intended, rerun with -update and review the diff):\n%s", golden, pretty.Bytes())
			}
			// For a valid profile object, the JSON is exactly Score's result.
			if list, err := DecodeJSON(file, in); err == nil && bytes.HasPrefix(bytes.TrimSpace(in), []byte("{")) {
				r := Score(list[0])
				if direct := r.AppendJSON(nil); !bytes.Equal(direct, out) {
					t.Errorf("the file's result and Score disagree:\n%s\n%s", out, direct)
				}
			}
		})
	}
}

// goldenError is one problem as the expectations match it: "line N: problem".
type goldenError struct {
	Line    int    `json:"line"`
	Problem string `json:"problem"`
}

func checkGoldenExpect(t *testing.T, raw json.RawMessage, out []byte) {
	t.Helper()
	if raw == nil {
		t.Fatal("no hand-written expectation in testdata/golden_expect.json: add one")
	}
	var want goldenExpect
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Band     string `json:"band"`
		Score    int    `json:"score"`
		Findings []struct {
			ID string `json:"id"`
		} `json:"findings"`
		Errors []goldenError `json:"errors"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(want.ErrorsInclude) > 0 {
		for _, w := range want.ErrorsInclude {
			if !slices.ContainsFunc(got.Errors, func(e goldenError) bool {
				return strings.Contains("line "+strconv.Itoa(e.Line)+": "+e.Problem, w)
			}) {
				t.Errorf("no error containing %q in %s", w, out)
			}
		}
		return
	}
	if len(got.Errors) > 0 || got.Band != want.Band || (want.Score != nil && got.Score != *want.Score) {
		t.Errorf("band %q score %d errors %v, want band %q score %v", got.Band, got.Score, got.Errors, want.Band, want.Score)
	}
	var ids []string
	for _, f := range got.Findings {
		ids = append(ids, f.ID)
	}
	for _, w := range want.FindingsInclude {
		if !slices.Contains(ids, w) {
			t.Errorf("finding %s missing from %v", w, ids)
		}
	}
	if want.FindingsInclude != nil && len(want.FindingsInclude) == 0 && len(ids) > 0 {
		t.Errorf("findings %v, want none", ids)
	}
}
