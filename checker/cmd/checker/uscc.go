package main

import (
	"bufio"
	"flag"
	"io"

	"safesource.dev/safesource/checker"
)

func runUSCC(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("checker uscc", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text or json")
	codes, ok, code := parseArgs(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if !oneOf("format", *format, []string{"text", "json"}, stderr) {
		return exitBadInput
	}
	if len(codes) == 0 {
		io.WriteString(stderr, "checker uscc: give one or more codes\n"+usage)
		return exitBadInput
	}
	w := bufio.NewWriter(stdout)
	status := exitOK
	if *format == "json" {
		w.WriteString("[")
	}
	for i, code := range codes {
		r := checker.ValidateUSCC(code)
		if !r.Valid {
			status = exitFailOn
		}
		if *format == "json" {
			if i > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n")
			w.Write(r.AppendDecodedJSON(nil))
			continue
		}
		switch {
		case r.Valid:
			w.WriteString(checker.Printable(r.Code) + "  valid  " + r.Province + "\n")
			w.WriteString("  " + checker.DecodeUSCC(r).Sentence(r.Province) + "\n")
		case r.Province != "":
			w.WriteString(checker.Printable(r.Code) + "  invalid: " + checker.Printable(r.Error) + " (province " + r.Province + ")\n")
		default:
			w.WriteString(checker.Quote(code) + "  invalid: " + checker.Printable(r.Error) + "\n")
		}
	}
	if *format == "json" {
		w.WriteString("\n]\n")
	}
	if err := w.Flush(); err != nil {
		io.WriteString(stderr, "checker: writing results: "+err.Error()+"\n")
		return exitBadInput
	}
	return status
}
