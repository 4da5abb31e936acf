package main

import (
	"flag"
	"io"
	"strconv"
	"strings"
)

// parseArgs parses flags that may appear before, between or after the
// positional arguments (checker score a.json --format json), stopping at "--".
func parseArgs(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, bool) {
	fs.SetOutput(stderr)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		consumed := len(args) - fs.NArg()
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, fs.Args()...), true
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// oneOf checks a flag value against its allowed values.
func oneOf(flagName, value string, allowed []string, stderr io.Writer) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	io.WriteString(stderr, "checker: --"+flagName+" "+quote(value)+" is not supported (allowed: "+strings.Join(allowed, ", ")+")\n")
	return false
}

func quote(s string) string { return strconv.Quote(s) }
