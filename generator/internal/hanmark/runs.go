// Package hanmark marks Chinese as Chinese in built pages: every run of Han
// characters that is not already inside an element whose language is
// Chinese gets its own <span lang="zh-Hans">, so screen readers read it
// with a Chinese voice and browsers pick Chinese glyphs (WCAG 2.2, 3.1.2
// Language of Parts). The theme's scripts do the same for what they write
// (assets/ts/lib/lang.ts, which finds the same runs: testdata/runs.json
// holds the cases both are tested on).
package hanmark

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// A run is Han characters, joined by what sits between them in Chinese
// text (CJK and fullwidth punctuation, digits, ellipses, dashes and
// quotation marks: 国发〔2015〕33号 is one run), with CJK punctuation right
// before or after it. English between two terms ("存续 or 在业") ends a run.
var run = regexp.MustCompile(`[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*\p{Han}(?:[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}0-9\x{2026}\x{2014}\x{201C}\x{201D}\x{2018}\x{2019}\x{00B7}]*\p{Han})*[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*`)

// Runs returns the byte ranges [start, end) of the Han runs in text.
func Runs(text []byte) [][]int {
	return run.FindAllIndex(text, -1)
}

// HasHan reports whether b holds a Han character. It is the cheap first
// test every page goes through: a page without one is left as it is.
// Han characters are three or four bytes in UTF-8, led by a byte of 0xE2
// or more, so ASCII, Latin and the common typographic marks are skipped
// with one comparison a byte.
func HasHan(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] < 0xE2 {
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if unicode.Is(unicode.Han, r) {
			return true
		}
		i += size - 1
	}
	return false
}
