package checker

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// contract holds the link targets and source keys listed in
// docs/CONTENT-CONTRACT.md, the agreement between the site and these rules.
type contract struct {
	sources  []string
	anchors  map[string][]string // guide page -> required anchors
	redFlags []string
	playbook []string
}

func readContract(t *testing.T) contract {
	t.Helper()
	path := filepath.Join("..", "docs", "CONTENT-CONTRACT.md")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the content contract is needed to check guide links: %v", err)
	}
	defer f.Close()
	c := contract{anchors: map[string][]string{}, sources: sourceKeys(t)}
	guideRow := regexp.MustCompile(`^\| (/guide/[a-z0-9-]+/) \| (.*) \|$`)
	var section, inList string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			section, inList = line, ""
		}
		switch {
		case guideRow.MatchString(line):
			m := guideRow.FindStringSubmatch(line)
			for _, a := range strings.Split(m[2], ",") {
				c.anchors[m[1]] = append(c.anchors[m[1]], strings.TrimPrefix(strings.TrimSpace(a), "#"))
			}
		case strings.HasPrefix(line, "Slugs:"):
			inList = "red-flags"
			line = strings.TrimPrefix(line, "Slugs:")
		case strings.HasPrefix(section, "### /playbook/") && inList == "" && strings.Contains(line, "stop-and-secure"):
			inList = "playbook"
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "Every"):
			inList = ""
		}
		if inList != "" {
			for _, s := range strings.Split(line, ",") {
				s = strings.Trim(strings.TrimSpace(s), ".")
				if s == "" {
					continue
				}
				if inList == "red-flags" {
					c.redFlags = append(c.redFlags, s)
				} else {
					c.playbook = append(c.playbook, s)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(c.sources) < 5 || len(c.anchors) < 10 || len(c.redFlags) < 10 || len(c.playbook) < 5 {
		t.Fatalf("could not read the contract (format changed?): %d sources, %d guide pages, %d red flags, %d playbook steps",
			len(c.sources), len(c.anchors), len(c.redFlags), len(c.playbook))
	}
	return c
}

// Every guide link points at a page and anchor the contract lists, every
// red-flag page has at least one rule pointing at it, and every rule cites a
// source key from the contract.
func TestGuideLinksFollowContract(t *testing.T) {
	c := readContract(t)
	for _, link := range GuideLinks() {
		path, anchor, _ := strings.Cut(link, "#")
		switch {
		case strings.HasPrefix(path, "/red-flags/"):
			slug := strings.Trim(strings.TrimPrefix(path, "/red-flags/"), "/")
			if !slices.Contains(c.redFlags, slug) || anchor != "why-it-matters" {
				t.Errorf("%s: not a red-flag page and section in the contract", link)
			}
		case strings.HasPrefix(path, "/guide/"):
			if !slices.Contains(c.anchors[path], anchor) {
				t.Errorf("%s: the contract lists no anchor #%s on %s (it has %v)", link, anchor, path, c.anchors[path])
			}
		case strings.HasPrefix(path, "/playbook/"):
			slug := strings.Trim(strings.TrimPrefix(path, "/playbook/"), "/")
			if !slices.Contains(c.playbook, slug) || anchor != "" {
				t.Errorf("%s: not a playbook page in the contract", link)
			}
		default:
			t.Errorf("%s: links outside /red-flags/, /guide/ and /playbook/", link)
		}
	}
	for _, slug := range c.redFlags {
		link := "/red-flags/" + slug + "/#why-it-matters"
		if !slices.ContainsFunc(defaultRules.rules, func(r rule) bool { return r.guide == link }) {
			t.Errorf("red-flag page %s has no rule pointing to it", slug)
		}
	}
	for _, r := range append(slices.Clone(defaultRules.rules), defaultRules.positives...) {
		if !slices.Contains(c.sources, r.source) || r.source == "official-site" {
			t.Errorf("%s cites %q, which is not a source key for rules in the contract", r.id, r.source)
		}
	}
	if links := GuideLinks(); !slices.IsSorted(links) || len(slices.Compact(slices.Clone(links))) != len(links) {
		t.Error("GuideLinks must be sorted and distinct")
	}
}

// sourceKeys reads the top-level keys of data/sources.yaml, the source
// documents citations may name (docs/CONTENT-CONTRACT.md, "Sources and
// citations").
func sourceKeys(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "data", "sources.yaml"))
	if err != nil {
		t.Fatalf("the source list is needed to check rule sources: %v", err)
	}
	key := regexp.MustCompile(`(?m)^([a-z0-9][a-z0-9-]*):\s*$`)
	var out []string
	for _, m := range key.FindAllStringSubmatch(string(data), -1) {
		out = append(out, m[1])
	}
	return out
}
