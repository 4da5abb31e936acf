package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"safesource.dev/safesource/generator/internal/contentcheck"
)

// runStale lists the pages and directory entries due for re-verification:
// those whose `reviewed` or `checked` date is older than the review cycle.
// It always exits 0 when it could run: dates age by themselves, and a list of
// reminders must never break a build.
func runStale(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generator stale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "site root (the folder with content/ and data/)")
	months := fs.Int("months", 6, "review cycle in months: anything older is listed")
	nowFlag := fs.String("now", "", "treat this date (YYYY-MM-DD) as today; default: the current date")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *months < 1 {
		fmt.Fprintln(stderr, "usage: go run ./generator stale [-months 6] [-now YYYY-MM-DD] [-root DIR]")
		return 2
	}
	now := time.Now().UTC()
	if *nowFlag != "" {
		t, err := time.Parse("2006-01-02", *nowFlag)
		if err != nil {
			fmt.Fprintf(stderr, "generator stale: -now %q is not a date — write it as YYYY-MM-DD\n", *nowFlag)
			return 2
		}
		now = t
	}
	cutoff := now.AddDate(0, -*months, 0)
	items, probs := contentcheck.Stale(os.DirFS(*root), "content", "data/contacts.yaml", cutoff)
	for _, p := range probs {
		fmt.Fprintf(stderr, "generator stale: warning: %s\n", p)
	}
	if len(items) == 0 {
		fmt.Fprintf(stdout, "nothing to re-verify: every page and directory entry was reviewed on or after %s\n", cutoff.Format("2006-01-02"))
		return 0
	}
	fmt.Fprintf(stdout, "%d item(s) last reviewed before %s (older than %d months); re-verify them, then update the date:\n", len(items), cutoff.Format("2006-01-02"), *months)
	for _, it := range items {
		fmt.Fprintln(stdout, it)
	}
	return 0
}
