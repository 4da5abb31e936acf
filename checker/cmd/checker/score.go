package main

import (
	"bufio"
	"errors"
	"flag"
	"io"
	"os"
	"strconv"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/profiles"
)

var bands = []string{"low", "moderate", "high", "critical"}

func bandRank(band string) int {
	for i, b := range bands {
		if b == band {
			return i
		}
	}
	return -1
}

// session scores a stream of profiles into one output and remembers whether
// any input was bad and the worst band seen, for the exit status.
type session struct {
	out    emitter
	stderr io.Writer
	bad    bool
	worst  int // rank of the worst band scored, -1 before any
	scorer checker.Scorer
}

// origin says where a profile came from, for the text report.
type origin struct {
	file  string
	line  int // CSV row line, or 0
	index int // position in a JSON or YAML list (1-based), or 0 for a lone profile
}

func (o origin) String() string {
	switch {
	case o.line > 0:
		return o.file + ":" + strconv.Itoa(o.line)
	case o.index > 0:
		return o.file + " #" + strconv.Itoa(o.index)
	default:
		return o.file
	}
}

func (s *session) score(from origin, p *checker.Profile) error {
	r := s.scorer.Score(p) // valid until the next profile: emitters write it at once
	s.worst = max(s.worst, bandRank(r.Band))
	return s.out.emit(from, p, r)
}

// report prints every input problem on its own line.
func (s *session) report(err error) {
	s.bad = true
	var list checker.InputErrors
	var one *checker.InputError
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			io.WriteString(s.stderr, e.Error()+"\n")
		}
	case errors.As(err, &one):
		io.WriteString(s.stderr, one.Error()+"\n")
	default:
		io.WriteString(s.stderr, err.Error()+"\n")
	}
}

func runScore(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("checker score", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text, json or csv")
	failOn := fs.String("fail-on", "", "exit 1 if any profile's band is at least this: low, moderate, high or critical")
	files, ok := parseArgs(fs, args, stderr)
	if !ok {
		return exitBadInput
	}
	if !oneOf("format", *format, []string{"text", "json", "csv"}, stderr) {
		return exitBadInput
	}
	threshold := -1
	if *failOn != "" {
		if !oneOf("fail-on", *failOn, bands, stderr) {
			return exitBadInput
		}
		threshold = bandRank(*failOn)
	}
	if len(files) == 0 {
		io.WriteString(stderr, "checker score: no input: give one or more FILEs, or - for standard input\n"+usage)
		return exitBadInput
	}

	w := bufio.NewWriterSize(stdout, 64<<10)
	s := &session{out: newEmitter(*format, w), stderr: stderr, worst: -1}
	for _, file := range files {
		if err := s.scoreFile(file, stdin); err != nil {
			io.WriteString(stderr, "checker: writing results: "+err.Error()+"\n")
			return exitBadInput
		}
	}
	err := s.out.finish()
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		io.WriteString(stderr, "checker: writing results: "+err.Error()+"\n")
		return exitBadInput
	}
	switch {
	case s.bad:
		return exitBadInput
	case threshold >= 0 && s.worst >= threshold:
		return exitFailOn
	default:
		return exitOK
	}
}

// scoreFile scores every profile in one input. Input problems are reported
// and remembered; only output failures are returned.
func (s *session) scoreFile(file string, stdin io.Reader) error {
	name := file
	var data []byte
	var err error
	if file == "-" {
		name = "stdin"
		data, err = io.ReadAll(stdin)
	} else {
		if profiles.DetectFormat(file, nil) == profiles.CSV {
			return s.scoreCSVFile(file)
		}
		data, err = os.ReadFile(file)
	}
	if err != nil {
		s.report(&checker.InputError{File: name, Problem: "cannot read: " + err.Error()})
		return nil
	}
	if file == "-" && profiles.DetectFormat(name, data) == profiles.CSV {
		s.report(&checker.InputError{File: name, Problem: "standard input takes JSON or YAML; pass a CSV as a file"})
		return nil
	}
	list, err := profiles.Decode(name, data)
	if err != nil {
		s.report(err)
	}
	for i := range list {
		from := origin{file: name}
		if len(list) > 1 {
			from.index = i + 1
		}
		if err := s.score(from, &list[i]); err != nil {
			return err
		}
	}
	return nil
}

func (s *session) scoreCSVFile(file string) error {
	f, err := os.Open(file)
	if err != nil {
		s.report(&checker.InputError{File: file, Problem: "cannot read: " + err.Error()})
		return nil
	}
	defer f.Close()
	return s.scoreCSV(file, bufio.NewReaderSize(f, 64<<10))
}

// scoreCSV streams a CSV batch: every row is scored or reported as it is
// read, so memory stays flat however large the file.
func (s *session) scoreCSV(file string, r io.Reader) error {
	cr, err := profiles.NewCSVReader(file, r)
	if err != nil {
		s.report(err)
		return nil
	}
	var p checker.Profile
	for {
		err := cr.ReadInto(&p)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			s.report(err)
			continue
		}
		if err := s.score(origin{file: file, line: cr.Line()}, &p); err != nil {
			return err
		}
	}
}
