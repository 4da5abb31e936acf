package hanmark

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// The pattern lib/lang.ts uses, as the reference for the hand-written Runs.
var reference = regexp.MustCompile(`[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*\p{Han}(?:[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}0-9\x{2026}\x{2014}\x{201C}\x{201D}\x{2018}\x{2019}\x{00B7}]*\p{Han})*[\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]*`)

// Random strings of the characters that matter (Han in and out of the CJK
// punctuation block, joiners, ASCII) find the same runs both ways.
func TestRunsMatchTheReference(t *testing.T) {
	alphabet := []rune("营业执照〇々〔〕「」。，（）　ｈ0123456789…—“”‘’·ab (-)ü、\uFFFD")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		r := make([]rune, rng.IntN(12))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := []byte(string(r))
		if got, want := Runs(s), reference.FindAllIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q: runs %v, the pattern finds %v", s, got, want)
		}
	}
}

// Runs lists the byte ranges [start, end) of the Han runs in text, as the
// marker finds them one after another (nextRun).
func Runs(text []byte) [][]int {
	var out [][]int
	for from := 0; ; {
		start, end := nextRun(text, from)
		if start < 0 {
			return out
		}
		out = append(out, []int{start, end})
		from = end
	}
}
