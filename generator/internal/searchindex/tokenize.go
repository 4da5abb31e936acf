package searchindex

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The tokenizer must give exactly the same tokens as the browser's
// (themes/safesource/assets/ts/search/tokenize.ts); testdata/tokenize.json
// holds the cases both are tested against.
//
// Rules:
//   - each character is folded on its own: decomposed (NFD), combining marks
//     dropped, lower-cased ("Chéngxìntōng" → "chengxintong");
//   - apostrophes inside a word are dropped ("supplier's" → "suppliers");
//   - a word is a run of letters and digits outside the CJK scripts; one-letter
//     words and stop words are dropped; a light plural stemmer applies;
//   - a run of Han, Hiragana or Katakana characters becomes its overlapping
//     two-character pairs ("诚信通" → "诚信", "信通"), a single character
//     stays as it is.

// stopWords are too common to help ranking; dropping them keeps shards small.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true,
	"be": true, "by": true, "for": true, "from": true, "has": true, "have": true,
	"in": true, "is": true, "it": true, "its": true, "of": true, "on": true,
	"or": true, "that": true, "the": true, "this": true, "to": true, "was": true,
	"were": true, "will": true, "with": true,
}

// IsStopWord reports whether a folded word is left out of the index.
func IsStopWord(w string) bool { return stopWords[w] }

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nd, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// fold maps one character to its searchable form (possibly empty).
func fold(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		b.WriteString(strings.ToLower(string(d)))
	}
	return b.String()
}

// Stem strips common English plural endings from a folded word.
func Stem(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return w // English endings only
		}
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// Tokenize splits text into index terms, in order, duplicates kept.
func Tokenize(text string) []string {
	var out []string
	var word strings.Builder
	var cjk []rune
	flushWord := func() {
		if word.Len() == 0 {
			return
		}
		w := word.String()
		word.Reset()
		if len([]rune(w)) < 2 && !unicode.IsDigit([]rune(w)[0]) {
			return
		}
		if stopWords[w] {
			return
		}
		out = append(out, Stem(w))
	}
	flushCJK := func() {
		switch len(cjk) {
		case 0:
			return
		case 1:
			out = append(out, string(cjk))
		default:
			for i := 0; i+1 < len(cjk); i++ {
				out = append(out, string(cjk[i:i+2]))
			}
		}
		cjk = cjk[:0]
	}
	rs := []rune(text)
	for i, r := range rs {
		if isCJK(r) {
			flushWord()
			cjk = append(cjk, r)
			continue
		}
		flushCJK()
		if isApostrophe(r) && word.Len() > 0 && i+1 < len(rs) && isWordRune(rs[i+1]) && !isCJK(rs[i+1]) {
			continue // "supplier's" → "suppliers"
		}
		if r < 0x80 {
			switch {
			case r >= 'A' && r <= 'Z':
				word.WriteByte(byte(r) + 'a' - 'A')
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				word.WriteByte(byte(r))
			default:
				flushWord()
			}
			continue
		}
		if !isWordRune(r) {
			flushWord()
			continue
		}
		for _, f := range fold(r) {
			if isWordRune(f) {
				word.WriteRune(f)
			}
		}
	}
	flushWord()
	flushCJK()
	return out
}
