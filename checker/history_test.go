package checker

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every kept version parses, is the version its key says, and its
// changelog is the tail of the current one: history is only ever added to.
func TestHistoryVersions(t *testing.T) {
	for v := 1; v < RulesVersion(); v++ {
		rs, err := rulesOfVersion(v)
		if err != nil {
			t.Fatalf("rules v%d: %v", v, err)
		}
		if rs.version != v {
			t.Errorf("history entry %d holds rules v%d", v, rs.version)
		}
		cur := defaultRules.changelog
		tail := cur[len(cur)-len(rs.changelog):]
		for i := range tail {
			if tail[i].version != rs.changelog[i].version || tail[i].date != rs.changelog[i].date {
				t.Errorf("rules v%d changelog entry %d differs from the current changelog", v, i)
			}
		}
	}
	if _, ok := historyTexts[RulesVersion()]; ok {
		t.Error("the current version belongs in rules.json, not in history")
	}
	p := mustDecode(t, `{"store_years": 2}`)
	for _, v := range []int{0, -1, RulesVersion() + 1} {
		_, err := ScoreAgain(p, v)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != "rules_version" {
			t.Errorf("ScoreAgain(v%d) = %v, want an error about rules_version", v, err)
		}
	}
}

func mustDecode(t *testing.T, text string) Profile {
	t.Helper()
	list, err := DecodeJSON("test.json", []byte(text))
	if err != nil || len(list) != 1 {
		t.Fatalf("decode %s: %v", text, err)
	}
	return list[0]
}

// oldResult is what the v1 command line wrote for one profile.
type oldResult struct {
	Score      int        `json:"score"`
	Band       string     `json:"band"`
	Confidence float64    `json:"confidence"`
	Findings   []*Finding `json:"findings"`
	Positives  []*Finding `json:"positives"`
	Actions    []*Action  `json:"actions"`
}

// Results the v1 command line wrote (testdata/v1/cli-results.json, made by
// the v1 code from testdata/v1/profiles.json) are reproduced exactly by the
// kept v1 rules, so "scored again: before → after" quotes the real before.
func TestOldResultsReproduced(t *testing.T) {
	profiles := loadJSONFile[[]map[string]any](t, filepath.Join("testdata", "v1", "profiles.json"))
	results := loadJSONFile[[]oldResult](t, filepath.Join("testdata", "v1", "cli-results.json"))
	if len(profiles) != len(results) || len(profiles) < 5 {
		t.Fatalf("%d profiles, %d results", len(profiles), len(results))
	}
	data, err := os.ReadFile(filepath.Join("testdata", "v1", "profiles.json"))
	if err != nil {
		t.Fatal(err)
	}
	list, err := DecodeJSON("profiles.json", data)
	if err != nil {
		t.Fatalf("v1 profiles no longer decode: %v", err)
	}
	for i, p := range list {
		r, err := ScoreAgain(p, 1)
		if err != nil {
			t.Fatal(err)
		}
		old, b := results[i], r.Before
		if b.Score != old.Score || b.Band != old.Band || b.Confidence != old.Confidence ||
			!slices.Equal(ids(b.Findings), ids(old.Findings)) || !slices.Equal(ids(b.Positives), ids(old.Positives)) ||
			!slices.Equal(actionIDs(b.Actions), actionIDs(old.Actions)) || b.RulesVersion != 1 {
			t.Errorf("%s: v1 rules give %d %s %v %v, the v1 checker wrote %d %s %v %v", p.Name(),
				b.Score, b.Band, ids(b.Findings), ids(b.Positives), old.Score, old.Band, ids(old.Findings), ids(old.Positives))
		}
		if now := Score(p); r.After.Score != now.Score || r.ToVersion != RulesVersion() || r.After.RulesVersion != RulesVersion() {
			t.Errorf("%s: after = %d (v%d), current scoring gives %d", p.Name(), r.After.Score, r.ToVersion, now.Score)
		}
		for _, f := range r.Added {
			if slices.Contains(ids(b.Findings), f.ID) || !slices.Contains(ids(r.After.Findings), f.ID) {
				t.Errorf("%s: %s is listed as added", p.Name(), f.ID)
			}
		}
		for _, f := range r.Removed {
			if !slices.Contains(ids(b.Findings), f.ID) || slices.Contains(ids(r.After.Findings), f.ID) {
				t.Errorf("%s: %s is listed as removed", p.Name(), f.ID)
			}
		}
	}
}

