package searchindex

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func loadFixtureCEDICT(t testing.TB) *CEDICT {
	t.Helper()
	c, err := LoadCEDICT(filepath.Join("testdata", "cedict"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkZhThesaurus checks what holds for every Chinese key: its first
// term is a Han pair the site lacks or barely uses, and its targets are
// site terms, at most thesaurusTargets, weighted, best first.
func checkZhThesaurus(t *testing.T, th map[string][]thesTarget, df map[string]int) {
	t.Helper()
	for key, list := range th {
		first := firstTerm(key)
		if df[first] > ThesaurusRare || !isZhKey([]byte(first)) || strings.Count(key, " ") > 1 {
			t.Errorf("key %q (first term in %d sections)", key, df[first])
		}
		checkTargets(t, df, key, list)
	}
}

func weighted(list []thesTarget) string {
	var parts []string
	for _, t := range list {
		parts = append(parts, fmt.Sprintf("%s %.3g", t.term, t.weight))
	}
	return strings.Join(parts, ", ")
}

func TestZhThesaurus(t *testing.T) {
	c := loadFixtureCEDICT(t)
	wn := loadTestWordNet(t)
	df, _ := siteVocabulary("lawyer", "fee", "cheat", "scammer", "counterfeit", "invoice", "receipt",
		"sample", "specimen", "foreign", "trade", "steal")
	df["发票"] = ThesaurusRare + 1 // the site uses 发票 often: its simplified form is no key
	df["仓库"] = ThesaurusRare     // and 仓库 barely: it is one
	th := c.thesaurus(df, wn)
	checkZhThesaurus(t, th, df)
	for _, tc := range []struct{ key, want string }{
		{"律师", "lawyer 0.7"},
		{"律師", "lawyer 0.7"},             // traditional
		{"律师 师费", "fee 0.7, lawyer 0.7"}, // (equal weights: by term)
		// The first gloss "swindler" is no site word: its first sense
		// leads to "scammer", below "cheat", the second gloss.
		{"骗子", "cheat 0.595, scammer 0.49"},
		// "impersonate" and "pose as" are no site words (nor any word of
		// impersonate's first sense): the third gloss stands alone.
		{"假冒", "counterfeit 0.49"},
		{"發票", "invoic 0.7, receipt 0.7"},
		{"发票", ""},
		{"仓库", ""}, // depot, storehouse, warehouse: none on the site
		{"样品", "sampl 0.7, specimen 0.595"},
		{"外贸", "foreign 0.595, trade 0.595"},
		{"窃取", "steal 0.595"},
		{"北京", ""}, // a proper noun
	} {
		if got := weighted(th[tc.key]); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.key, got, tc.want)
		}
	}
	// Without WordNet, no step beyond the glosses.
	if got := weighted(c.thesaurus(df, nil)["骗子"]); got != "cheat 0.595" {
		t.Errorf("without WordNet: 骗子 → %q", got)
	}
	var none *CEDICT
	if none.thesaurus(df, wn) != nil {
		t.Error("no CC-CEDICT gives a Chinese thesaurus")
	}
}

// TestZhThesaurusRealData derives the Chinese thesaurus of a fixed site
// vocabulary from the CC-CEDICT the build reads.
func TestZhThesaurusRealData(t *testing.T) {
	c := loadTestCEDICT(t)
	wn := loadTestWordNet(t)
	df, _ := siteVocabulary(strings.Fields(thesaurusGoldenWords)...)
	th := c.thesaurus(df, wn)
	checkZhThesaurus(t, th, df)
	if len(th) < 1000 {
		t.Errorf("%d keys", len(th))
	}
	for _, tc := range []struct{ key, target string }{
		{"律师", "lawyer"}, {"律師", "lawyer"}, {"骗子", "cheat"}, {"假冒", "counterfeit"}, {"退款", "refund"},
		{"质检", "inspect"}, {"发票", "invoic"}, {"合同", "contract"}, {"定金", "payment"}, {"样品", "sampl"},
	} {
		if !slices.Contains(targetsOf(th[tc.key]), tc.target) {
			t.Errorf("%q → %v, want %q among them", tc.key, targetsOf(th[tc.key]), tc.target)
		}
	}
	if got := targetsOf(th["律师"]); len(got) == 0 || got[0] != "lawyer" {
		t.Errorf("律师 → %v, want lawyer first", got)
	}
	for _, k := range []string{"北京", "上海", "知识产权"} {
		if _, ok := th[k]; ok {
			t.Errorf("%q (a proper noun or four characters) is a key", k)
		}
	}
}

func TestBuildWritesZhThesaurus(t *testing.T) {
	pages := append(testPages(), Page{URL: "/playbook/legal-options/", Title: "Legal options", Group: "playbook", Label: "Recovery playbook", Sections: []Section{
		{Text: "A lawyer reads the contract; ask what the fee covers."},
	}})
	idx, err := Build(pages, Options{CEDICT: loadFixtureCEDICT(t), ThesaurusShardTarget: 16})
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, idx.Manifest)
	if len(m.ZThes) < 2 || !slices.IsSorted(m.ZThes) || idx.Stats.ZhThesaurusShards != len(m.ZThes) || len(m.Thes) != 0 {
		t.Fatalf("Chinese thesaurus files %v (stats %+v), English %v", m.ZThes, idx.Stats, m.Thes)
	}
	// A phrase is in the file of its first term.
	for key, want := range map[string][]any{"律师": {"lawyer", float64(70)}, "律师 师费": {"fee", float64(70), "lawyer", float64(70)}} {
		if got := thesaurusEntry(t, idx, m.Build, "z", m.ZThes, key); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q → %v, want %v", key, got, want)
		}
	}
	if m0 := buildWithout(t); m0.ZThes == nil || len(m0.ZThes) != 0 {
		t.Errorf("without CC-CEDICT: zthes = %#v, want []", m0.ZThes)
	}
}

