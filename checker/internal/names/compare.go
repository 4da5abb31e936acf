package names

import (
	"strings"
	"unicode/utf8"

	"safesource.dev/safesource/checker/internal/area"
)

// The results of Compare, a public contract once scoring uses them.
const (
	Same          = "same"
	Lookalike     = "lookalike"      // not the same, but close enough to pass a quick look
	Different     = "different"      // not the same name
	NotComparable = "not_comparable" // one Chinese, one English, or nothing to compare
)

// Compare says how two company names relate. Names are the same when they
// normalise to the same key (Normalise). They are lookalikes when what is
// left once the place names, the words for a line of business and the legal
// form are set aside (core) is equal, is the other with something added
// before or after it, or differs in one character (two in a longer English
// core; in a two-character core only one added or dropped); otherwise
// different. A name written in Chinese is
// not comparable with one in English: ask for the Chinese name as the
// licence prints it.
func Compare(a, b string) string {
	return CompareNormalised(Normalise(a), Normalise(b))
}

// CompareNormalised is Compare for names already normalised, so a name
// compared with several others is normalised once.
func CompareNormalised(na, nb Normalised) string {
	switch {
	case na.Script == None || nb.Script == None:
		return NotComparable
	case na.Key == nb.Key:
		return Same
	case na.Script != nb.Script:
		return NotComparable
	}
	ca, cb := core(na), core(nb)
	if ca == "" || cb == "" {
		ca, cb = na.Key, nb.Key // nothing distinctive left: compare whole names
	}
	limit := 1
	if na.Script == Latin && min(len(ca), len(cb)) >= 8 {
		limit = 2
	}
	if ca == cb || close(ca, cb, limit) {
		return Lookalike
	}
	return Different
}

// close reports whether one core is the other with something added before
// or after it, or the two differ by at most limit characters. In a
// core of two characters, the usual length of a Chinese brand, changing one
// makes another name (华强, 华为), so there only adding or dropping one
// counts (华强, 华强兴).
func close(a, b string, limit int) bool {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if min(la, lb) < 2 {
		return false
	}
	if min(len(a), len(b)) >= 4 && (strings.HasSuffix(a, b) || strings.HasSuffix(b, a) || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
		return true // one is the other with words added: 香港华强, HONGKONGHUAQIANG
	}
	if min(la, lb) == 2 && la == lb {
		return false
	}
	return editDistance(a, b, limit) <= limit
}

// core is a name without what many unrelated companies share: leading place
// names (深圳市, 深圳, SHENZHEN), place names in brackets, the legal form
// and words for a line of business (科技, 贸易, TRADING …).
func core(n Normalised) string {
	if n.Script == Latin {
		var b strings.Builder
		for i, w := range latinWords(strings.ToUpper(n.latin)) {
			if !latinGeneric[w] && !(i < 2 && area.IsPlace(w)) {
				b.WriteString(w)
			}
		}
		return b.String()
	}
	s := dropBracketedPlaces(n.Key)
	for range 3 { // province, city, district
		p := placePrefix(s)
		if p == 0 {
			break
		}
		s = s[p:]
	}
	for _, g := range chineseGeneric {
		s = strings.ReplaceAll(s, g, "")
	}
	for _, g := range chineseEndings {
		if rest, ok := strings.CutSuffix(s, g); ok && rest != "" {
			s = rest
		}
	}
	return s
}

// placePrefix returns the length in bytes of the longest place name that
// starts s and leaves something after it, or 0.
func placePrefix(s string) int {
	best, n := 0, 0
	for i := range s {
		if n > 8 {
			break
		}
		if i > 0 && i < len(s) && area.IsPlace(s[:i]) {
			best = i
		}
		n++
	}
	return best
}

// dropBracketedPlaces removes "(深圳)" from "华强电子(深圳)有限公司".
func dropBracketedPlaces(s string) string {
	for start := 0; ; {
		open := strings.IndexByte(s[start:], '(')
		if open < 0 {
			return s
		}
		open += start
		end := strings.IndexByte(s[open:], ')')
		if end < 0 {
			return s
		}
		end += open
		if area.IsPlace(s[open+1 : end]) {
			s = s[:open] + s[end+1:]
			start = open
		} else {
			start = end + 1
		}
	}
}
