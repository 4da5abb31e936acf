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
	Version   int           `json:"version"`
	Date      string        `json:"date"`
	Method    string        `json:"method"`
	Questions []questionDoc `json:"questions"`
	Rules     []ruleDoc     `json:"rules"`
	Positives []ruleDoc     `json:"positives"`
	Bands     []bandDoc     `json:"bands"`
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

type questionDoc struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Type   string `json:"type"`
	Values []struct {
		Value string `json:"value"`
	} `json:"values"`
	Unit string `json:"unit"`
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
	changes := fs.Bool("changes", false, "list what changed between rules versions instead of the rules")
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
	if *changes {
		if err := writeChanges(stdout, *format); err != nil {
			io.WriteString(stderr, "checker rules: "+err.Error()+"\n")
			return exitBadInput
		}
		return exitOK
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
	fmt.Fprintf(&b, "Rules version %d, %s (`checker rules --changes` lists what changed).\n\n", doc.Version, doc.Date)
	b.WriteString(doc.Method + "\n\n")
	b.WriteString("## Bands\n\n| band | score | meaning |\n|---|---|---|\n")
	for _, band := range doc.Bands {
		fmt.Fprintf(&b, "| %s | %d–%d | %s |\n", band.Band, band.Min, band.Max, band.Label)
	}
	b.WriteString("\n## Questions\n\n| id | question | answers |\n|---|---|---|\n")
	for _, q := range doc.Questions {
		answers := q.Type
		if len(q.Values) > 0 {
			names := make([]string, len(q.Values))
			for i, v := range q.Values {
				names[i] = v.Value
			}
			answers = strings.Join(names, ", ")
		} else if q.Unit != "" {
			answers += " (" + q.Unit + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", q.ID, cell(q.Label), cell(answers))
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

// writeChanges prints the rules changelog, newest version first.
func writeChanges(w io.Writer, format string) error {
	log := checker.Changelog()
	if format == "json" {
		type entry struct {
			Version int      `json:"version"`
			Date    string   `json:"date"`
			Summary []string `json:"summary"`
		}
		out := make([]entry, len(log))
		for i, c := range log {
			out[i] = entry{c.Version, c.Date, c.Summary}
		}
		data, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(data, '\n'))
		return err
	}
	var b strings.Builder
	b.WriteString("# Changes to the supplier risk rules\n")
	for i, c := range log {
		fmt.Fprintf(&b, "\n## v%d, %s\n\n", c.Version, c.Date)
		if i+1 < len(log) {
			fmt.Fprintf(&b, "Changes from v%d:\n\n", log[i+1].Version)
		}
		for _, line := range c.Summary {
			b.WriteString("- " + line + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
