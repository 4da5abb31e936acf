package checker

import (
	"path/filepath"
	"testing"
)

// TestResultExplainsItself ties a result's explanation to its findings for
// every case in testdata/cases.json: the points add up to the score, the
// score band follows the bands table, and the band reason names what set
// the band. Callers (the training key) read these fields instead of working
// them out again, so they must hold for every result.
func TestResultExplainsItself(t *testing.T) {
	cases := loadJSONFile[[]ruleCase](t, filepath.Join("testdata", "cases.json"))
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			p := caseProfile(t, c)
			r := Score(p)
			checkExplained(t, &r)
			var s Scorer
			if got := s.Score(&p); got.BandReason != r.BandReason || got.BandBy != r.BandBy ||
				got.ScoreBand != r.ScoreBand || got.RedPoints != r.RedPoints || got.OffPoints != r.OffPoints {
				t.Errorf("Scorer explains %+v, Score %+v", got, r)
			}
			w := c.Want
			if w.BandReason != "" && r.BandReason != w.BandReason {
				t.Errorf("band_reason = %q, want %q", r.BandReason, w.BandReason)
			}
			if w.BandBy != "" && r.BandBy != w.BandBy {
				t.Errorf("band_by = %q, want %q", r.BandBy, w.BandBy)
			}
		})
	}
}

func checkExplained(t *testing.T, r *Result) {
	t.Helper()
	red, off := 0, 0
	for _, f := range r.Findings {
		red += f.Points
	}
	for _, f := range r.Positives {
		off -= f.Points
	}
	if r.RedPoints != red || r.OffPoints != min(off, red/2) {
		t.Errorf("red, off = %d, %d; the findings give %d, %d", r.RedPoints, r.OffPoints, red, min(off, red/2))
	}
	if want := min(100, r.RedPoints-r.OffPoints); r.Score != want {
		t.Errorf("score = %d, want red - off = %d", r.Score, want)
	}
	scoreBand := ""
	for _, b := range defaultRules.bands {
		if r.Score >= b.min {
			scoreBand = b.name
		}
	}
	if r.ScoreBand != scoreBand {
		t.Errorf("score band = %q, want %q for score %d", r.ScoreBand, scoreBand, r.Score)
	}
	switch r.BandReason {
	case BandByScore:
		if r.Band != r.ScoreBand || r.BandBy != "" {
			t.Errorf("band %q by score, but the score band is %q (by %q)", r.Band, r.ScoreBand, r.BandBy)
		}
	case BandByFinding:
		first := ""
		for _, f := range r.Findings { // most serious first
			if f.Severity == r.Band {
				first = f.ID
				break
			}
		}
		if r.BandBy == "" || r.BandBy != first || BandRank(r.Band) <= BandRank(r.ScoreBand) {
			t.Errorf("band %q by finding %q; want the first finding of that severity (%q) above score band %q", r.Band, r.BandBy, first, r.ScoreBand)
		}
	case BandByConfidence:
		if r.Confidence >= 0.5 || r.Band != "moderate" || r.BandBy != "" {
			t.Errorf("band %q by confidence %v (by %q)", r.Band, r.Confidence, r.BandBy)
		}
	default:
		t.Errorf("band reason %q is none of score, finding, confidence", r.BandReason)
	}
}

func TestBands(t *testing.T) {
	names := Bands()
	for i, b := range defaultRules.bands {
		if names[i] != b.name || BandRank(b.name) != i {
			t.Errorf("band %d: Bands() = %q, BandRank = %d; the rules say %q", i, names[i], BandRank(b.name), b.name)
		}
	}
	names[0] = "changed"
	if Bands()[0] == "changed" {
		t.Error("Bands() hands out the checker's own list")
	}
	if BandRank("severe") != -1 {
		t.Error("BandRank of a name that is not a band is not -1")
	}
}
