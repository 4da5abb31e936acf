package checker

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNeutraliseCell(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"=CMD|' /C calc'!A0", "'=CMD|' /C calc'!A0"},
		{"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"'=x", "''=x"}, {"''-x", "'''-x"},
		{"Acme", "Acme"}, {"", ""}, {"'", "'"}, {"'quoted'", "'quoted'"}, {"a=b", "a=b"}, {" =x", " =x"},
	} {
		if got := NeutraliseCell(c.in); got != c.out {
			t.Errorf("NeutraliseCell(%q) = %q, want %q", c.in, got, c.out)
		}
		if got := RestoreCell(c.out); got != c.in {
			t.Errorf("RestoreCell(%q) = %q, want %q", c.out, got, c.in)
		}
	}
}

// Whatever a cell holds, restoring the neutralised form gives it back, and
// the neutralised form never starts a formula.
func FuzzCSVCellRoundTrip(f *testing.F) {
	for _, s := range []string{"=1+1", "'=1", "''", "-", "@", "\t", "plain", "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NeutraliseCell(s)
		if RestoreCell(n) != s {
			t.Fatalf("RestoreCell(NeutraliseCell(%q)) = %q", s, RestoreCell(n))
		}
		if n != "" && strings.ContainsRune("=+-@\t\r", rune(n[0])) {
			t.Fatalf("NeutraliseCell(%q) = %q starts a formula", s, n)
		}
	})
}

// Printable output holds no control or invisible character, whatever the input.
func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"\x1b[2J", "a\u200bb", "\u202eevil", "\xff\xfe", "plain", "名字\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Printable(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Printable(%q) = %q is not UTF-8", s, out)
		}
		for _, r := range out {
			if invisible(r) {
				t.Fatalf("Printable(%q) = %q keeps %U", s, out, r)
			}
		}
		if q := quote(s); utf8.RuneCountInString(q) > maxQuoted*12+3 {
			t.Fatalf("quote(%q) is %d characters long", s, utf8.RuneCountInString(q))
		}
	})
}

func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"Acme 有限公司", "Acme 有限公司"},
		{"\x1b[2J\x1b[HRisk: 0/100, LOW\n", `\u001b[2J\u001b[HRisk: 0/100, LOW\n`},
		{"a\u200bb\u202e\u2066c\ufeff", `a\u200bb\u202e\u2066c\ufeff`},
		{"bad\xffbyte\x00", `bad\xffbyte\u0000`},
		{"tag\U000E0041", `tag\U000e0041`},
	} {
		if got := Printable(c.in); got != c.out {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.out)
		}
	}
	if got := quote(strings.Repeat("é", 100)); got != `"`+strings.Repeat("é", 80)+`…"` {
		t.Errorf("quote clips to %q", got)
	}
}