// What re-scoring an old profile says for the platform change: an
// Alibaba.com store of 2.5 years loses its finding; with no platform given,
// the finding stays but names the strict benchmark.
func TestScoreAgainExplains(t *testing.T) {
	alibaba, err := ScoreAgain(mustDecode(t, `{"platform": "alibaba", "store_years": 2.5, "payment_method": "company_bank_transfer"}`), 1)
	if err != nil {
		t.Fatal(err)
	}
	if alibaba.Before.Score <= alibaba.After.Score || ids(alibaba.Removed)[0] != "store-under-3-years" || len(alibaba.Added) != 0 || len(alibaba.Changes) == 0 {
		t.Errorf("alibaba 2.5 years: %d -> %d, added %v, removed %v, changes %v", alibaba.Before.Score, alibaba.After.Score, ids(alibaba.Added), ids(alibaba.Removed), alibaba.Changes)
	}
	none, err := ScoreAgain(mustDecode(t, `{"store_years": 1.5}`), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(none.Removed), []string{"store-under-3-years"}) || !slices.Equal(ids(none.Added), []string{"store-under-3-years-other-platform"}) {
		t.Errorf("no platform: added %v, removed %v", ids(none.Added), ids(none.Removed))
	}
	same, err := ScoreAgain(mustDecode(t, `{"store_years": 1.5}`), RulesVersion())
	if err != nil || same.Before.Score != same.After.Score || len(same.Changes) != 0 {
		t.Errorf("scoring again with the current version changed something: %+v, %v", same, err)
	}
	again, err := ScoreAgain(mustDecode(t, `{"platform": "alibaba", "store_years": 2.5}`), 1)
	if err != nil {
		t.Fatal(err)
	}
	js := string(again.AppendJSON(nil))
	for _, want := range []string{`"from_version":1`, `"to_version":4`, `"score_before":10`, `"score_after":0`, `"removed":[{"id":"store-under-3-years"`, `"result":{"score":0`} {
		if !strings.Contains(js, want) {
			t.Errorf("Rescore.AppendJSON lacks %s:\n%s", want, js)
		}
	}
	if _, err := ScoreAgain(mustDecode(t, `{"store_years": 1}`), 99); len(asInputErrors(err)) != 1 || asInputErrors(err)[0].Field != "rules_version" {
		t.Errorf("an unknown version gives %v", err)
	}
}

// Saved suppliers as the v1 page stored and exported them still load, and
// scoring them again reproduces the score they were saved with.
func TestOldSavedSuppliers(t *testing.T) {
	type entry struct {
		ID       string         `json:"id"`
		Profile  map[string]any `json:"profile"`
		Score    int            `json:"score"`
		Band     string         `json:"band"`
		Findings []string       `json:"findings"`
	}
	for _, file := range []string{"saved-export.json", "saved-localstorage.json"} {
		doc := loadJSONFile[struct {
			Format    string  `json:"format"`
			Version   int     `json:"version"`
			Suppliers []entry `json:"suppliers"`
		}](t, filepath.Join("testdata", "v1", file))
		if doc.Format != "safesource-saved" || doc.Version != 1 || len(doc.Suppliers) < 5 {
			t.Fatalf("%s: not a v1 saved-suppliers document", file)
		}
		for _, e := range doc.Suppliers {
			p := caseProfile(t, ruleCase{Name: e.ID, Profile: e.Profile})
			r, err := ScoreAgain(p, 1)
			if err != nil {
				t.Fatal(err)
			}
			if r.Before.Score != e.Score || r.Before.Band != e.Band || !slices.Equal(ids(r.Before.Findings), e.Findings) {
				t.Errorf("%s %s: v1 rules give %d %s %v, saved %d %s %v", file, e.ID, r.Before.Score, r.Before.Band, ids(r.Before.Findings), e.Score, e.Band, e.Findings)
			}
		}
	}
}

// Share links made by the v1 page (testdata/v1/share-links.txt) carry no
// rules version: they read as v1 and score as the v1 page showed them.
func TestOldShareLinks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "v1", "share-links.txt"))
	if err != nil {
		t.Fatal(err)
	}
	results := loadJSONFile[[]oldResult](t, filepath.Join("testdata", "v1", "cli-results.json"))
	links := strings.Fields(string(data))
	if len(links) != len(results) {
		t.Fatalf("%d links for %d results", len(links), len(results))
	}
	for i, link := range links {
		_, fragment, _ := strings.Cut(link, "#")
		values, err := url.ParseQuery(fragment)
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		if values.Has("rules_version") {
			t.Fatalf("%s: a v1 link has no rules version", link)
		}
		var p Profile
		for key, vals := range values {
			v := vals[0]
			if f, err := LookupField(key); err == nil && defaultRules.questions[f.index].typ == typeList {
				v = strings.ReplaceAll(v, ",", ";") // links separate list items with commas
			}
			if err := p.Set(key, v); err != nil {
				t.Fatalf("%s: %v", link, err)
			}
		}
		r, err := ScoreAgain(p, 1)
		if err != nil {
			t.Fatal(err)
		}
		if r.Before.Score != results[i].Score {
			t.Errorf("%s: v1 rules give %d, the v1 checker gave %d", link, r.Before.Score, results[i].Score)
		}
	}
}

// A profile saved under rules v2 is scored again with a notice, as v1 ones
// are: the v3 answers it could not have given stay unanswered, and the
// findings v3 adds are named.
func TestScoreAgainFromV2(t *testing.T) {
	p := mustDecode(t, `{"preshipment_inspection": "not_planned", "order_value_usd": 400000, "deposit_percent": 30, "badges": ["trade_assurance"]}`)
	r, err := ScoreAgain(p, 2)
	if err != nil {
		t.Fatal(err)
	}
	if r.FromVersion != 2 || r.ToVersion != RulesVersion() || len(r.Changes) == 0 {
		t.Errorf("from v%d to v%d with %d changes, want from v2 to v%d with the changelog", r.FromVersion, r.ToVersion, len(r.Changes), RulesVersion())
	}
	want := []string{"no-inspection-100k-at-risk", "money-at-risk-50k", "inspection-not-planned"}
	if got := ids(r.Added); !slices.Equal(got, want) {
		t.Errorf("added %v, want %v", got, want)
	}
	if r.Before.Band == r.After.Band || r.After.Band != "high" {
		t.Errorf("band %s → %s, want a change to high", r.Before.Band, r.After.Band)
	}
}
