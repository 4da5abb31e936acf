package checker

import (
	"strconv"
	"strings"
)

// InputError is one problem with one piece of input, placed as precisely as
// the format allows. Error() reads "file:line: field: problem (allowed: …)";
// parts that are not known are left out, and control and invisible
// characters are escaped (see Printable).
type InputError struct {
	File    string // file name as given by the caller; empty for in-memory input
	Line    int    // 1-based; 0 when unknown
	Field   string // field id as written in the input; empty for whole-input problems
	Problem string // what is wrong and, where possible, how to fix it
}

func (e *InputError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(Printable(e.File))
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
		b.WriteString(Printable(clip(e.Field)))
		b.WriteString(": ")
	}
	// Problems quote values already; escaping again catches any text a
	// format library put in its message, so no error can forge a line.
	b.WriteString(Printable(e.Problem))
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

// AppendJSON appends the problems as a JSON list in the one shape every
// JavaScript caller reads: [{"line":0,"field":"","problem":"…"}…], line 0
// and field "" where not known.
func (list InputErrors) AppendJSON(b []byte) []byte {
	b = append(b, '[')
	for i, e := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONKey(append(b, '{'), "line", true)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = appendJSONKey(b, "field", false)
		b = appendJSONString(b, e.Field)
		b = appendJSONKey(b, "problem", false)
		b = appendJSONString(b, e.Problem)
		b = append(b, '}')
	}
	return append(b, ']')
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
	if len(word) > maxSuggestLen {
		return "" // far too long to be a typo of a field name or value
	}
	best, bestDist := "", len(word)/3+1 // a typo changes a few letters, not a third of them
	for _, c := range candidates {
		if diff := len(c) - len(word); diff >= bestDist || -diff >= bestDist {
			continue // the lengths alone differ by more than the best distance
		}
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// maxSuggestLen bounds the words nearest looks at: ids and values are
// shorter, and the edit distance costs the product of the lengths.
const maxSuggestLen = 40

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

// Problems receives input problems as decoders find them, so they can be
// shown at once rather than collected. Past Limit it only counts them:
// decoders ask Wants before building a message (a suggestion costs an edit
// distance against every field id), so a file of millions of bad entries
// costs no more than reading it.
type Problems struct {
	Limit  int               // problems passed to Report; 0 for no limit
	Report func(*InputError) // called with each problem within the limit, in input order
	count  int
}

// Wants reports whether the next problem will be reported, and so is worth
// describing; when false, Add(nil) counts it.
func (ps *Problems) Wants() bool {
	return ps.Limit <= 0 || ps.count < ps.Limit
}

// Add records one problem; e may be nil when Wants is false.
func (ps *Problems) Add(e *InputError) {
	if ps.Wants() && e != nil && ps.Report != nil {
		ps.Report(e)
	}
	ps.count++
}

// CheckAnswered reports whether p, the nth profile of file (1-based),
// starting on line, answers anything. When it does not, that is a problem
// ("profile n: no answers; nothing to score"): a file of empty entries is a
// mistake to report, not pages of identical results to print.
func (ps *Problems) CheckAnswered(p *Profile, file string, line, n int) bool {
	if p.Answered() {
		return true
	}
	if ps.Wants() {
		ps.Add(&InputError{File: file, Line: line, Problem: "profile " + strconv.Itoa(n) + ": no answers; nothing to score"})
	} else {
		ps.Add(nil)
	}
	return false
}

// Count is the number of problems seen so far, reported or not.
func (ps *Problems) Count() int { return ps.count }

// Omitted is the number of problems counted but not reported.
func (ps *Problems) Omitted() int {
	if ps.Limit <= 0 || ps.count <= ps.Limit {
		return 0
	}
	return ps.count - ps.Limit
}

// OmittedError describes the problems past the limit, or nil when none were.
func (ps *Problems) OmittedError() *InputError {
	n := ps.Omitted()
	if n == 0 {
		return nil
	}
	noun := " more problems"
	if n == 1 {
		noun = " more problem"
	}
	return &InputError{Problem: "… and " + strconv.Itoa(n) + noun + " (only the first " + strconv.Itoa(ps.Limit) + " are listed: fix these and run again)"}
}

// collect returns a Problems that appends every reported problem to list,
// up to limit, for the decoders that return their problems as one error.
func collect(list *InputErrors, limit int) *Problems {
	return &Problems{Limit: limit, Report: func(e *InputError) { *list = append(*list, e) }}
}
