package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"safesource.dev/safesource/generator/internal/sitecheck"
)

// readBaseURL reads the production base URL from hugo.toml.
func readBaseURL(file string) (string, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var cfg struct {
		BaseURL string `toml:"baseURL"`
	}
	if err := toml.Unmarshal(src, &cfg); err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	if cfg.BaseURL == "" {
		return "", fmt.Errorf("%s: set baseURL to the production address (canonical links need it)", file)
	}
	return cfg.BaseURL, nil
}

// siteProblems is the output check's failure: one line per problem, pointing
// at the content file (and line) that produced it where that can be found.
type siteProblems []string

func (s siteProblems) Error() string {
	return fmt.Sprintf("%d problem(s) in the built site:\n%s", len(s), strings.Join(s, "\n"))
}

func reportSiteProblems(root string, probs []sitecheck.Problem) error {
	out := make(siteProblems, 0, len(probs))
	for _, p := range probs {
		out = append(out, fmt.Sprintf("%s: %s%s", locate(root, p), p.Msg, fixFor(p.Msg)))
	}
	return out
}

var quotedURL = regexp.MustCompile(`(?:href|src|action)="([^"]+)"`)

// locate names the content file behind a page, with the line that holds the
// offending URL when it appears there literally.
func locate(root string, p sitecheck.Problem) string {
	src := sourceFile(root, p.Page)
	if src == "" {
		return "page " + p.Page
	}
	rel, _ := filepath.Rel(root, src)
	if m := quotedURL.FindStringSubmatch(p.Msg); m != nil {
		if line := findLine(src, m[1]); line > 0 {
			return fmt.Sprintf("%s:%d (page %s)", rel, line, p.Page)
		}
	}
	return fmt.Sprintf("%s (page %s)", rel, p.Page)
}

// sourceFile maps a URL path to the Markdown file Hugo rendered it from.
func sourceFile(root, page string) string {
	base := filepath.Join(root, "content", filepath.FromSlash(strings.Trim(page, "/")))
	for _, c := range []string{base + ".md", filepath.Join(base, "index.md"), filepath.Join(base, "_index.md")} {
		if exists(c) {
			return c
		}
	}
	return ""
}

func findLine(file, needle string) int {
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), needle) {
			return n
		}
	}
	return 0
}

func fixFor(msg string) string {
	switch {
	case strings.Contains(msg, "has no element with id"):
		return " — fix: link to an existing heading id (see the target page's headings) or add {#id} to the heading"
	case strings.Contains(msg, "no page or file at"):
		return " — fix: correct the path (site paths end with a slash, e.g. /guide/contracts/) or create the page"
	}
	return ""
}
