package csv

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// readCase is one case of testdata/read.json: an input, the Reader's
// options, and what each Read returns until io.EOF.
type readCase struct {
	Name   string
	Input  string
	Trim   bool
	Fields int
	Want   []readStep
}

// readStep is what one Read returns: a record with the positions of its
// fields ("line:column"), an error with the line its record starts on and
// where it is, or both (ErrFieldCount).
type readStep struct {
	Record []string
	At     []string
	Error  string // ErrBareQuote, ErrQuote or ErrFieldCount
	Start  int
	ErrAt  string
}

// loadReadCases reads testdata/read.json.
func loadReadCases(tb testing.TB) []readCase {
	data, err := os.ReadFile(filepath.Join("testdata", "read.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var cases []readCase
	if err := json.Unmarshal(data, &cases); err != nil {
		tb.Fatal(err)
	}
	return cases
}

// sources gives the input whole and in pieces that split lines and line
// breaks at every byte.
var sources = map[string]func(string) io.Reader{
	"whole":     func(s string) io.Reader { return strings.NewReader(s) },
	"bytewise":  func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
	"halves":    func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
	"eof early": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
}

// TestReadCases runs every case of testdata/read.json on every source.
func TestReadCases(t *testing.T) {
	for _, c := range loadReadCases(t) {
		for name, source := range sources {
			t.Run(c.Name+"/"+name, func(t *testing.T) {
				r := NewReader(source(c.Input))
				r.TrimLeadingSpace, r.FieldsPerRecord = c.Trim, c.Fields
				for i, want := range c.Want {
					record, err := r.Read()
					if got := describe(r, record, err); !equalStep(got, want) {
						t.Fatalf("read %d: got %+v, want %+v", i+1, got, want)
					}
				}
				if record, err := r.Read(); err != io.EOF {
					t.Fatalf("after the last record: %q, %v; want io.EOF", record, err)
				}
			})
		}
	}
}

// describe puts what Read returned in the form of a readStep.
func describe(r *Reader, record []string, err error) readStep {
	var s readStep
	var pe *ParseError
	if err == nil || errors.As(err, &pe) {
		s.Record = record
		for i := range record {
			s.At = append(s.At, place(r.FieldPos(i)))
		}
	}
	switch {
	case pe != nil:
		s.Error = map[error]string{ErrBareQuote: "ErrBareQuote", ErrQuote: "ErrQuote", ErrFieldCount: "ErrFieldCount"}[pe.Err]
		s.Start, s.ErrAt = pe.StartLine, place(pe.Line, pe.Column)
	case err != nil:
		s.Error = err.Error()
	}
	return s
}

// place writes a position as "line:column".
func place(line, col int) string { return strconv.Itoa(line) + ":" + strconv.Itoa(col) }

// equalStep compares got with want, positions only where want gives them.
func equalStep(got, want readStep) bool {
	if want.At == nil {
		got.At = nil
	}
	return slices.Equal(got.Record, want.Record) && slices.Equal(got.At, want.At) &&
		got.Error == want.Error && got.Start == want.Start && got.ErrAt == want.ErrAt
}

// TestReadExports checks that whole files shaped as spreadsheets save them
// (testdata/exports/*.csv) read as the records in the .json file beside each, with the options the
// checker's profile reader uses.
func TestReadExports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "exports", "*.csv"))
	if len(files) == 0 {
		t.Fatal("no files in testdata/exports")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		wantJSON, err := os.ReadFile(strings.TrimSuffix(file, ".csv") + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		if err := json.Unmarshal(wantJSON, &want); err != nil {
			t.Fatal(err)
		}
		r := NewReader(strings.NewReader(string(data)))
		r.TrimLeadingSpace, r.ReuseRecord = true, true
		for i, record := range want {
			if got, err := r.Read(); err != nil || !slices.Equal(got, record) {
				t.Fatalf("%s record %d: %q, %v; want %q", file, i+1, got, err, record)
			}
		}
		if got, err := r.Read(); err != io.EOF {
			t.Fatalf("%s: %q, %v after the last record", file, got, err)
		}
	}
}

// TestReadInvalidUTF8 checks that bytes that are not UTF-8 pass through
// untouched (checking the text is the caller's business); JSON cannot hold
// them, so they are tested here.
func TestReadInvalidUTF8(t *testing.T) {
	r := NewReader(strings.NewReader("\xff,\xc2\n\"a\xfe\"\n"))
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	for _, want := range [][]string{{"\xff", "\xc2"}, {"a\xfe"}} {
		if got, err := r.Read(); err != nil || !slices.Equal(got, want) {
			t.Fatalf("got %q, %v; want %q", got, err, want)
		}
	}
}

