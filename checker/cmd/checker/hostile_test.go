package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

// Hostile inputs, small enough for a unit test: what the CLI does with them
// (how many problems it prints, what it quotes, what it refuses). How fast
// and how lean it stays on 50 MB versions is measured by
// tests/bench/hostile.mjs (`make bench`), not here.
func TestHostileInputs(t *testing.T) {
	repeat := func(head, part, sep, tail string, n int) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(strings.ReplaceAll(part, "#", strconv.Itoa(i)))
		}
		b.WriteString(tail)
		return b.String()
	}
	anchor := "- &a\n  supplier_name: A\n  platform: alibaba\n"
	cases := []struct {
		name     string
		stdin    string
		lines    int    // stderr lines
		first    string // first stderr line
		last     string // last stderr line
		maxLine  int    // longest stderr line, in bytes
		goodRows int    // CSV output rows after the header
	}{
		{name: "a list of 10,000 non-profiles", stdin: repeat("[", "1", ",", "]", 10000), lines: 101,
			first: "stdin:1: list item 1 is a number, not a profile object {…}",
			last:  "… and 9900 more problems (only the first 100 are listed: fix these and run again)"},
		{name: "10,000 unknown keys in one object", stdin: repeat("{", `"store_year#":1`, ",", "}", 10000), lines: 101,
			first: `stdin:1: store_year0: unknown field (did you mean "store_years"?)`,
			last:  "… and 9900 more problems (only the first 100 are listed: fix these and run again)"},
		{name: "a 1 MB value is clipped in its message", stdin: `{"platform":"` + strings.Repeat("A", 1<<20) + `"}`, lines: 1,
			first:   `stdin:1: platform: unknown value "` + strings.Repeat("A", 80) + `…" (allowed: 1688, alibaba, other, unknown)`,
			maxLine: 200},
		{name: "YAML aliases are refused, not expanded", stdin: anchor + repeat("", "- *a", "\n", "\n", 5000), lines: 101,
			first:    "stdin:4: aliases (*a) are not supported, as each one copies what it names: write the values out in full",
			last:     "… and 4900 more problems (only the first 100 are listed: fix these and run again)",
			goodRows: 1},
		{name: "a CSV header of 5,000 unknown columns", stdin: repeat("", "store_year#", ",", "\n1\n", 5000), lines: 101,
			first: `stdin:1: store_year0: unknown column 1: unknown field (did you mean "store_years"?)`,
			last:  "… and 4900 more problems (only the first 100 are listed: fix these and run again)"},
		{name: "10,000 bad CSV rows among good ones", stdin: repeat("supplier_name,platform\n", "A#,ebay\nB#,1688", "\n", "\n", 10000), lines: 101,
			first:    `stdin:2: platform: unknown value "ebay" (allowed: 1688, alibaba, other, unknown)`,
			last:     "… and 9900 more problems (only the first 100 are listed: fix these and run again)",
			goodRows: 10000},
		{name: "10,000 profiles with nothing answered print no results", stdin: repeat("[", "{}", ",", "]", 10000), lines: 101,
			first: "stdin:1: profile 1: no answers; nothing to score",
			last:  "… and 9900 more problems (only the first 100 are listed: fix these and run again)"},
		{name: "10,000 empty CSV rows among good ones", stdin: repeat("supplier_name,platform\n", "A#,1688\n,", "\n", "\n", 10000), lines: 101,
			first:    "stdin:3: profile 2: no answers; nothing to score",
			last:     "… and 9900 more problems (only the first 100 are listed: fix these and run again)",
			goodRows: 10000},
		{name: "a field name cannot forge an error line", stdin: "{\"x\\nstdin:9: payment_method: fine\": 1, \"\\u001b[2Jy\": 2}", lines: 2,
			first: `stdin:1: x\nstdin:9: payment_method: fine: unknown field (allowed: ` + strings.Join(checker.Fields(), ", ") + ")",
			last:  `stdin:1: \u001b[2Jy: unknown field (allowed: ` + strings.Join(checker.Fields(), ", ") + ")"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"score", "--format", "csv", "-"}, strings.NewReader(c.stdin), &stdout, &stderr); code != exitBadInput {
				t.Errorf("exit %d, want %d", code, exitBadInput)
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if len(lines) != c.lines {
				t.Errorf("%d stderr lines, want %d", len(lines), c.lines)
			}
			if lines[0] != c.first {
				t.Errorf("first stderr line:\n%.300s\nwant:\n%.300s", lines[0], c.first)
			}
			if c.last != "" && lines[len(lines)-1] != c.last {
				t.Errorf("last stderr line:\n%.300s\nwant:\n%.300s", lines[len(lines)-1], c.last)
			}
			for _, l := range lines {
				if c.maxLine > 0 && len(l) > c.maxLine {
					t.Errorf("a stderr line of %d bytes, want at most %d", len(l), c.maxLine)
				}
				if !strings.HasPrefix(l, "stdin:") && !strings.HasPrefix(l, "… and ") {
					t.Errorf("stderr line not placed in the input: %.200q", l)
				}
			}
			if rows := strings.Count(stdout.String(), "\n") - 1; rows != c.goodRows {
				t.Errorf("%d profiles scored, want %d", rows, c.goodRows)
			}
		})
	}
}
