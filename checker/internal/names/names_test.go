package names

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

type pair struct {
	A    string `json:"a"`
	B    string `json:"b"`
	Want string `json:"want"`
	Why  string `json:"why"`
}

func loadPairs(t testing.TB) []pair {
	data, err := os.ReadFile(filepath.Join("testdata", "pairs.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pairs []pair
	if err := json.Unmarshal(data, &pairs); err != nil {
		t.Fatalf("testdata/pairs.json: %v", err)
	}
	return pairs
}

// Each pair compares as listed, both ways round.
func TestCompare(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range loadPairs(t) {
		if got := Compare(p.A, p.B); got != p.Want {
			t.Errorf("%s: Compare(%q, %q) = %s, want %s", p.Why, p.A, p.B, got, p.Want)
		}
		if got := Compare(p.B, p.A); got != p.Want {
			t.Errorf("%s, reversed: Compare(%q, %q) = %s, want %s", p.Why, p.B, p.A, got, p.Want)
		}
		seen[p.Want] = true
	}
	for _, want := range []string{Same, Lookalike, Different, NotComparable} {
		if !seen[want] {
			t.Errorf("no pair expects %s", want)
		}
	}
}

// variants rewrites a name the ways that do not change it: full-width
// forms, spaces between characters, the other kind of brackets, other
// letter case, and in English other punctuation around the legal form.
var variants = map[string]func(string) string{
	"full-width": func(s string) string {
		return strings.Map(func(r rune) rune {
			if r > ' ' && r < 0x7f {
				return r - '!' + 0xFF01
			}
			return r
		}, s)
	},
	"spaced": func(s string) string {
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
			b.WriteRune(' ')
		}
		return b.String()
	},
	"ideographic space": func(s string) string { return "\u3000" + strings.ReplaceAll(s, " ", "\u3000") + "\u3000" },
	"brackets": func(s string) string {
		return strings.NewReplacer("(", "（", ")", "）", "（", "(", "）", ")").Replace(s)
	},
	"lower": strings.ToLower,
	"upper": strings.ToUpper,
	"punctuation": func(s string) string {
		return strings.NewReplacer("Co., Ltd.", "CO LTD", "CO LTD", "Co., Ltd.", "Company Limited", "Co.,Ltd").Replace(s)
	},
}

// Property: a name is the same as itself under every normalisation, for
// the names in the table and for random names built from their parts.
func TestSameUnderEveryNormalisation(t *testing.T) {
	var names []string
	for _, p := range loadPairs(t) {
		names = append(names, p.A, p.B)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"深圳市", "华强", "电子", "（香港）", "有限公司", "ABC", "Shenzhen ", "Huaqiang ", "Trading ", "Co., Ltd.", "(HK) ", "佳美", "日用品", "Company Limited"}
	for range 500 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		names = append(names, b.String())
	}
	for _, name := range names {
		if Normalise(name).Script == None {
			continue // nothing to compare: not_comparable with itself too
		}
		for what, v := range variants {
			if got := Compare(name, v(name)); got != Same {
				t.Errorf("%s: Compare(%q, %q) = %s, want same", what, name, v(name), got)
			}
		}
	}
}

func FuzzCompare(f *testing.F) {
	for _, p := range loadPairs(f) {
		f.Add(p.A, p.B)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		got := Compare(a, b)
		switch got {
		case Same, Lookalike, Different, NotComparable:
		default:
			t.Fatalf("Compare(%q, %q) = %q", a, b, got)
		}
		if back := Compare(b, a); back != got {
			t.Fatalf("not symmetric: %q, %q -> %s but reversed %s", a, b, got, back)
		}
		if self := Compare(a, a); self != Same && Normalise(a).Script != None {
			t.Fatalf("Compare(%q, itself) = %s", a, self)
		}
	})
}

// needsFold may skip width.Fold only where the fold changes nothing: every
// rune the fold changes must be one foldable accepts.
func TestNeedsFoldCoversWidthFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue // surrogates are not characters
		}
		s := string(r)
		if width.Fold.String(s) != s && !foldable(r) {
			t.Errorf("width.Fold changes %U but needsFold skips it", r)
		}
	}
}

// The ASCII shortcut must give what the general path gives, key and core,
// on English names written every which way.
func TestNormaliseASCIIAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "abcXYZ019 .,&()-'/_Co LtdLIMITEDcompany"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkASCIIAgrees(t, string(b))
	}
	for _, name := range []string{"Shenzhen Huaqiang Electronics Co., Ltd.", "SUPPLIER 5", "a", "1234", "", "Company Limited", "HUAQIANG (SHENZHEN) TRADING CO LTD"} {
		checkASCIIAgrees(t, name)
	}
}

func FuzzNormaliseASCIIAgrees(f *testing.F) {
	f.Add("Yiwu Huaqiang Trading Co., Ltd.")
	f.Fuzz(func(t *testing.T, name string) { checkASCIIAgrees(t, name) })
}

func checkASCIIAgrees(t *testing.T, name string) {
	t.Helper()
	fast, ok := normaliseASCII(name)
	if !ok {
		return
	}
	slow := normaliseAny(name)
	if fast.Script != slow.Script || fast.Key != slow.Key || core(fast) != core(slow) {
		t.Fatalf("%q: shortcut %v %q %q, general %v %q %q", name, fast.Script, fast.Key, core(fast), slow.Script, slow.Key, core(slow))
	}
}
