package checker

import (
	"path/filepath"
	"slices"
	"testing"
)

// Conditions on facts parse like enum and list conditions, name the
// questions the fact is read from, and explain a wrong operator or value.
func TestFactConditions(t *testing.T) {
	type factCase struct {
		When    string   `json:"when"`
		Problem string   `json:"problem"`
		Reads   []string `json:"reads"`
	}
	for _, c := range loadJSONFile[[]factCase](t, filepath.Join("testdata", "fact_condition_cases.json")) {
		t.Run(c.When, func(t *testing.T) {
			cond, problem := parseCondition(defaultRules, c.When, false)
			if problem != c.Problem {
				t.Fatalf("problem = %q\nwant      %q", problem, c.Problem)
			}
			if problem == "" && !slices.Equal(cond.questionIDs(defaultRules), c.Reads) {
				t.Errorf("reads %q, want %q", cond.questionIDs(defaultRules), c.Reads)
			}
		})
	}
}
