package searchindex

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// The same cases run in the browser against tokenize.ts (tests/browser/search.test.mjs).
func TestTokenizeSharedCases(t *testing.T) {
	src, err := os.ReadFile("testdata/tokenize.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		In  string   `json:"in"`
		Out []string `json:"out"`
	}
	if err := json.Unmarshal(src, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 10 {
		t.Fatalf("only %d cases in testdata/tokenize.json", len(cases))
	}
	for _, c := range cases {
		got := Tokenize(c.In)
		if got == nil {
			got = []string{}
		}
		if !slices.Equal(got, c.Out) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.In, got, c.Out)
		}
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"lines", "line"}, {"policies", "policy"}, {"addresses", "address"},
		{"bus", "bus"}, {"glass", "glass"}, {"its", "its"}, {"crisis", "crisis"},
		{"fees", "fee"}, {"ties", "tie"}, {"café", "café"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
