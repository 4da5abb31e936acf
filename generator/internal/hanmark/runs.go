// Package hanmark marks Chinese as Chinese in built pages: every run of Han
// characters that is not already inside an element whose language is
// Chinese gets its own <span lang="zh-Hans">, so screen readers read it
// with a Chinese voice and browsers pick Chinese glyphs (WCAG 2.2, 3.1.2
// Language of Parts). The theme's scripts do the same for what they write
// (assets/ts/lib/lang.ts, which finds the same runs: testdata/runs.json
// holds the cases both are tested on).
package hanmark

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

// A run is Han characters, joined by what sits between them in Chinese
// text (CJK and fullwidth punctuation, digits, ellipses, dashes and
// quotation marks: 国发〔2015〕33号 is one run), with CJK punctuation right
// before or after it. English between two terms ("存续 or 在业") ends a run.
// As a regular expression (lang.ts uses it; runs_test.go checks the two
// agree):
//
//	[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*\p{Han}(?:[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}0-9\x{2026}\x{2014}\x{201C}\x{201D}\x{2018}\x{2019}\x{00B7}]*\p{Han})*[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*
//
// Written out by hand here: the build runs it on every Chinese text of every
// page, three times faster than the regexp package.

func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs, nearly every character the site uses
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// cjkPunct: CJK symbols and punctuation, fullwidth and halfwidth forms.
func cjkPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F && !isHan(r) || r >= 0xFF00 && r <= 0xFFEF
}

func joiner(r rune) bool {
	switch r {
	case 0x2026, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7:
		return true
	}
	return r >= '0' && r <= '9' || cjkPunct(r)
}

func decode(b []byte, i int) (rune, int) {
	if b[i] < utf8.RuneSelf {
		return rune(b[i]), 1
	}
	return decode3(b, i)
}

// nextRun finds the first run at or after from; start is -1 when none.
func nextRun(b []byte, from int) (start, end int) {
	punct := -1 // where the CJK punctuation just before i began
	i := from
	for i < len(b) {
		if b[i] < 0xE2 { // no Han or CJK punctuation starts with this byte
			punct = -1
			i++
			continue
		}
		r, n := decode(b, i)
		switch {
		case isHan(r):
			start = i
			if punct >= 0 {
				start = punct
			}
			return start, runEnd(b, i+n)
		case cjkPunct(r):
			if punct < 0 {
				punct = i
			}
		default:
			punct = -1
		}
		i += n
	}
	return -1, -1
}

// runEnd extends a run whose last Han character ends at i.
func runEnd(b []byte, i int) int {
	for {
		j := i
		for j < len(b) {
			r, n := decode(b, j)
			if !joiner(r) {
				break
			}
			j += n
		}
		if j < len(b) {
			if r, n := decode(b, j); isHan(r) {
				i = j + n
				continue
			}
		}
		break
	}
	for i < len(b) {
		r, n := decode(b, i)
		if !cjkPunct(r) {
			break
		}
		i += n
	}
	return i
}

// HasHan reports whether b holds a Han character. It is the cheap first
// test every page goes through: a page without one is left as it is.
// Han characters are three or four bytes in UTF-8, led by a byte of 0xE2
// or more, so ASCII, Latin and the common typographic marks are skipped
// with one comparison a byte.
//
// HTML is mostly ASCII, so eight bytes at a time are skipped while none of
// them has its top bit set.
func HasHan(b []byte) bool {
	for i := 0; i < len(b); {
		if i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		if b[i] < 0xE2 {
			i++
			continue
		}
		r, size := decode3(b, i)
		if isHan(r) {
			return true
		}
		i += size
	}
	return false
}

// decode3 decodes the rune at b[i], reading the three-byte sequences that
// hold every BMP Han character without the general decoder.
func decode3(b []byte, i int) (rune, int) {
	if c := b[i]; c >= 0xE0 && c <= 0xEF && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
		r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRune(b[i:])
}
