package checker

import "testing"

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{
		{"titel", "title", 1}, {"paymnet_method", "payment_method", 1}, {"abc", "abc", 0}, {"", "abc", 3},
		{"abc", "", 3}, {"kitten", "sitting", 3}, {"ca", "abc", 3}, {"store_year", "store_years", 1}, {"Samples", "samples", 0},
	} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestInputErrorFormat(t *testing.T) {
	for _, c := range []struct {
		e    InputError
		want string
	}{
		{InputError{File: "a.csv", Line: 3, Field: "samples", Problem: "bad (allowed: x)"}, "a.csv:3: samples: bad (allowed: x)"},
		{InputError{File: "a.json", Problem: "empty"}, "a.json: empty"},
		{InputError{Line: 2, Problem: "invalid JSON"}, "2: invalid JSON"},
		{InputError{Field: "uscc", Problem: "too long"}, "uscc: too long"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	list := InputErrors{{File: "a", Line: 1, Problem: "x"}, {File: "a", Line: 2, Problem: "y"}}
	if got := list.Error(); got != "a:1: x\na:2: y" {
		t.Errorf("list: %q", got)
	}
}