func TestThesaurusFilesKeepPhrasesWithTheirWord(t *testing.T) {
	th := map[string][]thesTarget{}
	for _, k := range []string{"rip", "rip off", "rip up", "ripe", "律师", "律师 师费", "骗子"} {
		th[k] = []thesTarget{{"scam", 0.7}}
	}
	files := thesaurusFiles(th, 1) // every file as small as it may be
	var firsts []string
	where := map[string]int{}
	for i, f := range files {
		firsts = append(firsts, f.first)
		for k := range f.keys {
			where[k] = i
		}
	}
	if want := []string{"rip", "ripe", "律师", "骗子"}; !slices.Equal(firsts, want) {
		t.Errorf("files start at %q, want %q", firsts, want)
	}
	if where["rip off"] != where["rip"] || where["rip up"] != where["rip"] || where["律师 师费"] != where["律师"] {
		t.Errorf("a phrase is not in its first word's file: %v", where)
	}
}

// BenchmarkLoadCEDICT reads the CC-CEDICT the build reads: the time it
// adds to the search stage (where it runs while the pages are read).
func BenchmarkLoadCEDICT(b *testing.B) {
	loadTestCEDICT(b)
	for b.Loop() {
		if _, err := LoadCEDICT(cedictTestDir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkZhThesaurus derives the Chinese thesaurus for a small site's
// vocabulary (thesaurusGoldenWords: most glosses lead through WordNet)
// and for one holding every gloss term (every target possible: the most
// keys).
func BenchmarkZhThesaurus(b *testing.B) {
	c := loadTestCEDICT(b)
	wn, err := LoadWordNet(wordNetTestDir)
	if err != nil {
		b.Fatal(err)
	}
	small, _ := siteVocabulary(strings.Fields(thesaurusGoldenWords)...)
	every := map[string]int{}
	for _, w := range c.words {
		for _, g := range w.glosses {
			for _, t := range g.terms {
				every[t] = 1
			}
		}
	}
	for _, v := range []struct {
		name string
		df   map[string]int
	}{{"small", small}, {"every", every}} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				c.thesaurus(v.df, wn)
			}
		})
	}
}
