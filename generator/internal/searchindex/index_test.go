package searchindex

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	wrap := func(body string) string {
		return `<!DOCTYPE html><html lang="en"><head><title>Doc title</title></head><body><nav><a href="/">Menu link</a></nav>` + body + `<footer>Footer text</footer></body></html>`
	}
	tests := []struct {
		name    string
		html    string
		indexed bool
		want    Page
	}{
		{
			name:    "no body marker: not indexed",
			html:    wrap(`<main><h1>Title</h1><p>Text</p></main>`),
			indexed: false,
		},
		{
			name: "sections start at headings with ids; chrome and anchors left out",
			html: wrap(`<article data-search-body data-search-section="guide" data-search-section-label="Vetting guide">
				<nav class="breadcrumbs">Home › Guide</nav>
				<h1>Pay safely</h1><p class="page-meta" data-search-ignore>Last reviewed</p>
				<p>Intro text.</p>
				<h2 id="escrow">Escrow<a class="heading-anchor" href="#escrow">#</a><button class="copy-link">Copy link</button></h2>
				<p>Keep the money in <strong>escrow</strong>.</p><ul><li>one</li><li>two</li></ul>
				<h3>No id, stays in the section</h3>
				<h2 id="30-70-rule">The 30/70 rule</h2><p>Pay 30%.</p>
				<section data-search-ignore><h2 id="sources">Sources</h2><p>Ignored source list</p></section>
			</article>`),
			indexed: true,
			want: Page{URL: "/guide/x/", Title: "Pay safely", Group: "guide", Label: "Vetting guide", Sections: []Section{
				{Anchor: "", Title: "", Text: "Intro text."},
				{Anchor: "escrow", Title: "Escrow", Text: "Keep the money in escrow. one two No id, stays in the section"},
				{Anchor: "30-70-rule", Title: "The 30/70 rule", Text: "Pay 30%."},
			}},
		},
		{
			name: "elements with data-search-title start sections (directory entries)",
			html: wrap(`<article data-search-body><h1>Directory</h1>
				<ul><li id="ic3" data-search-title="Internet Crime Complaint Center (IC3)"><h3>Internet Crime Complaint Center (IC3)</h3><dl><dt>Country</dt><dd>United States</dd></dl></li></ul>
				<form><label>Filter</label><input></form>
			</article>`),
			indexed: true,
			want: Page{URL: "/guide/x/", Title: "Directory", Sections: []Section{
				{},
				{Anchor: "ic3", Title: "Internet Crime Complaint Center (IC3)", Text: "Internet Crime Complaint Center (IC3) Country United States", Entry: true},
			}},
		},
		{
			name: "answers belong to the section they name and are not its text",
			html: wrap(`<article data-search-body><h1>Pay safely</h1><p>Intro.</p>
				<div hidden data-search-answers-list><p data-search-answers="">how should I pay</p><p data-search-answers="escrow">does the platform hold the money · buyer protection</p></div>
				<h2 id="escrow">Escrow</h2><p>Keep the money in escrow.</p>
			</article>`),
			indexed: true,
			want: Page{URL: "/guide/x/", Title: "Pay safely", Sections: []Section{
				{Text: "Intro.", Answers: "how should I pay"},
				{Anchor: "escrow", Title: "Escrow", Text: "Keep the money in escrow.", Answers: "does the platform hold the money · buyer protection"},
			}},
		},
		{
			name: "the meta description is the page's summary, kept apart from its text",
			html: `<!DOCTYPE html><html lang="en"><head><title>Doc title</title><meta name=description content="  Tell a real factory
				from a front. "></head><body><article data-search-body><h1>Fake factories</h1><p>Intro.</p></article></body></html>`,
			indexed: true,
			want:    Page{URL: "/guide/x/", Title: "Fake factories", Description: "Tell a real factory from a front.", Sections: []Section{{Text: "Intro."}}},
		},
		{
			name:    "title falls back to <title>",
			html:    wrap(`<div data-search-body><p>Only text here.</p></div>`),
			indexed: true,
			want:    Page{URL: "/guide/x/", Title: "Doc title", Sections: []Section{{Text: "Only text here."}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := Extract("/guide/x/", []byte(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			if ok != tc.indexed {
				t.Fatalf("indexed = %v, want %v", ok, tc.indexed)
			}
			if !ok {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			for _, s := range got.Sections {
				for _, chrome := range []string{"Menu link", "Footer text", "Copy link", "#", "Last reviewed", "Ignored", "Home ›"} {
					if strings.Contains(s.Text+s.Title, chrome) {
						t.Errorf("section %q holds chrome %q", s.Anchor, chrome)
					}
				}
			}
		})
	}
}

func testPages() []Page {
	return []Page{
		{URL: "/playbook/reverse-payment/", Title: "Reverse the payment", Group: "playbook", Label: "Recovery playbook", Sections: []Section{
			{Text: "Act fast."}, {Anchor: "card-chargeback", Title: "Credit card: chargeback", Text: "Ask your card issuer for a chargeback."},
		}},
		{URL: "/guide/safe-payment/", Title: "Pay safely", Group: "guide", Label: "Vetting guide", Sections: []Section{
			{Text: "How to pay."}, {Anchor: "escrow", Title: "Escrow", Text: "The platform holds your money in escrow (担保交易)."},
		}},
		{URL: "/glossary/", Title: "Glossary", Group: "glossary", Label: "Glossary", Sections: []Section{
			{}, {Anchor: "chengxintong", Title: "Chengxintong · 诚信通", Text: "诚信通 membership. Escrow is different."},
		}},
	}
}

type shardFile struct {
	P map[string][]int `json:"p"`
	X map[string]int   `json:"x"`
}

// postingsOf decodes every shard and returns term → [[page, section, score]].
func postingsOf(t *testing.T, idx *Index, m manifest) map[string][][3]int {
	t.Helper()
	out := map[string][][3]int{}
	for i := range m.Shards {
		var s shardFile
		if err := ReadGzipJSON(idx.Files[m.Build+"/s/"+strconv.Itoa(i)+".sidx"].Data, &s); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		for term, enc := range s.P {
			page := 0
			for k := 0; k+2 < len(enc); k += 3 {
				page += enc[k]
				out[term] = append(out[term], [3]int{page, enc[k+1], enc[k+2]})
			}
		}
	}
	return out
}

func TestBuild(t *testing.T) {
	idx, err := Build(testPages(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := ReadGzipJSON(idx.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	// Pages are numbered by group: glossary, guide, playbook.
	wantGroups := [][]any{{"glossary", "Glossary", 0.0, 0.0}, {"guide", "Vetting guide", 1.0, 1.0}, {"playbook", "Recovery playbook", 2.0, 2.0}}
	// "rare" tells the browser when to look a word's meanings up: the
	// threshold the thesaurus keys were cut at.
	if m.V != Version || m.Pages != 3 || !reflect.DeepEqual(m.Groups, wantGroups) || m.Rare != ThesaurusRare {
		t.Fatalf("manifest = %+v", m)
	}
	post := postingsOf(t, idx, m)
	tests := []struct {
		term        string
		wantPages   []int
		bestSection [2]int // page, section with the top score
	}{
		{"escrow", []int{0, 1}, [2]int{1, 1}},
		{"chargeback", []int{2}, [2]int{2, 1}},
		{"诚信", []int{0}, [2]int{0, 1}},
		{"担保", []int{1}, [2]int{1, 1}},
	}
	for _, tc := range tests {
		list := post[tc.term]
		var pages []int
		best, top := [2]int{}, 0
		for _, p := range list {
			if len(pages) == 0 || pages[len(pages)-1] != p[0] {
				pages = append(pages, p[0])
			}
			if p[2] > top {
				top, best = p[2], [2]int{p[0], p[1]}
			}
		}
		if !reflect.DeepEqual(pages, tc.wantPages) || best != tc.bestSection {
			t.Errorf("%q: pages %v best %v, want %v best %v (postings %v)", tc.term, pages, best, tc.wantPages, tc.bestSection, list)
		}
	}
	if _, ok := post["the"]; ok {
		t.Error("stop words are indexed")
	}
	var frag struct {
		U string     `json:"u"`
		S [][]string `json:"s"`
	}
	if err := ReadGzipJSON(idx.Files[m.Build+"/f/1.sfrag"].Data, &frag); err != nil {
		t.Fatal(err)
	}
	if frag.U != "/guide/safe-payment/" || frag.S[1][0] != "escrow" {
		t.Errorf("fragment 1 = %+v", frag)
	}
	again, err := Build(testPages(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Build != idx.Build {
		t.Error("two builds of the same pages differ")
	}
}

// TestDescriptionBonus checks that a page's description words score for
// its top section, above the same word in the text alone and below the
// same word in the title.
func TestDescriptionBonus(t *testing.T) {
	pages := []Page{
		{URL: "/a/", Title: "Photos", Sections: []Section{{Text: "stolen goods"}}},
		{URL: "/b/", Title: "Other", Description: "stolen", Sections: []Section{{Text: "nothing here"}, {Anchor: "x", Title: "Heading", Text: "stolen once"}}},
		{URL: "/c/", Title: "Stolen", Sections: []Section{{Text: "words"}}},
	}
	// Pages without the word, so it is rare enough to score clearly.
	for i := range 20 {
		pages = append(pages, Page{URL: "/f/" + strconv.Itoa(i) + "/", Title: "Filler", Sections: []Section{{Text: "more words"}}})
	}
	idx, err := Build(pages, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := ReadGzipJSON(idx.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	score := map[[2]int]int{}
	for _, p := range postingsOf(t, idx, m)["stolen"] {
		score[[2]int{p[0], p[1]}] = p[2]
	}
	text, desc, title := score[[2]int{0, 0}], score[[2]int{1, 0}], score[[2]int{2, 0}]
	if !(text > 0 && desc > text && title > desc) || score[[2]int{1, 1}] == 0 {
		t.Errorf("scores of \"stolen\": text %d, description %d, title %d, want text < description < title (all: %v)", text, desc, title, score)
	}
}

func TestBuildTruncatesLongLists(t *testing.T) {
	var pages []Page
	for i := 0; i < 12; i++ {
		pages = append(pages, Page{URL: "/p/" + strconv.Itoa(i) + "/", Title: "Page", Sections: []Section{{Text: strings.Repeat("supplier ", i+1) + "filler words here"}}})
	}
	pages[0].Sections[0].Text += " rare"
	idx, err := Build(pages, Options{MaxPostings: 5})
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := ReadGzipJSON(idx.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	var s shardFile
	if err := ReadGzipJSON(idx.Files[m.Build+"/s/0.sidx"].Data, &s); err != nil {
		t.Fatal(err)
	}
	if got := len(s.P["supplier"]) / 3; got != 5 || s.X["supplier"] != 1 {
		t.Errorf("supplier: %d postings, truncated flag %d; want 5 and 1", got, s.X["supplier"])
	}
	if len(s.P["rare"]) != 3 || s.X["rare"] != 0 {
		t.Error("a list under the limit is marked truncated")
	}
}

func TestBuildNoText(t *testing.T) {
	if _, err := Build([]Page{{URL: "/x/"}}, Options{}); err == nil || !strings.Contains(err.Error(), "data-search-body") {
		t.Errorf("err = %v, want one naming data-search-body", err)
	}
}

// A section that is a list of links to other pages ranks below the
// sections that explain: the pages it points to answer.
func TestLinkListSections(t *testing.T) {
	page := `<html><body><article data-search-body><h1>Pay safely</h1>
		<h2 id="deposits">The 30/70 rule</h2><p>Pay a deposit of 30% and the balance after inspection.</p>
		<h2 id="red-flags">Red flags</h2><ul><li><a href="/red-flags/large-deposit/">Large deposit demanded</a></li>
		<li><a href="/red-flags/pressure/">Pressure to pay</a></li></ul></article></body></html>`
	p, ok, err := Extract("/guide/pay/", []byte(page))
	if err != nil || !ok {
		t.Fatalf("Extract: %v, %v", ok, err)
	}
	if got := []float64{p.Sections[1].Links, p.Sections[2].Links}; got[0] != 0 || got[1] != 1 {
		t.Fatalf("link shares %v, want [0 1]", got)
	}
	p.Group, p.Label = "guide", "Vetting guide"
	idx, err := Build([]Page{p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := ReadGzipJSON(idx.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	best := map[int]int{}
	for _, ps := range postingsOf(t, idx, m)["deposit"] {
		best[ps[1]] = ps[2]
	}
	if best[1] <= best[2] {
		t.Errorf("deposit: explaining section %d, link list %d; want the explaining section higher", best[1], best[2])
	}
}
