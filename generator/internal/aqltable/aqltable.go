// Package aqltable reads the ISO 2859-1 (ANSI/ASQ Z1.4) sampling table of
// data/aql.json, the single copy the site's inspection sample size tool
// (/guide/inspection/#sample-size) is built from, and looks up plans in it:
// the sample size code letter for a lot size and inspection level (Table 1)
// and the single sampling plan for normal inspection at an AQL (Table 2-A),
// following the table's arrows. Its tests hold the table to published
// values; the browser reads the same file through the page.
package aqltable

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
)

// LotRange is one row of Table 1: the lot sizes it covers (a nil Max means
// no upper bound) and the code letter for each inspection level, in the
// order of Table.Levels.
type LotRange struct {
	Min     int      `json:"min"`
	Max     *int     `json:"max"`
	Letters []string `json:"letters"`
}

// Row is one code letter of Table 2-A: its sample size and, for each AQL in
// the order of Table.AQLs, "Ac/Re", "up" or "down".
type Row struct {
	N     int      `json:"n"`
	Plans []string `json:"plans"`
}

// Table is data/aql.json.
type Table struct {
	Levels       []string       `json:"levels"`
	DefaultLevel string         `json:"default_level"`
	CodeLetters  []LotRange     `json:"code_letters"`
	AQLs         []string       `json:"aqls"`
	DefaultAQLs  []string       `json:"default_aqls"`
	Plans        map[string]Row `json:"plans"`
}

// Plan is the sampling plan for one AQL.
type Plan struct {
	TableLetter string // the code letter Table 1 gives
	Letter      string // the code letter whose plan applies after the arrows; "" when an arrow leads off the table
	SampleSize  int
	Accept      int
	Reject      int
	Arrow       string // "up" or "down" when an arrow was followed, "" otherwise
}

var cell = regexp.MustCompile(`^(\d+)/(\d+)$`)

// Load reads and checks the table file.
func Load(path string) (*Table, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(src)
}

// Parse decodes the table and checks its shape: every Table 1 letter has a
// Table 2-A row, every row has one cell per AQL, every cell is a plan or an
// arrow, and the lot ranges follow each other without gaps.
func Parse(src []byte) (*Table, error) {
	var t Table
	if err := json.Unmarshal(src, &t); err != nil {
		return nil, fmt.Errorf("aql table: %w", err)
	}
	next := 2
	for i, r := range t.CodeLetters {
		if r.Min != next {
			return nil, fmt.Errorf("aql table: lot range %d starts at %d, want %d", i, r.Min, next)
		}
		if len(r.Letters) != len(t.Levels) {
			return nil, fmt.Errorf("aql table: lot range %d has %d letters for %d levels", i, len(r.Letters), len(t.Levels))
		}
		for _, l := range r.Letters {
			if _, ok := t.Plans[l]; !ok {
				return nil, fmt.Errorf("aql table: code letter %q of lot range %d has no plans", l, i)
			}
		}
		if r.Max == nil {
			if i != len(t.CodeLetters)-1 {
				return nil, fmt.Errorf("aql table: lot range %d is open-ended but not last", i)
			}
			break
		}
		next = *r.Max + 1
	}
	for l, row := range t.Plans {
		if len(row.Plans) != len(t.AQLs) {
			return nil, fmt.Errorf("aql table: letter %s has %d cells for %d AQLs", l, len(row.Plans), len(t.AQLs))
		}
		for j, c := range row.Plans {
			if c != "up" && c != "down" && !cell.MatchString(c) {
				return nil, fmt.Errorf("aql table: letter %s, AQL %s: cell %q is neither Ac/Re nor an arrow", l, t.AQLs[j], c)
			}
		}
	}
	return &t, nil
}

// CodeLetter is the Table 1 letter for a lot size and an inspection level,
// or "" when either is out of the table.
func (t *Table) CodeLetter(lot int, level string) string {
	col := index(t.Levels, level)
	if col < 0 || lot < 2 {
		return ""
	}
	for _, r := range t.CodeLetters {
		if lot >= r.Min && (r.Max == nil || lot <= *r.Max) {
			return r.Letters[col]
		}
	}
	return ""
}

// Letters are the letters of Table 2-A from the smallest sample to the largest.
func (t *Table) Letters() []string {
	out := make([]string, 0, len(t.Plans))
	for l := range t.Plans {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return t.Plans[out[i]].N < t.Plans[out[j]].N })
	return out
}

// PlanFor is the plan at an AQL for a lot size and level; ok is false when
// the level, lot size or AQL is not in the table.
func (t *Table) PlanFor(lot int, level, aql string) (p Plan, ok bool) {
	letter := t.CodeLetter(lot, level)
	col := index(t.AQLs, aql)
	if letter == "" || col < 0 {
		return Plan{}, false
	}
	order := t.Letters()
	p.TableLetter = letter
	for row := index(order, letter); row >= 0 && row < len(order); {
		c := t.Plans[order[row]].Plans[col]
		if m := cell.FindStringSubmatch(c); m != nil {
			p.Letter, p.SampleSize = order[row], t.Plans[order[row]].N
			p.Accept, _ = strconv.Atoi(m[1])
			p.Reject, _ = strconv.Atoi(m[2])
			return p, true
		}
		if p.Arrow == "" {
			p.Arrow = c
		}
		if c == "up" {
			row--
		} else {
			row++
		}
	}
	return p, true
}

func index(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
