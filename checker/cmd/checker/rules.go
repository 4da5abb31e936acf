package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"safesource.dev/safesource/checker"
)

// rulesDoc is the part of checker.RulesJSON the markdown table shows.
type rulesDoc struct {
	Method    string    `json:"method"`
	Rules     []ruleDoc `json:"rules"`
	Positives []ruleDoc `json:"positives"`
	Bands     []bandDoc `json:"bands"`
}

type ruleDoc struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Points   int    `json:"points"`
	Title    string `json:"title"`
	Source   string `json:"source"`
	Guide    string `json:"guide"`
	When     string `json:"when"`
}

type bandDoc struct {
	Band  string `json:"band"`
	Min   int    `json:"min"`
	Max   int    `json:"max"`
	Label string `json:"label"`
}

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("checker rules", flag.ContinueOnError)
	format := fs.String("format", "markdown", "output format: markdown or json")
	rest, ok, code := parseArgs(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if !oneOf("format", *format, []string{"markdown", "json"}, stderr) {
		return exitBadInput
	}
	if len(rest) > 0 {
		io.WriteString(stderr, "checker rules: unexpected argument "+quote(rest[0])+"\n")
		return exitBadInput
	}
	data, err := checker.RulesJSON()
	if err == nil {
		if *format == "json" {
			var out bytes.Buffer
			if err = json.Indent(&out, data, "", "  "); err == nil {
				out.WriteByte('\n')
				_, err = stdout.Write(out.Bytes())
			}
		} else {
			err = writeRulesMarkdown(stdout, data)
		}
	}
	if err != nil {
		io.WriteString(stderr, "checker rules: "+err.Error()+"\n")
		return exitBadInput
	}
	return exitOK
}

func writeRulesMarkdown(w io.Writer, data []byte) error {
	var doc rulesDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("read the rules data: %w", err)
	}
	var b strings.Builder
	b.WriteString("# Supplier risk rules\n\n")
	b.WriteString(doc.Method + "\n\n")
	b.WriteString("## Bands\n\n| band | score | meaning |\n|---|---|---|\n")
	for _, band := range doc.Bands {
		fmt.Fprintf(&b, "| %s | %d–%d | %s |\n", band.Band, band.Min, band.Max, band.Label)
	}
	b.WriteString("\n## Red flags\n\n| id | severity | points | when | title | source | guide |\n|---|---|---|---|---|---|---|\n")
	for _, r := range doc.Rules {
		fmt.Fprintf(&b, "| %s | %s | %+d | %s | %s | %s | %s |\n", r.ID, r.Severity, r.Points, cell(r.When), cell(r.Title), r.Source, r.Guide)
	}
	b.WriteString("\n## Positive signs\n\n| id | points | when | title | source | guide |\n|---|---|---|---|---|---|\n")
	for _, r := range doc.Positives {
		fmt.Fprintf(&b, "| %s | %+d | %s | %s | %s | %s |\n", r.ID, r.Points, cell(r.When), cell(r.Title), r.Source, r.Guide)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell escapes text for a markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}
