package aqltable

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func load(t *testing.T) *Table {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	tab, err := Load(filepath.Join(filepath.Dir(here), "..", "..", "..", "data", "aql.json"))
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// levelII is general inspection level II, single sampling, normal inspection,
// as published by the National Institute of Building Sciences from
// MIL-STD-105E Tables I and II-A (data/sources.yaml: nibs-mil-std-105e-level-ii):
// for each lot range its first lot size, code letter, sample size, and for
// AQL 0.65, 1.0, 1.5, 2.5, 4.0, 6.5 and 10 the rejection number or the
// arrow ("v": use the first plan below, "^": the first plan above).
var levelII = []struct {
	lot    int
	letter string
	n      int
	cells  string
}{
	{2, "A", 2, "v v v v v 1 ^"},
	{9, "B", 3, "v v v v 1 ^ v"},
	{16, "C", 5, "v v v 1 ^ v 2"},
	{26, "D", 8, "v v 1 ^ v 2 3"},
	{51, "E", 13, "v 1 ^ v 2 3 4"},
	{91, "F", 20, "1 ^ v 2 3 4 6"},
	{151, "G", 32, "^ v 2 3 4 6 8"},
	{281, "H", 50, "v 2 3 4 6 8 11"},
	{501, "J", 80, "2 3 4 6 8 11 15"},
	{1201, "K", 125, "3 4 6 8 11 15 22"},
	{3201, "L", 200, "4 6 8 11 15 22 ^"},
	{10001, "M", 315, "6 8 11 15 22 ^ ^"},
	{35001, "N", 500, "8 11 15 22 ^ ^ ^"},
	{150001, "P", 800, "11 15 22 ^ ^ ^ ^"},
	{500001, "Q", 1250, "15 22 ^ ^ ^ ^ ^"},
}

func TestLevelIIMatchesPublishedTable(t *testing.T) {
	tab := load(t)
	aqls := []string{"0.65", "1.0", "1.5", "2.5", "4.0", "6.5", "10"}
	for _, row := range levelII {
		if got := tab.CodeLetter(row.lot, "II"); got != row.letter {
			t.Errorf("lot %d, level II: code letter %s, want %s", row.lot, got, row.letter)
			continue
		}
		if got := tab.Plans[row.letter].N; got != row.n {
			t.Errorf("letter %s: sample size %d, want %d", row.letter, got, row.n)
		}
		for i, want := range strings.Fields(row.cells) {
			got := tab.Plans[row.letter].Plans[index(tab.AQLs, aqls[i])]
			switch want {
			case "v":
				want = "down"
			case "^":
				want = "up"
			default:
				re, _ := strconv.Atoi(want)
				want = strconv.Itoa(re-1) + "/" + want // single sampling: Ac = Re - 1
			}
			if got != want {
				t.Errorf("letter %s, AQL %s: cell %q, want %q", row.letter, aqls[i], got, want)
			}
		}
	}
}

// TestCodeLetters checks Table 1 at every level against a published copy
// (the Russian national standard's table A.1, which states that its code
// letters match ISO 2859-1; it starts at B where ISO has A, so only lot
// ranges without A are compared) and at the edges of the ranges.
func TestCodeLetters(t *testing.T) {
	tab := load(t)
	published := map[int]string{ // first lot of the range: S-1 S-2 S-3 S-4 I II III
		51: "BBCCCEF", 91: "BBCDDFG", 151: "BCDEEGH", 281: "BCDEFHJ", 501: "CCEFGJK", 1201: "CDEGHKL",
		3201: "CDFGJLM", 10001: "CDFHKMN", 35001: "DEGJLNP", 150001: "DEGJMPQ", 500001: "DEHKNQR",
	}
	for lot, letters := range published {
		for i, level := range tab.Levels {
			if got, want := tab.CodeLetter(lot, level), string(letters[i]); got != want {
				t.Errorf("lot %d, level %s: %s, want %s", lot, level, got, want)
			}
		}
	}
	for _, c := range []struct {
		lot   int
		level string
		want  string
	}{
		{2, "III", "B"}, {8, "II", "A"}, {9, "III", "C"}, {15, "II", "B"}, {16, "S-3", "B"}, {50, "S-1", "A"},
		{3200, "II", "K"}, {3201, "II", "L"}, {1_000_000_000, "S-4", "K"}, {1, "II", ""}, {0, "II", ""}, {100, "IV", ""},
	} {
		if got := tab.CodeLetter(c.lot, c.level); got != c.want {
			t.Errorf("lot %d, level %s: %q, want %q", c.lot, c.level, got, c.want)
		}
	}
}

// TestPlans follows the arrows to the plan the standard says to use.
func TestPlans(t *testing.T) {
	tab := load(t)
	for _, c := range []struct {
		lot         int
		level, aql  string
		letter      string
		n, ac, re   int
		arrow, from string
	}{
		{3000, "II", "2.5", "K", 125, 7, 8, "", "K"}, // the usual worked example
		{3000, "II", "4.0", "K", 125, 10, 11, "", "K"},
		{5000, "II", "2.5", "L", 200, 10, 11, "", "L"}, // 5,000 units, level II: 200 pieces, accept 10
		{100, "II", "1.0", "E", 13, 0, 1, "up", "F"},   // F at 1.0 points up to E's 0/1
		{10, "II", "6.5", "A", 2, 0, 1, "up", "B"},
		{200, "II", "0.65", "F", 20, 0, 1, "up", "G"},
		{60, "II", "0.65", "F", 20, 0, 1, "down", "E"}, // E at 0.65 points down to F's 0/1
		{5, "II", "4.0", "B", 3, 0, 1, "down", "A"},
		{400, "II", "0.65", "J", 80, 1, 2, "down", "H"}, // through H's arrow to J's 1/2
		{20000, "II", "6.5", "L", 200, 21, 22, "up", "M"},
		{1_000_000, "III", "0.065", "R", 2000, 3, 4, "", "R"},
		{1_000_000, "III", "1.0", "Q", 1250, 21, 22, "up", "R"},
		{40, "S-1", "0.65", "F", 20, 0, 1, "down", "A"}, // down through B to E
		{1000, "S-2", "2.5", "C", 5, 0, 1, "", "C"},
	} {
		p, ok := tab.PlanFor(c.lot, c.level, c.aql)
		if !ok {
			t.Errorf("lot %d, level %s, AQL %s: no plan", c.lot, c.level, c.aql)
			continue
		}
		want := Plan{TableLetter: c.from, Letter: c.letter, SampleSize: c.n, Accept: c.ac, Reject: c.re, Arrow: c.arrow}
		if p != want {
			t.Errorf("lot %d, level %s, AQL %s: %+v, want %+v", c.lot, c.level, c.aql, p, want)
		}
	}
	// Letter A at AQL 10: the table's arrow points above its first row.
	if p, ok := tab.PlanFor(5, "II", "10"); !ok || p.Letter != "" || p.Arrow != "up" {
		t.Errorf("lot 5, level II, AQL 10: %+v, %v; want no plan after an up arrow", p, ok)
	}
	if _, ok := tab.PlanFor(100, "II", "3.0"); ok {
		t.Error("AQL 3.0 is not in the table")
	}
}

// TestEveryCellResolves checks every lot range, level and AQL: the plan is
// found (except off the top of the table), and following an arrow never
// lands on a plan whose Ac/Re disagrees with the diagonal the arrows point
// along: an up arrow leads to a smaller sample, a down arrow to a larger.
func TestEveryCellResolves(t *testing.T) {
	tab := load(t)
	for _, r := range tab.CodeLetters {
		for _, level := range tab.Levels {
			for _, aql := range tab.AQLs {
				p, ok := tab.PlanFor(r.Min, level, aql)
				if !ok {
					t.Fatalf("lot %d, level %s, AQL %s: not found", r.Min, level, aql)
				}
				if p.Letter == "" {
					if p.TableLetter != "A" || aql != "10" {
						t.Errorf("lot %d, level %s, AQL %s: no plan", r.Min, level, aql)
					}
					continue
				}
				base := tab.Plans[p.TableLetter].N
				switch {
				case p.Arrow == "up" && p.SampleSize >= base, p.Arrow == "down" && p.SampleSize <= base, p.Arrow == "" && p.SampleSize != base:
					t.Errorf("lot %d, level %s, AQL %s: %+v does not follow its arrow", r.Min, level, aql, p)
				}
				if p.Reject != p.Accept+1 {
					t.Errorf("lot %d, level %s, AQL %s: Re %d is not Ac+1", r.Min, level, aql, p.Reject)
				}
			}
		}
	}
}

func TestParseRejectsBadTables(t *testing.T) {
	for name, src := range map[string]string{
		"gap":      `{"levels":["II"],"code_letters":[{"min":2,"max":8,"letters":["A"]},{"min":10,"max":null,"letters":["A"]}],"aqls":["1.0"],"plans":{"A":{"n":2,"plans":["0/1"]}}}`,
		"cell":     `{"levels":["II"],"code_letters":[{"min":2,"max":null,"letters":["A"]}],"aqls":["1.0"],"plans":{"A":{"n":2,"plans":["left"]}}}`,
		"width":    `{"levels":["II"],"code_letters":[{"min":2,"max":null,"letters":["A"]}],"aqls":["1.0","2.5"],"plans":{"A":{"n":2,"plans":["0/1"]}}}`,
		"letter":   `{"levels":["II"],"code_letters":[{"min":2,"max":null,"letters":["B"]}],"aqls":["1.0"],"plans":{"A":{"n":2,"plans":["0/1"]}}}`,
		"not json": `{`,
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}
