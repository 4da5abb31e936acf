package searchindex

import (
	"bytes"
)

// glossCleaner gives the parts of CC-CEDICT glosses that translate a word
// in at most zhGlossWords words, each as plain text: "lawyer";
// "to impersonate" → "impersonate"; "invoice; receipt; bill" → its three
// parts; "to pose as (someone else)" → "pose as". Left out:
//
//   - what stands in brackets: "(bound form)", "(Tw)", "(slang)",
//     "[pin1 yin1]" notes and explanations;
//   - parts that point elsewhere or only classify: a variant, an
//     abbreviation, a surname, a classifier, "see …", "used in …", and
//     any part quoting Chinese (a cross-reference);
//   - parts with other punctuation ("etc.", "OK!", "Mr."): notes rather
//     than translations;
//   - parts of more than zhGlossWords words once a leading "to", "a",
//     "an" or "the" and the dictionary's "sb" and "sth" are set aside:
//     they explain ("receipt or bill for purchase") and would spread a
//     word over loosely related pages.
//
// It is called for some 100,000 glosses on every build: it works on the
// gloss's bytes and makes a string only of a part it keeps.
type glossCleaner struct {
	buf []byte // the gloss without its brackets
}

// clean calls keep with each part of g that translates, in lower case,
// and whether it translates a verb (it started with "to").
func (c *glossCleaner) clean(g []byte, keep func(text string, verb bool)) {
	if bytes.ContainsAny(g, "([") {
		c.buf = unbracket(c.buf[:0], g)
		g = c.buf
	}
	for len(g) > 0 {
		part := g
		if k := bytes.IndexByte(g, ';'); k >= 0 {
			part, g = g[:k], g[k+1:]
		} else {
			g = nil
		}
		if s, verb, ok := translation(part); ok {
			keep(s, verb)
		}
	}
}

// translation gives one ;-part of a gloss as its kept words in lower case
// joined by a space, if it is a translation of at most zhGlossWords words,
// and whether it is a verb's.
func translation(part []byte) (text string, verb, ok bool) {
	var kept [zhGlossWords]string
	n, lead := 0, true
	for len(part) > 0 {
		var w []byte
		w, part = nextWord(part)
		if len(w) == 0 {
			continue
		}
		lower := lowerKey(w)
		switch {
		case lead && glossLead[lower]:
			verb = verb || lower == "to"
			continue
		case glossFiller[lower]:
			continue
		case n == 0 && glossPointer[lower], n == len(kept), len(w) > len(lower), !plainGloss(w):
			return "", false, false
		}
		lead = false
		kept[n] = lower
		n++
	}
	switch n {
	case 0:
		return "", false, false
	case 1:
		return kept[0], verb, true
	}
	return kept[0] + " " + kept[1], verb, true
}

// nextWord splits off the first space-separated word of b.
func nextWord(b []byte) (word, rest []byte) {
	i := 0
	for i < len(b) && b[i] == ' ' {
		i++
	}
	j := i
	for j < len(b) && b[j] != ' ' {
		j++
	}
	return b[i:j], b[j:]
}

// lowerKey is w in lower case ("" for a word longer than 24 bytes, which
// no gloss kept has).
func lowerKey(w []byte) string {
	var b [24]byte
	if len(w) > len(b) {
		return ""
	}
	for i, c := range w {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b[:len(w)])
}

// unbracket appends to dst g without what stands in round or square
// brackets (nested or not), each bracketed stretch becoming a space.
func unbracket(dst, g []byte) []byte {
	depth := 0
	for _, c := range g {
		switch {
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			if depth--; depth == 0 {
				dst = append(dst, ' ')
			}
		case depth == 0:
			dst = append(dst, c)
		}
	}
	return dst
}

// plainGloss reports whether w holds only ASCII letters, digits, hyphens
// and apostrophes.
func plainGloss(w []byte) bool {
	for _, c := range w {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}

var (
	// glossLead are the words a gloss starts with that say what kind of
	// word it translates ("to cheat", "a cheat").
	glossLead = map[string]bool{"to": true, "a": true, "an": true, "the": true}
	// glossFiller are the dictionary's stand-ins for an object ("to cheat
	// sb").
	glossFiller = map[string]bool{"sb": true, "sth": true, "sb's": true, "sth's": true, "one's": true, "oneself": true}
	// glossPointer are the first words of parts that point to another
	// entry or name a class of word rather than translate.
	glossPointer = map[string]bool{"variant": true, "abbr": true, "abbr.": true, "abbreviation": true, "surname": true,
		"classifier": true, "cl": true, "cl:": true, "see": true, "used": true, "erhua": true, "pr": true, "pr.": true, "radical": true}
)
