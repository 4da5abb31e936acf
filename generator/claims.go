package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"safesource.dev/safesource/generator/internal/contentcheck"
)

// runClaims prints the content problems (citations included) and the uncited claims (sentences
// that state a figure, a legal reference, a contact detail or a platform
// rule with neither a citation nor an own-policy mark) in the given files or
// folders, by default every section where claims must be cited. It exits 1
// when it printed anything, so writers can run it on the page they edit.
func runClaims(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generator claims", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "site root (the folder with content/ and data/)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = contentcheck.CitedSections
	}
	for i, p := range paths {
		paths[i] = filepath.ToSlash(filepath.Clean(p))
		if strings.HasPrefix(paths[i], "../") || filepath.IsAbs(p) {
			fmt.Fprintf(stderr, "generator claims: %s is outside the site root: give a path such as content/guide/safe-payment.md\n", p)
			return 2
		}
		if _, err := os.Stat(filepath.Join(*root, p)); err != nil {
			fmt.Fprintf(stderr, "generator claims: %v\n", err)
			return 2
		}
	}
	fsys := os.DirFS(*root)
	known, probs := contentcheck.LoadSources(fsys, "data/sources.yaml")
	pages := append(contentcheck.CheckPages(fsys, "content", known), contentcheck.DataCitations(fsys, known)...)
	for _, p := range pages {
		if inPaths(p.File, paths) {
			probs = append(probs, p)
		}
	}
	claims := contentcheck.Claims(fsys, paths)
	for _, p := range probs {
		fmt.Fprintln(stdout, p)
	}
	for _, c := range claims {
		fmt.Fprintln(stdout, c)
	}
	if len(probs)+len(claims) > 0 {
		fmt.Fprintf(stderr, "%d content problem(s), %d uncited claim(s)\n", len(probs), len(claims))
		return 1
	}
	return 0
}

func inPaths(file string, paths []string) bool {
	for _, p := range paths {
		if file == p || strings.HasPrefix(file, strings.TrimSuffix(p, "/")+"/") {
			return true
		}
	}
	return false
}
