// Command checker scores supplier profiles, validates credit codes and
// prints the rule table.
//
//	checker score [--format text|json|csv] [--fail-on BAND] FILE...
//	checker uscc [--format text|json] CODE...
//	checker rules [--format markdown|json] [--changes]
//
// FILE is a JSON or YAML profile (one, or a list), a CSV with a header row of
// field ids, or - for JSON or YAML on standard input.
//
// Exit status: 0 when everything was scored (or every code is valid), 1 when
// --fail-on is met (or a code is invalid), 2 for bad input or usage. Bad
// input is reported on standard error as file:line: field: problem; in a
// batch the good profiles are still scored.
package main

import (
	"io"
	"os"
	"strings"

	"safesource.dev/safesource/checker"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK       = 0
	exitFailOn   = 1
	exitBadInput = 2
)

// usage names the bands as the checker does.
var usage = `usage:
  checker score [--format text|json|csv] [--fail-on ` + strings.Join(checker.Bands(), "|") + `] FILE...
      Score supplier profiles. FILE is a .json or .yaml/.yml profile (one, or a
      list), a .csv with a header row of field ids (lists separated by ";"),
      or - for JSON or YAML on standard input.
  checker uscc [--format text|json] CODE...
      Validate Unified Social Credit Codes (GB 32100-2015).
  checker rules [--format markdown|json] [--changes]
      Print the questions, rules and scoring method; with --changes, what
      changed between rules versions.

Exit status: 0 scored, 1 --fail-on met (uscc: a code is invalid), 2 bad input.
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, usage)
		return exitBadInput
	}
	switch args[0] {
	case "score":
		return runScore(args[1:], stdin, stdout, stderr)
	case "uscc":
		return runUSCC(args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		io.WriteString(stdout, usage)
		return exitOK
	default:
		io.WriteString(stderr, "checker: unknown command "+quote(args[0])+"\n"+usage)
		return exitBadInput
	}
}
