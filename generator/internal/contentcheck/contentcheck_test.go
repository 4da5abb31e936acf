package contentcheck

import (
	"os"
	"strings"
	"testing"
)

var known = map[string]bool{"doc-a": true, "doc-b": true}

// wantProblems asserts each expected "file:line: substring" appears, and
// that nothing else was reported.
func wantProblems(t *testing.T, got Problems, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%v", len(got), len(want), got.Error())
	}
	for _, w := range want {
		found := false
		for _, p := range got {
			if strings.Contains(p.String(), w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem matching %q in:\n%v", w, got.Error())
		}
	}
}

func TestCheckPage(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"good.md", nil},
		{"missing-sources.md", []string{"missing-sources.md:2: front matter lacks `sources`"}},
		{"bad-values.md", []string{
			"bad-values.md:3: `description` is 9 characters",
			"bad-values.md:4: `weight: ten` must be a whole number",
			"bad-values.md:5: `reviewed: 21/11/2026` is not a date",
			`bad-values.md:6: unknown source "doc-z"`,
		}},
		{"no-front-matter.md", []string{"no-front-matter.md:1: no YAML front matter"}},
		{"sources-not-list.md", []string{"sources-not-list.md:6: `sources` must be a non-empty list"}},
		{"broken-yaml.md", []string{"broken-yaml.md:2: front matter is not valid YAML"}},
		{"pinyin.md", []string{
			"pinyin.md:8: “zhuānxiàn” looks like pinyin: write [zhuānxiàn](pinyin:)",
			"pinyin.md:16: “yùfùkuǎn” looks like pinyin",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile("testdata/pages/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			wantProblems(t, checkPage(tt.file, src, known), tt.want)
		})
	}
}

// Walking the folder reports every bad page under its path in the folder,
// and nothing for the good one.
func TestCheckPagesWalksFolder(t *testing.T) {
	wantProblems(t, CheckPages(os.DirFS("testdata"), "pages", known), []string{
		"pages/bad-values.md:3: `description` is 9 characters",
		"pages/bad-values.md:4: `weight: ten` must be a whole number",
		"pages/bad-values.md:5: `reviewed: 21/11/2026` is not a date",
		`pages/bad-values.md:6: unknown source "doc-z"`,
		"pages/broken-yaml.md:2: front matter is not valid YAML",
		"pages/missing-sources.md:2: front matter lacks `sources`",
		"pages/no-front-matter.md:1: no YAML front matter",
		"pages/pinyin.md:8: “zhuānxiàn” looks like pinyin",
		"pages/pinyin.md:16: “yùfùkuǎn” looks like pinyin",
		"pages/sources-not-list.md:6: `sources` must be a non-empty list",
	})
}

func TestLoadSources(t *testing.T) {
	got, probs := LoadSources(os.DirFS("testdata"), "data/sources.yaml")
	if len(probs) != 0 || !got["doc-a"] || !got["doc-b"] || len(got) != 2 {
		t.Fatalf("LoadSources = %v, %v", got, probs)
	}
	if _, probs := LoadSources(os.DirFS("testdata"), "data/glossary.yaml"); len(probs) != 1 || !strings.Contains(probs[0].Msg, "mapping") {
		t.Errorf("a list where a mapping belongs: %v", probs)
	}
}

func TestCheckContacts(t *testing.T) {
	wantProblems(t, CheckContacts(os.DirFS("testdata"), "data/contacts.yaml", known), []string{
		`contacts.yaml:13: id "Bad_ID" must be lowercase kebab-case`,
		"contacts.yaml:19: reach entry needs `kind`",
		`contacts.yaml:22: web address "example.org" must start with https://`,
		`contacts.yaml:24: "not-an-email" is not an email address`,
		`contacts.yaml:26: unknown source "doc-q"`,
		"contacts.yaml:28: `checked: yesterday` is not a date",
		`contacts.yaml:29: id "good-body" is already used on line 1`,
		"contacts.yaml:34: `reach` must list at least one way",
	})
}

// TestContactStatus covers the directory's status rule: every entry states
// whether it is confirmed, and a confirmed entry names the official page.
func TestContactStatus(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"good.yaml", nil},
		{"missing-status.yaml", []string{"missing-status.yaml:1: entry lacks `status` — add `status: confirmed`"}},
		{"confirmed-without-url.yaml", []string{"confirmed-without-url.yaml:11: `status: confirmed` without `confirmed_at` — add `confirmed_at: https://...`"}},
		{"confirmed-at-not-url.yaml", []string{"confirmed-at-not-url.yaml:12: `confirmed_at: example.org/contact` is not a web address — give the full URL"}},
		{"unknown-status.yaml", []string{"unknown-status.yaml:11: `status: probably` is not a status — write `status: confirmed`"}},
		{"unconfirmed-with-url.yaml", []string{"unconfirmed-with-url.yaml:12: `confirmed_at` on an unconfirmed entry — remove it"}},
		{"old-verified-field.yaml", []string{
			"old-verified-field.yaml:1: entry lacks `checked` — add `checked: YYYY-MM-DD`",
			"old-verified-field.yaml:12: `verified` is no longer used — rename it `checked`",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := CheckContacts(os.DirFS("testdata/contacts"), tt.file, known)
			wantProblems(t, got, tt.want)
		})
	}
}

func TestCheckGlossary(t *testing.T) {
	wantProblems(t, CheckGlossary(os.DirFS("testdata"), "data/glossary.yaml"), []string{
		"glossary.yaml:7: entry lacks `link`",
		`glossary.yaml:12: link "" must be a site path`,
		`glossary.yaml:18: link "guide/contracts/" must be a site path`,
	})
}

func TestMissingFile(t *testing.T) {
	probs := CheckGlossary(os.DirFS("testdata"), "data/nope.yaml")
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "cannot read") {
		t.Fatalf("got %v", probs)
	}
}
