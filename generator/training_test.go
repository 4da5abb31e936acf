package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/profiles"
	"safesource.dev/safesource/generator/internal/training"
)

var pageAnswerKey = regexp.MustCompile(`(?s)<script type=(?:"application/json"|application/json) data-answer-key>(.*?)</script>`)

// TestTrainingPagesCarryTheRulesAnswer builds every training case of the
// site (in the fixture, so nothing else is needed) and checks that each
// page's answer key is what the checker makes of the case's own profile.
func TestTrainingPagesCarryTheRulesAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	root := copyFixture(t)
	cases, err := filepath.Glob("../content/training/*.md")
	if err != nil || len(cases) < 12 {
		t.Fatalf("want at least 12 cases in content/training, found %d (%v)", len(cases), err)
	}
	var slugs []string
	for _, src := range cases {
		if filepath.Base(src) == "_index.md" {
			continue
		}
		copyFile(t, src, filepath.Join(root, "content", "training", filepath.Base(src)))
		slugs = append(slugs, strings.TrimSuffix(filepath.Base(src), ".md"))
	}
	// The cases cite the site's sources.
	fixtureSources, _ := os.ReadFile(filepath.Join(root, "data", "sources.yaml"))
	siteSources, err := os.ReadFile("../data/sources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(root, "data", "sources.yaml"), string(fixtureSources)+"\n"+string(siteSources))
	// Case pages link the scam pattern they follow; the fixture gets a stand-in for each.
	scams, _ := filepath.Glob("../content/scams/*.md")
	for _, s := range scams {
		name := filepath.Base(s)
		body := "---\ntitle: \"" + name + "\"\ndescription: \"A stand-in scam pattern page for the training fixture build.\"\nweight: 1\nreviewed: 2026-12-01\nsources: [doc-a]\n---\n\nStand-in text long enough for the output check's minimum of main text.\n"
		if name == "_index.md" {
			body = strings.Replace(body, "weight: 1\n", "weight: 5\n", 1)
		}
		writeTestFile(t, filepath.Join(root, "content", "scams", name), body)
	}
	// Case narratives mark the site's own policy, which links to the methodology (a plain page here: the real section renders every rule and its red-flag link).
	writeTestFile(t, filepath.Join(root, "content", "methodology.md"), "---\ntitle: \"How the score works\"\ndescription: \"A stand-in methodology page for the training fixture build.\"\nweight: 7\nreviewed: 2026-12-01\nsources: [doc-a]\n---\n\n## Our own policy {#own-policy}\n\nStand-in text long enough for the output check's minimum of main text.\n")
	if log, err := buildFixture(t, root); err != nil {
		t.Fatalf("build failed: %v\n%s", err, log)
	}
	for _, slug := range slugs {
		html, err := os.ReadFile(filepath.Join(root, "public", "training", slug, "index.html"))
		if err != nil {
			t.Errorf("%s: page not built: %v", slug, err)
			continue
		}
		m := pageAnswerKey.FindSubmatch(html)
		if m == nil {
			t.Errorf("%s: page has no data-answer-key", slug)
			continue
		}
		var page struct {
			Band     string             `json:"band"`
			Score    int                `json:"score"`
			Findings []training.Finding `json:"findings"`
			Options  []training.Finding `json:"options"`
		}
		if err := json.Unmarshal(m[1], &page); err != nil {
			t.Errorf("%s: answer key is not JSON: %v", slug, err)
			continue
		}
		want := scoreCaseFile(t, filepath.Join("..", "content", "training", slug+".md"))
		var got []string
		for _, f := range page.Findings {
			got = append(got, f.ID)
		}
		if page.Band != want.Band || page.Score != want.Score || !slices.Equal(got, want.FindingIDs()) {
			t.Errorf("%s: page key %s %d %v; the checker says %s %d %v", slug, page.Band, page.Score, got, want.Band, want.Score, want.FindingIDs())
		}
		for _, id := range want.FindingIDs() {
			if !regexp.MustCompile(`name="?flag"? value="?` + regexp.QuoteMeta(id) + `[" ]`).Match(html) {
				t.Errorf("%s: no checkbox for finding %s", slug, id)
			}
		}
	}
}

// scoreCaseFile reads a case's profile straight from its front matter with
// the checker's YAML decoder, independently of the training stage.
func scoreCaseFile(t *testing.T, file string) checker.Result {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fm := strings.SplitN(string(src), "\n---\n", 2)[0]
	_, block, ok := strings.Cut(fm, "\nprofile:\n")
	if !ok {
		t.Fatalf("%s: no profile block", file)
	}
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if l != "" && !strings.HasPrefix(l, " ") {
			break // the next top-level field
		}
		lines = append(lines, l)
	}
	ps, err := profiles.DecodeYAML(file, []byte(strings.Join(lines, "\n")))
	if err != nil || len(ps) != 1 {
		t.Fatalf("%s: profile does not decode: %v", file, err)
	}
	return checker.Score(ps[0])
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, dst, string(data))
}
