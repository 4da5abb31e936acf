package csv

import (
	"bytes"
	stdcsv "encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// oracleInput turns data into the input on which encoding/csv should read
// what Reader reads from data, undoing the deliberate differences listed in
// the package comment: a leading byte order mark is dropped, and a CR that
// is not followed by LF becomes LF.
func oracleInput(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	out := make([]byte, 0, len(data))
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// FuzzReadMatchesStdlib reads the same input with Reader and with
// encoding/csv (on oracleInput) under the same options, record after
// record, errors included: both must return the same records at the same
// positions, and fail on the same records with the same kind of error on
// the same line and column. By design, the position of ErrQuote for a
// field never closed and that of ErrFieldCount differ, and FieldsPerRecord 0 takes the
// count from the first record read without error (encoding/csv counts the
// fields read before an error in the first record).
func FuzzReadMatchesStdlib(f *testing.F) {
	for _, c := range loadReadCases(f) {
		f.Add([]byte(c.Input), c.Trim, int8(c.Fields))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "exports", "*.csv"))
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(data, true, int8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, trim bool, fields int8) {
		mine := NewReader(bytes.NewReader(data))
		std := stdcsv.NewReader(bytes.NewReader(oracleInput(data)))
		mine.TrimLeadingSpace, std.TrimLeadingSpace = trim, trim
		mine.FieldsPerRecord, std.FieldsPerRecord = int(fields), int(fields)
		mine.ReuseRecord = fields%2 == 0
		for n := 1; ; n++ {
			if n > len(data)+2 { // every Read but the last takes a line
				t.Fatalf("%d reads of %d bytes", n, len(data))
			}
			got, err := mine.Read()
			want, stdErr := std.Read()
			compareRead(t, n, got, err, want, stdErr, mine.in.err == io.EOF && mine.in.head == mine.in.tail)
			if mine.FieldsPerRecord == 0 {
				std.FieldsPerRecord = 0 // it counts a record that failed too
			}
			if err != nil && !errors.Is(err, ErrFieldCount) {
				if err == io.EOF {
					return
				}
				continue
			}
			for i := range got {
				line, col := mine.FieldPos(i)
				wl, wc := std.FieldPos(i)
				if line != wl || col != wc {
					t.Fatalf("record %d field %d at %d:%d, encoding/csv says %d:%d", n, i, line, col, wl, wc)
				}
			}
		}
	})
}

// compareRead fails t unless one Read of each reader agrees. Where the
// position of ErrQuote differs by design (a field never closed), the reader
// must be at the end of its input (atEnd).
func compareRead(t *testing.T, n int, got []string, err error, want []string, stdErr error, atEnd bool) {
	t.Helper()
	var pe *ParseError
	var stdPE *stdcsv.ParseError
	switch {
	case err == nil && stdErr == nil, err == io.EOF && stdErr == io.EOF:
	case errors.As(err, &pe) && errors.As(stdErr, &stdPE):
		if kindOf(pe.Err) != kindOf(stdPE.Err) || pe.StartLine != stdPE.StartLine {
			t.Fatalf("record %d: %v, encoding/csv: %v", n, err, stdErr)
		}
		samePlace := pe.Line == stdPE.Line && pe.Column == stdPE.Column
		if !samePlace && (pe.Err == ErrBareQuote || pe.Err == ErrQuote && !atEnd) {
			t.Fatalf("record %d: %v, encoding/csv: %v", n, err, stdErr)
		}
	default:
		t.Fatalf("record %d: %q, %v; encoding/csv: %q, %v", n, got, err, want, stdErr)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("record %d: %q, encoding/csv: %q", n, got, want)
	}
}

// kindOf names the error kinds the two packages share.
func kindOf(err error) string {
	switch err {
	case ErrBareQuote, stdcsv.ErrBareQuote:
		return "bare quote"
	case ErrQuote, stdcsv.ErrQuote:
		return "quote"
	case ErrFieldCount, stdcsv.ErrFieldCount:
		return "field count"
	}
	return err.Error()
}
