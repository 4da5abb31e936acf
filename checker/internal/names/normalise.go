// Package names compares the company names a buyer copies from a business
// licence, a contract, a seal and payment instructions: same, lookalike,
// different, or not comparable (one written in Chinese, the other in
// English). It is not wired into the scoring yet.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Script is how a name is written.
type Script int

const (
	None    Script = iota // nothing left to compare once normalised
	Chinese               // has Han characters
	Latin                 // has Latin letters and no Han characters
)

// Normalised is a name reduced to what identifies it: the key two names
// share exactly when they are the same name.
type Normalised struct {
	Script Script
	Key    string // Chinese: the characters without spaces; Latin: the words joined

	latin string // Latin only: the name, width-folded, that core splits into upper-case words
}

// legalForms spells the legal form of an English company name one way, in
// the key without spaces, so "Company Limited" and "Co., Ltd." are the same
// however the words are spaced. Our own list.
var legalForms = strings.NewReplacer(legalFormPairs...)

var legalFormPairs = []string{"COMPANY", "CO", "LIMITED", "LTD", "CORPORATION", "CORP", "INCORPORATED", "INC"}

// longLegalForms are the forms legalForms replaces (every other pair).
var longLegalForms = func() (long []string) {
	for i := 0; i < len(legalFormPairs); i += 2 {
		long = append(long, legalFormPairs[i])
	}
	return long
}()

// Normalise folds full-width forms to half-width (width.Fold), （）to (),
// letters to upper case, and drops spaces, and in a Chinese name the
// punctuation other than brackets; in an English name it turns
// punctuation into word breaks and spells the legal form one way, so
// "Co., Ltd." and "CO LTD" are alike.
func Normalise(name string) Normalised {
	if n, ok := normaliseASCII(name); ok {
		return n
	}
	return normaliseAny(name)
}

// normaliseAny is Normalise for any name.
func normaliseAny(name string) Normalised {
	s := name
	if needsFold(name) {
		s = width.Fold.String(name)
	}
	s = strings.ToUpper(s)
	var n Normalised
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n.Script = Chinese
			break
		}
		if unicode.IsLetter(r) && unicode.In(r, unicode.Latin) {
			n.Script = Latin
		}
	}
	if n.Script == Latin {
		n.latin = s
		n.Key = spellLegalForms(strings.Join(latinWords(s), ""))
		return n
	}
	n.Key = spellLegalForms(chineseKey(s))
	if n.Key == "" {
		n.Script = None
	}
	return n
}

// normaliseASCII is Normalise for the common English name in ASCII with a
// letter in it: the key is its letters and digits, upper-cased, built in
// one pass (normaliseAny gives the same: TestNormaliseASCIIAgrees). ok is
// false for any other name.
func normaliseASCII(name string) (n Normalised, ok bool) {
	letter := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 0x80 {
			return n, false
		}
		letter = letter || ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z')
	}
	if !letter {
		return n, false
	}
	key := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case 'a' <= c && c <= 'z':
			key = append(key, c-'a'+'A')
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			key = append(key, c)
		}
	}
	return Normalised{Script: Latin, Key: spellLegalForms(string(key)), latin: name}, true
}

// latinWords splits an English name into its words.
func latinWords(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// chineseKey is a Chinese name without spaces and punctuation, its
// brackets written ( and ). A name that needs none of that (most) is its
// own key, with nothing allocated.
func chineseKey(s string) string {
	clean := true
	for _, r := range s {
		if k, keep := chineseKeyRune(r); !keep || k != r {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if k, keep := chineseKeyRune(r); keep {
			b.WriteRune(k)
		}
	}
	return b.String()
}

// chineseKeyRune says how r is written in a Chinese name's key, if at all.
func chineseKeyRune(r rune) (rune, bool) {
	switch {
	case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
		return 0, false // spaces, and zero-width characters pasted along with a name
	case r == '(' || r == ')':
		return r, true
	case r == '【' || r == '〔':
		return '(', true
	case r == '】' || r == '〕':
		return ')', true
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return 0, false // 。，· and the like do not change a Chinese name
	}
	return r, true
}

// spellLegalForms spells the legal forms one way (legalForms). A key
// without any of the long forms is returned as it is, as the replacer
// would copy it, without its allocation.
func spellLegalForms(key string) string {
	for _, long := range longLegalForms {
		if strings.Contains(key, long) {
			return legalForms.Replace(key)
		}
	}
	return key
}

// needsFold reports whether s has a character width.Fold may change (see
// foldable). Most names have none, and the fold allocates.
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if foldable(r) {
			return true
		}
		i += size - 1
	}
	return false
}

// foldable covers the characters width.Fold changes, checked for every
// rune in TestNeedsFoldCoversWidthFold: the ideographic space and the
// full-width and half-width forms block.
func foldable(r rune) bool {
	return r == '\u3000' || (r >= '\uff01' && r <= '\uffee')
}
