// Package names compares the company names a buyer copies from a business
// licence, a contract, a seal and payment instructions: same, lookalike,
// different, or not comparable (one written in Chinese, the other in
// English). It is not wired into the scoring yet.
package names

import (
	"strings"
	"unicode"

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
	Key    string   // Chinese: the characters without spaces; Latin: the words joined
	Words  []string // Latin only: the upper-case words, legal forms spelled one way
}

// legalForms spells the legal form of an English company name one way, in
// the key without spaces, so "Company Limited" and "Co., Ltd." are the same
// however the words are spaced. Our own list.
var legalForms = strings.NewReplacer("COMPANY", "CO", "LIMITED", "LTD", "CORPORATION", "CORP", "INCORPORATED", "INC")

// Normalise folds full-width forms to half-width (width.Fold), （）to (),
// letters to upper case, and drops spaces, and in a Chinese name the
// punctuation other than brackets; in an English name it turns
// punctuation into word breaks and spells the legal form one way, so
// "Co., Ltd." and "CO LTD" are alike.
func Normalise(name string) Normalised {
	s := name
	if !isASCII(name) { // width folding changes nothing in ASCII
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
		n.Words = strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		n.Key = legalForms.Replace(strings.Join(n.Words, ""))
		return n
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			// spaces, and zero-width characters pasted along with a name
		case r == '(' || r == ')':
			b.WriteRune(r)
		case r == '【' || r == '〔':
			b.WriteRune('(')
		case r == '】' || r == '〕':
			b.WriteRune(')')
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			// 。，· and the like do not change a Chinese name
		default:
			b.WriteRune(r)
		}
	}
	n.Key = legalForms.Replace(b.String())
	if n.Key == "" {
		n.Script = None
	}
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
