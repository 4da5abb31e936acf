package searchindex

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// The same cases run in the browser against tokenize.ts (tests/browser/search.test.mjs).
func TestTokenizeSharedCases(t *testing.T) {
	var cases []struct {
		In  string   `json:"in"`
		Out []string `json:"out"`
	}
	readJSON(t, "tokenize.json", &cases)
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

var update = flag.Bool("update", false, "rewrite the shared test data from the Go side")

// testdata/stems.txt.gz holds the Snowball English test vocabulary (words with
// apostrophes left out: the tokenizer drops apostrophes first), one
// "word stem" line each. The browser's stemmer is checked against the same
// file (tests/unit/search.test.mjs), so both sides of the index agree on
// every word. -update rewrites the stems from this stemmer.
func TestStemSnowballVocabulary(t *testing.T) {
	const path = "testdata/stems.txt.gz"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(zr)
	n := 0
	for sc.Scan() {
		word, want, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			t.Fatalf("%s:%d: want \"word stem\", got %q", path, n+1, sc.Text())
		}
		n++
		got := Stem(word)
		fmt.Fprintf(&out, "%s %s\n", word, got)
		if !*update && got != want {
			t.Errorf("Stem(%q) = %q, want %q", word, got, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 40000 {
		t.Fatalf("%s has %d words, want the whole vocabulary (about 42,000)", path, n)
	}
	if *update {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(out.Bytes())
		zw.Close()
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStemExamples(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"replying", "repli"}, {"replies", "repli"}, {"inspections", "inspect"},
		{"inspection", "inspect"}, {"licences", "licenc"}, {"ic3", "ic3"},
		{"café", "café"}, {"go", "go"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// testdata/stopwords.json is the stop list the browser's tokenizer must use.
func TestStopWordsShared(t *testing.T) {
	const path = "testdata/stopwords.json"
	got := StopWords()
	if *update {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	readJSON(t, strings.TrimPrefix(path, "testdata/"), &want)
	if !slices.Equal(got, want) {
		t.Errorf("stop words differ from %s (run go test -update after a deliberate change):\n got %q\nwant %q", path, got, want)
	}
}

// testdata/typokeys.json: the keys the typo files use for sample words;
// the browser's typoKeys must give the same (tests/unit/search.test.mjs).
func TestTypoKeysShared(t *testing.T) {
	const path = "testdata/typokeys.json"
	words := []string{"escrow", "counterfeit", "ab", "abc", "aab", "licence", "1688", "café", "inspection", "x"}
	got := map[string][]string{}
	for _, w := range words {
		got[w] = TypoKeys(w)
		if got[w] == nil {
			got[w] = []string{}
		}
	}
	if *update {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want map[string][]string
	readJSON(t, strings.TrimPrefix(path, "testdata/"), &want)
	for _, w := range words {
		if !slices.Equal(got[w], want[w]) {
			t.Errorf("TypoKeys(%q) = %q, want %q", w, got[w], want[w])
		}
	}
	// One edit in the first three letters still shares a key with the word.
	for _, c := range [][2]string{{"escrow", "ecsrow"}, {"escrow", "scrow"}, {"escrow", "xscrow"}, {"escrow", "eescrow"}, {"counterfeit", "conterfeit"}} {
		shared := false
		for _, k := range TypoKeys(c[1]) {
			shared = shared || slices.Contains(TypoKeys(c[0]), k)
		}
		if !shared {
			t.Errorf("%q and %q share no typo key", c[0], c[1])
		}
	}
}

// Text that is not valid UTF-8 (a damaged page) never stops the indexer:
// each bad byte is a separator, like any other character outside words.
func TestTokenizeInvalidUTF8(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"supplier'\xff", []string{"supplier"}},
		{"supplier'\xffs", []string{"supplier"}},
		{"escrow\xe2\x80", []string{"escrow"}},
		{"pay\xffment's", []string{"pay", "ment"}},
	} {
		if got := Tokenize(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
