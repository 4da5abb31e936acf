package checker

import (
	"strconv"
	"strings"
)

// InputError is one problem with one piece of input, placed as precisely as
// the format allows. Error() reads "file:line: field: problem (allowed: …)";
// parts that are not known are left out.
type InputError struct {
	File    string // file name as given by the caller; empty for in-memory input
	Line    int    // 1-based; 0 when unknown
	Field   string // field id as written in the input; empty for whole-input problems
	Problem string // what is wrong and, where possible, how to fix it
}

func (e *InputError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	return b.String()
}

// InputErrors is every problem found in one input, in input order. Decoders
// report them all at once so a user can fix a file in one pass.
type InputErrors []*InputError

func (list InputErrors) Error() string {
	parts := make([]string, len(list))
	for i, e := range list {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// place fills in the position of errors produced without one.
func (list InputErrors) place(file string, line int) {
	for _, e := range list {
		if e.File == "" {
			e.File = file
		}
		if e.Line == 0 {
			e.Line = line
		}
	}
}

// asInputErrors flattens any error returned by this package into a list.
func asInputErrors(err error) InputErrors {
	switch e := err.(type) {
	case nil:
		return nil
	case InputErrors:
		return e
	case *InputError:
		return InputErrors{e}
	case *jsonSyntaxError:
		return InputErrors{{Line: e.line, Problem: "invalid JSON: " + e.msg}}
	default:
		return InputErrors{{Problem: err.Error()}}
	}
}

// nearest returns the candidate closest to word by edit distance, or "" when
// nothing is close enough to be a plausible typo.
func nearest(word string, candidates []string) string {
	best, bestDist := "", len(word)/3+1 // a typo changes a few letters, not a third of them
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbouring letters that turn a into b (case-insensitive); swaps count
// once because "paymnet" is as likely a typo as "paymant".
func editDistance(a, b string) int {
	a, b = asciiLower(a), asciiLower(b)
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20 // far too long to be a typo of a field name
	}
	before := make([]int, len(b)+1) // row i-2
	prev := make([]int, len(b)+1)   // row i-1
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(b)]
}

// didYouMean formats a suggestion, or nothing when there is none.
func didYouMean(word string, candidates []string) string {
	if s := nearest(word, candidates); s != "" {
		return " (did you mean " + quote(s) + "?)"
	}
	return ""
}

// asciiLower lower-cases ASCII letters only: ids are ASCII, and it spares the
// WebAssembly build the Unicode case tables.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// quote writes s in double quotes for messages, escaped as in JSON; it
// replaces strconv.Quote, whose Unicode tables the WebAssembly build would
// otherwise carry.
func quote(s string) string {
	return string(appendJSONString(nil, s))
}

// quoteRune writes a character in single quotes for messages.
func quoteRune(r rune) string {
	switch r {
	case '"':
		return `'"'`
	case '\'':
		return `'\''`
	}
	q := appendJSONString(nil, string(r))
	q[0], q[len(q)-1] = '\'', '\''
	return string(q)
}
