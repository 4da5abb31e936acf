package contentcheck

import (
	"os"
	"strings"
	"testing"
)

func TestLoadSourcesKinds(t *testing.T) {
	_, probs := LoadSources(os.DirFS("testdata"), "sourcekinds/sources.yaml")
	wantProblems(t, probs, []string{
		"sourcekinds/sources.yaml:1: source \"no-kind\" needs `kind: primary`",
		"sourcekinds/sources.yaml:5: primary source \"primary-no-url\" has no `url`",
		"sourcekinds/sources.yaml:8: source \"bad-kind\": `kind: An official page about things` is not a kind",
		"sourcekinds/sources.yaml:9: source \"no-kind\" is defined twice",
	})
}

func TestCitations(t *testing.T) {
	fsys := os.DirFS("testdata/cite")
	known, probs := LoadSources(fsys, "data/sources.yaml")
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	// The fixture page has only a title: leave its front-matter problems out.
	var got Problems
	for _, p := range append(CheckPages(fsys, "content", known), DataCitations(fsys, known)...) {
		if strings.HasPrefix(p.Msg, "citation") {
			got = append(got, p)
		}
	}
	wantProblems(t, got, []string{
		"content/guide/page.md:10: citation of \"doc-b\" has no locator",
		"content/guide/page.md:10: citation of unknown source \"doc-z\"",
		"data/contacts.yaml:2: citation of unknown source \"nope\"",
	})
}

func TestClaims(t *testing.T) {
	got := Claims(os.DirFS("testdata/cite"), []string{"content", "data/glossary.yaml", "data/contacts.yaml"})
	want := []string{
		"content/guide/page.md:6: uncited claim: “An uncited one costs US$500 in fees.”",
		"content/guide/page.md:9: uncited claim: “Pay within 30 days of delivery.”",
		"content/guide/page.md:14: uncited claim: “| US$2,000 | US$600 |”",
		"content/guide/page.md:23: uncited claim: “Trade Assurance covers only orders paid on the platform.”",
		"data/glossary.yaml:4: uncited claim: “Call 12315 to complain.”",
		"data/contacts.yaml:5: uncited claim: “Within 3 days.”",
	}
	if len(got) != len(want) {
		t.Errorf("got %d claims, want %d:", len(got), len(want))
		for _, c := range got {
			t.Log(c)
		}
	}
	for i := 0; i < len(got) && i < len(want); i++ {
		if !strings.HasPrefix(got[i].String(), want[i]) {
			t.Errorf("claim %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

func TestSentencesKeepCitationAfterFullStop(t *testing.T) {
	got := sentences("It costs US$5. " + citeMark + " Next sentence here.")
	if len(got) != 2 || !strings.Contains(got[0], citeMark) || strings.Contains(got[1], citeMark) {
		t.Errorf("sentences = %q", got)
	}
}
