package main

import (
	"bufio"
	"flag"
	"io"
	"os"
	"strconv"
	"strings"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/profiles"
)

// maxReported is how many input problems are printed; the rest are counted.
const maxReported = 100

// session scores a stream of profiles into one output and remembers whether
// any input was bad and the worst band seen, for the exit status. Problems
// are printed as they are found (stderr is buffered), up to maxReported.
type session struct {
	out      emitter
	problems checker.Problems
	worst    int // rank of the worst band scored, -1 before any
	scorer   checker.Scorer
}

// newSession writes results in format to w and problems to stderr.
func newSession(format string, w *bufio.Writer, stderr io.Writer) *session {
	s := &session{out: newEmitter(format, w), worst: -1}
	s.scorer.NoImprovements = format == "csv" // the csv output does not show them
	s.problems = checker.Problems{Limit: maxReported, Report: func(e *checker.InputError) {
		io.WriteString(stderr, e.Error()+"\n")
	}}
	return s
}

func (s *session) bad() bool { return s.problems.Count() > 0 }

// origin says where a profile came from, for the text report.
type origin struct {
	file  string
	line  int // CSV row line, or 0
	index int // position in a JSON or YAML list (1-based), or 0 for a lone profile
}

func (o origin) String() string {
	switch {
	case o.line > 0:
		return checker.Printable(o.file) + ":" + strconv.Itoa(o.line)
	case o.index > 0:
		return checker.Printable(o.file) + " #" + strconv.Itoa(o.index)
	default:
		return checker.Printable(o.file)
	}
}

func (s *session) score(from origin, p *checker.Profile) error {
	r := s.scorer.Score(p) // valid until the next profile: emitters write it at once
	s.worst = max(s.worst, checker.BandRank(r.Band))
	return s.out.emit(from, p, r)
}

// bandChoice lists the checker's bands as "low, moderate, high or critical".
func bandChoice() string {
	b := checker.Bands()
	return strings.Join(b[:len(b)-1], ", ") + " or " + b[len(b)-1]
}

func runScore(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("checker score", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text, json or csv")
	failOn := fs.String("fail-on", "", "exit 1 if any profile's band is at least this: "+bandChoice())
	files, ok, code := parseArgs(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if !oneOf("format", *format, []string{"text", "json", "csv"}, stderr) {
		return exitBadInput
	}
	threshold := -1
	if *failOn != "" {
		if !oneOf("fail-on", *failOn, checker.Bands(), stderr) {
			return exitBadInput
		}
		threshold = checker.BandRank(*failOn)
	}
	if len(files) == 0 {
		io.WriteString(stderr, "checker score: no input: give one or more FILEs, or - for standard input\n"+usage)
		return exitBadInput
	}

	w := bufio.NewWriterSize(stdout, 64<<10)
	ew := bufio.NewWriterSize(stderr, 16<<10)
	defer ew.Flush()
	s := newSession(*format, w, ew)
	for _, file := range files {
		if err := s.scoreFile(file, stdin); err != nil {
			io.WriteString(ew, "checker: writing results: "+err.Error()+"\n")
			return exitBadInput
		}
	}
	if e := s.problems.OmittedError(); e != nil {
		io.WriteString(ew, e.Error()+"\n")
	}
	err := s.out.finish()
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		io.WriteString(ew, "checker: writing results: "+err.Error()+"\n")
		return exitBadInput
	}
	switch {
	case s.bad():
		return exitBadInput
	case threshold >= 0 && s.worst >= threshold:
		return exitFailOn
	default:
		return exitOK
	}
}

// scoreFile scores every profile in one input, one at a time. Input
// problems are reported and remembered; only output failures are returned.
func (s *session) scoreFile(file string, stdin io.Reader) error {
	name := file
	var in io.Reader
	if file == "-" {
		name = "stdin"
		in = stdin
	} else {
		f, err := os.Open(file)
		if err != nil {
			s.problems.Add(&checker.InputError{File: name, Problem: "cannot read: " + err.Error()})
			return nil
		}
		defer f.Close()
		in = f
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(4 << 10)
	if profiles.DetectFormat(file, head) == profiles.CSV {
		return s.scoreCSV(name, br) // streamed: memory stays flat however large the file
	}
	// JSON and YAML are read whole (a 50 MB file takes 50 MB) and decoded
	// one profile at a time.
	var data []byte
	var err error
	if profiles.DetectFormat(name, head) == profiles.YAML {
		// Read no more than the YAML reader accepts: it refuses the rest.
		data, err = io.ReadAll(io.LimitReader(br, profiles.MaxYAML+1))
	} else {
		data, err = io.ReadAll(br)
	}
	if err != nil {
		s.problems.Add(&checker.InputError{File: name, Problem: "cannot read: " + err.Error()})
		return nil
	}
	for at, p := range profiles.Read(name, data, &s.problems) {
		if err := s.score(origin{file: name, index: at.Index}, p); err != nil {
			return err
		}
	}
	return nil
}

// scoreCSV streams a CSV batch: every row is scored or reported as it is
// read.
func (s *session) scoreCSV(file string, r io.Reader) error {
	for at, p := range profiles.ReadCSV(file, r, &s.problems) {
		if err := s.score(origin{file: file, line: at.Line}, p); err != nil {
			return err
		}
	}
	return nil
}
