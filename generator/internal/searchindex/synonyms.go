package searchindex

import "crypto/sha256"

// synonyms matches the phrases of synonym groups in a run of terms.
type synonyms struct {
	groups [][][]string        // group → phrase → terms
	starts map[string][][2]int // first term → (group, phrase)
}

func newSynonyms(groups [][]string) *synonyms {
	s := &synonyms{starts: map[string][][2]int{}}
	for _, g := range groups {
		var phrases [][]string
		for _, p := range g {
			if t := Tokenize(p); len(t) > 0 {
				phrases = append(phrases, t)
			}
		}
		if len(phrases) < 2 {
			continue
		}
		gi := len(s.groups)
		s.groups = append(s.groups, phrases)
		for pi, p := range phrases {
			s.starts[p[0]] = append(s.starts[p[0]], [2]int{gi, pi})
		}
	}
	return s
}

// fingerprint identifies the groups, for caches of analysed text.
func (s *synonyms) fingerprint() string {
	h := sha256.New()
	for _, g := range s.groups {
		for _, phrase := range g {
			for _, t := range phrase {
				h.Write([]byte(t))
				h.Write([]byte{0})
			}
			h.Write([]byte{1})
		}
		h.Write([]byte{2})
	}
	return string(h.Sum(nil))
}

// expand returns the terms of every phrase that shares a group with a
// phrase found in terms (the found phrase's own terms included; the caller
// keeps only those the text lacks).
func (s *synonyms) expand(terms []string) []string {
	var out []string
	for i, t := range terms {
		for _, ref := range s.starts[t] {
			phrase := s.groups[ref[0]][ref[1]]
			if !hasPrefix(terms[i:], phrase) {
				continue
			}
			for _, p := range s.groups[ref[0]] {
				out = append(out, p...)
			}
		}
	}
	return out
}

func hasPrefix(terms, phrase []string) bool {
	if len(phrase) > len(terms) {
		return false
	}
	for i, p := range phrase {
		if terms[i] != p {
			return false
		}
	}
	return true
}