// TestReadLongLines reads lines longer than the buffer, and many short
// CR-only lines, whole and with their line numbers.
func TestReadLongLines(t *testing.T) {
	long := strings.Repeat("x", 3*bufSize+7)
	input := long + "," + long + "\r\"" + long + "\n" + long + "\"\r" + strings.Repeat("a\r", 5000)
	r := NewReader(strings.NewReader(input))
	r.FieldsPerRecord = -1
	for i, want := range [][]string{{long, long}, {long + "\n" + long}} {
		if got, err := r.Read(); err != nil || !slices.Equal(got, want) {
			t.Fatalf("record %d: %d fields, %v", i+1, len(got), err)
		}
	}
	for i := range 5000 {
		if got, err := r.Read(); err != nil || len(got) != 1 || got[0] != "a" {
			t.Fatalf("short line %d: %q, %v", i+1, got, err)
		}
		if line, _ := r.FieldPos(0); line != i+4 {
			t.Fatalf("short line %d on line %d", i+1, line)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("at the end: %v", err)
	}
}

// TestReadSourceError checks that an error from the underlying reader comes
// back as it is, not as a ParseError, in the middle of a record too.
func TestReadSourceError(t *testing.T) {
	broken := errors.New("disk on fire")
	for _, input := range []string{"a,b\n", "a,\"b\n", "a,b", "a\r"} {
		r := NewReader(io.MultiReader(strings.NewReader(input), iotest.ErrReader(broken)))
		r.FieldsPerRecord = -1
		var err error
		for range 3 {
			if _, err = r.Read(); err != nil {
				break
			}
		}
		if err != broken {
			t.Errorf("%q: got %v, want the reader's error", input, err)
		}
		if got, _ := r.Read(); len(got) != 0 {
			t.Errorf("%q: read %q after the error", input, got)
		}
	}
}

// TestReadNoProgress checks that a reader that never returns data ends in
// io.ErrNoProgress, not a hang.
func TestReadNoProgress(t *testing.T) {
	r := NewReader(emptyReader{})
	if _, err := r.Read(); err != io.ErrNoProgress {
		t.Fatalf("got %v", err)
	}
}

// emptyReader returns no data and no error, forever.
type emptyReader struct{}

// Read returns 0, nil.
func (emptyReader) Read([]byte) (int, error) { return 0, nil }

// TestReuseRecord checks that ReuseRecord returns the same slice each time,
// and that without it every record is a slice of its own.
func TestReuseRecord(t *testing.T) {
	for _, reuse := range []bool{false, true} {
		r := NewReader(strings.NewReader("a,b\nc,d\n"))
		r.ReuseRecord = reuse
		first, _ := r.Read()
		firstCopy := slices.Clone(first)
		second, _ := r.Read()
		if same := &first[0] == &second[0]; same != reuse {
			t.Errorf("ReuseRecord %v: same slice %v", reuse, same)
		}
		if !reuse && !slices.Equal(first, firstCopy) {
			t.Errorf("the first record changed to %q", first)
		}
	}
}

// TestFieldPosOutOfRange checks that FieldPos answers 0, 0 for a field
// that is not there.
func TestFieldPosOutOfRange(t *testing.T) {
	r := NewReader(strings.NewReader("a\n"))
	for _, i := range []int{-1, 0, 1} {
		if line, col := r.FieldPos(i); line != 0 || col != 0 {
			t.Errorf("before any Read, FieldPos(%d) = %d, %d", i, line, col)
		}
	}
	r.Read()
	if line, col := r.FieldPos(1); line != 0 || col != 0 {
		t.Errorf("FieldPos(1) of one field = %d, %d", line, col)
	}
}

// TestParseErrorText checks the text of a ParseError and its Unwrap.
func TestParseErrorText(t *testing.T) {
	for _, c := range []struct {
		err  ParseError
		want string
	}{
		{ParseError{StartLine: 3, Line: 3, Column: 7, Err: ErrBareQuote}, "line 3, column 7: " + ErrBareQuote.Error()},
		{ParseError{StartLine: 2, Line: 4, Column: 1, Err: ErrQuote}, "line 4, column 1 of the record from line 2: " + ErrQuote.Error()},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
		if !errors.Is(&c.err, c.err.Err) {
			t.Errorf("%v does not unwrap", &c.err)
		}
	}
}
