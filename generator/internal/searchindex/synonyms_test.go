package searchindex

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestSynonymsExpand(t *testing.T) {
	s := newSynonyms([][]string{
		{"licence", "license"},
		{"营业执照", "yíngyè zhízhào", "yingyezhizhao", "Business licence"},
		{"only one"},
	})
	tests := []struct {
		text string
		want []string
	}{
		{"a licence", []string{"licenc", "licens"}},
		{"the business licence", []string{"营业", "业执", "执照", "yingy", "zhizhao", "yingyezhizhao", "busi", "licenc", "licenc", "licens"}},
		{"营业执照号", []string{"营业", "业执", "执照", "yingy", "zhizhao", "yingyezhizhao", "busi", "licenc"}},
		{"business only", nil},
		{"only one", nil}, // a group of one phrase is no group
	}
	for _, tc := range tests {
		got := s.expand(Tokenize(tc.text))
		if !slices.Equal(got, tc.want) {
			t.Errorf("expand(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestBuildIndexesSynonyms(t *testing.T) {
	pages := []Page{
		{URL: "/a/", Title: "Licences", Sections: []Section{{Text: "Ask for the business licence."}}},
		{URL: "/b/", Title: "Other", Sections: []Section{{Text: "Nothing about it."}}},
	}
	idx, err := Build(pages, Options{Synonyms: [][]string{{"licence", "license"}, {"营业执照", "business licence"}}})
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := ReadGzipJSON(idx.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	post := postingsOf(t, idx, m)
	for _, term := range []string{"licens", "营业", "执照"} {
		if len(post[term]) != 1 || post[term][0][0] != 0 {
			t.Errorf("%q: postings %v, want page 0 only", term, post[term])
		}
	}
	// Every word (before stemming) is in the typo files under each of its keys.
	filed := map[string][]string{}
	for i := range m.Typo {
		var f struct{ K map[string][]string }
		if err := ReadGzipJSON(idx.Files[m.Build+"/t/"+strconv.Itoa(i)+".styp"].Data, &f); err != nil {
			t.Fatal(err)
		}
		for k, ws := range f.K {
			filed[k] = append(filed[k], ws...)
		}
	}
	for _, w := range []string{"licences", "licence", "business", "nothing"} {
		for _, k := range TypoKeys(w) {
			if !slices.Contains(filed[k], w) {
				t.Errorf("typo files: %q not under key %q (%v)", w, k, filed[k])
			}
		}
	}
}

func TestExtractWeight(t *testing.T) {
	page := `<html><body><article data-search-body><h1>Glossary</h1>
		<div id="a" data-search-title="A" data-search-weight="0.5">Alpha</div>
		<h2 id="b">B</h2><p>Beta</p></article></body></html>`
	p, ok, err := Extract("/g/", []byte(page))
	if err != nil || !ok {
		t.Fatalf("Extract: %v, %v", ok, err)
	}
	if got := []float64{p.Sections[1].Weight, p.Sections[2].Weight}; !slices.Equal(got, []float64{0.5, 0}) {
		t.Errorf("weights %v, want [0.5 0] (the weight ends with its element)", got)
	}
	p, _, err = Extract("/t/", []byte(`<html><body><article data-search-body data-search-weight="0.3"><h1>Case</h1><p>Top</p><h2 id="b">B</h2></article></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if got := []float64{p.Sections[0].Weight, p.Sections[1].Weight}; !slices.Equal(got, []float64{0.3, 0.3}) {
		t.Errorf("weights %v, want [0.3 0.3] (a weight on the indexed element covers the page top)", got)
	}
	_, _, err = Extract("/g/", []byte(`<html><body><article data-search-body data-search-weight="heavy"><h1>X</h1></article></body></html>`))
	if err == nil || !strings.Contains(err.Error(), `data-search-weight="heavy"`) {
		t.Errorf("err = %v, want one naming the bad weight", err)
	}
}

func TestExtractAnswersUnknownAnchor(t *testing.T) {
	page := `<html><body><article data-search-body><h1>X</h1>
		<p hidden data-search-answers="nowhere">a question</p><h2 id="b">B</h2></article></body></html>`
	_, _, err := Extract("/g/", []byte(page))
	if err == nil || !strings.Contains(err.Error(), `data-search-answers="nowhere"`) {
		t.Errorf("err = %v, want one naming the unknown anchor", err)
	}
}

// A word that stands only in a section's answers still finds that section,
// below a section whose heading and text hold it.
func TestAnswersIndexed(t *testing.T) {
	page := func(url, body string) Page {
		p, _, err := Extract(url, []byte(`<html><body><article data-search-body><h1>T</h1>`+body+`</article></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pages := []Page{
		page("/a/", `<h2 id="pay">Payment</h2><p>Use escrow.</p><p hidden data-search-answers="pay">refund</p>`),
		page("/b/", `<h2 id="refund">Refund</h2><p>Ask for a refund.</p>`),
		page("/c/", `<h2 id="other">Other</h2><p>Nothing here.</p>`),
	}
	if pages[0].Sections[1].Text != "Use escrow." {
		t.Fatalf("answers leaked into the text: %q", pages[0].Sections[1].Text)
	}
	c := collect(analyzeAll(pages, newSynonyms(nil), nil))
	terms, postings := c.score()
	i := slices.Index(terms, "refund")
	if i < 0 || len(postings[i]) != 2 {
		t.Fatalf("refund postings: %v", postings)
	}
	byPage := map[int]int{}
	for _, p := range postings[i] {
		byPage[p.page] = p.score
	}
	if !(byPage[0] > 0 && byPage[0] < byPage[1]) {
		t.Errorf("scores %v: want the answer's section found, below the heading's", byPage)
	}
}
