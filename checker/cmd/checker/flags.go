package main

import (
	"errors"
	"flag"
	"io"
	"strconv"
	"strings"
)

// parseArgs parses flags that may appear before, between or after the
// positional arguments (checker score a.json --format json), stopping at "--".
// When it returns !ok the command exits with code: 0 after -h or --help
// (the usage goes to stdout), 2 for a bad flag.
func parseArgs(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) ([]string, bool, int) {
	fs.SetOutput(stderr)
	fs.Usage = func() {} // usage is printed below, once, to the right stream
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				io.WriteString(stdout, usage)
				return nil, false, exitOK
			}
			io.WriteString(stderr, usage)
			return nil, false, exitBadInput
		}
		consumed := len(args) - fs.NArg()
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, fs.Args()...), true, exitOK
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, true, exitOK
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
