package main

import (
	"fmt"
	"io"

	"safesource.dev/safesource/checker"
)

// writeEntity prints the result's entity section in the text format: one
// line per document with how its name or code compares, the account's
// country, and each answer the documents set aside, with why.
func writeEntity(w io.Writer, e *checker.Entity) {
	if e == nil || (len(e.Documents) == 0 && e.BankCountry == "" && len(e.SetAside) == 0) {
		return
	}
	io.WriteString(w, "  Documents:\n")
	for i := range e.Documents {
		d := &e.Documents[i]
		how := d.Match()
		if w := d.ComparedWith(); w != "" {
			how += " (against the " + w + ")"
		}
		fmt.Fprintf(w, "    %-13s %s: %s\n", d.Document(), checker.Printable(d.Value), how)
	}
	if e.BankCountry != "" {
		fmt.Fprintf(w, "    account in    %s\n", e.BankCountry)
	}
	for _, s := range e.SetAside {
		fmt.Fprintf(w, "  Answer set aside: %s = %s, because %s\n", s.Question, s.Answer, s.Reason)
	}
}
