package searchindex

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"golang.org/x/text/unicode/norm"
)

// The tokenizer must give exactly the same tokens as the browser's
// (themes/safesource/assets/ts/search/tokenize.ts). testdata/tokenize.json
// holds cases both are tested against, testdata/stopwords.json the stop list
// and testdata/stems.txt.gz the stems of the Snowball English vocabulary
// (the Go stemmer here and the npm porter2 package in the browser must agree
// on every word).
//
// Rules:
//   - each character is folded on its own: decomposed (NFD), combining marks
//     dropped, lower-cased ("Chéngxìntōng" → "chengxintong");
//   - apostrophes inside a word are dropped ("supplier's" → "suppliers");
//   - the dots of an initialism are dropped ("U.S." → "us", "U.K." → "uk"):
//     a dot after a one-letter piece of a word, followed by one letter and
//     another dot, joins the letters;
//   - a word is a run of letters and digits outside the CJK scripts; one-letter
//     words and stop words are dropped; words of the letters a–z alone are
//     stemmed with the English Snowball (Porter2) stemmer;
//   - a run of Han, Hiragana or Katakana characters becomes its overlapping
//     two-character pairs ("诚信通" → "诚信", "信通"), a single character
//     stays as it is.

// stopWords carry no meaning of their own in a query ("what should I do if
// …"): they are left out of the index and of queries alike, so a question
// ranks by its meaningful words. English function words and question words;
// words that change meaning here ("no", "not", "off", "out") are kept.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		a about above after again all am an and any are as at be because been
		before being below between both but by can could did do does doing
		down during each for from further had has have having he her here hers
		herself him himself his how i if in into is it its itself just me more
		most my myself of on once only or other ought our ours ourselves should
		so some such than that the their theirs them themselves then there
		these they this those through to too until up very was we were what
		when where which while who whom why will with would you your yours
		yourself yourselves also may might must shall much many get got
		dont doesnt didnt cant im ive id youre isnt arent wasnt werent wont
		shouldnt couldnt wouldnt`) {
		stopWords[w] = true
	}
}

// IsStopWord reports whether a folded word is left out of the index.
func IsStopWord(w string) bool { return stopWords[w] }

// StopWords lists the stop words, sorted (for the shared test data).
func StopWords() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

func isCJK(r rune) bool {
	// Below U+2E80 (CJK Radicals) nothing is Han, Hiragana or Katakana:
	// most text never reaches the table lookup.
	return r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
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

// Stem reduces a folded English word to its Snowball (Porter2) stem
// ("replying" → "repli", "inspections" → "inspect"), but for the few
// stemExceptions. Words with digits or letters outside a–z are left as
// they are.
func Stem(w string) string {
	if len(w) < 3 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	if s, ok := stemExceptions[w]; ok {
		return s
	}
	return english.Stem(w, true)
}

// stemExceptions are words whose Snowball stem would merge them with a
// word of another meaning that this site also uses often: "goods" (what is
// bought) is not "good".
var stemExceptions = map[string]string{"goods": "goods"}

// A site has tens of thousands of distinct words but millions of
// occurrences: each word's token is worked out once and remembered, which
// also keeps one copy of each word's strings.
type wordToken struct {
	token
	skip bool // a one-letter word or a stop word
}

var (
	wordsMu sync.RWMutex
	words   = map[string]wordToken{} // folded word -> its token
)

// maxRemembered bounds the memory of words: past it (a site of random
// strings), words are still tokenized, just not remembered.
const maxRemembered = 1 << 20

func wordTokenOf(b []byte) wordToken {
	wordsMu.RLock()
	t, ok := words[string(b)] // no allocation for the lookup
	wordsMu.RUnlock()
	if ok {
		return t
	}
	w := string(b)
	first, size := utf8.DecodeRuneInString(w)
	t = wordToken{token: token{Stem(w), w}, skip: size == len(w) && !unicode.IsDigit(first) || stopWords[w]}
	wordsMu.Lock()
	if len(words) < maxRemembered {
		words[w] = t
	}
	wordsMu.Unlock()
	return t
}

// Tokenize splits text into index terms, in order, duplicates kept.
func Tokenize(text string) []string {
	toks := tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.term
	}
	return out
}

// token is an index term and the folded word it came from (the typo
// vocabulary is made of words, so "inspectoin" can find "inspection").
type token struct{ term, word string }

func tokens(text string) []token {
	out := make([]token, 0, len(text)/8)
	var word []byte // the folded word being read
	piece := 0      // letters read since the word began or since its last initialism dot
	var cjk []rune
	flushWord := func() {
		piece = 0
		if len(word) == 0 {
			return
		}
		t := wordTokenOf(word)
		word = word[:0]
		if !t.skip {
			out = append(out, t.token)
		}
	}
	flushCJK := func() {
		switch len(cjk) {
		case 0:
			return
		case 1:
			out = append(out, token{string(cjk), string(cjk)})
		default:
			for i := 0; i+1 < len(cjk); i++ {
				pair := string(cjk[i : i+2])
				out = append(out, token{pair, pair})
			}
		}
		cjk = cjk[:0]
	}
	for i, r := range text {
		if isCJK(r) {
			flushWord()
			cjk = append(cjk, r)
			continue
		}
		flushCJK()
		if isApostrophe(r) && len(word) > 0 {
			_, here := utf8.DecodeRuneInString(text[i:])
			next, size := utf8.DecodeRuneInString(text[i+here:])
			if size > 0 && isWordRune(next) && !isCJK(next) {
				continue // "supplier's" → "suppliers"
			}
		}
		if r < 0x80 {
			switch {
			case r >= 'A' && r <= 'Z':
				word = append(word, byte(r)+'a'-'A')
				piece++
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				word = append(word, byte(r))
				piece++
			case r == '.' && piece == 1 && initialismDot(text, i):
				piece = 0
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
				word = utf8.AppendRune(word, f)
			}
		}
		piece++
	}
	flushWord()
	flushCJK()
	return out
}

// initialismDot reports whether the dot at text[i] sits in an initialism:
// a letter before it, then one letter and another dot ("U.S.").
func initialismDot(text string, i int) bool {
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	return i > 0 && i+2 < len(text) && letter(text[i-1]) && letter(text[i+1]) && text[i+2] == '.'
}
