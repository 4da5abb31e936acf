package csv

import (
	"errors"
	"strconv"
)

// The kinds of malformed CSV; a ParseError wraps one of them.
var (
	// ErrBareQuote is a quote inside a field that does not start with one.
	ErrBareQuote = errors.New(`csv: a quote (") in a field that does not start with one`)
	// ErrQuote is a quoted field never closed, or text after its closing quote.
	ErrQuote = errors.New("csv: a quoted field is not closed, or text follows its closing quote")
	// ErrFieldCount is a record with another number of fields than
	// FieldsPerRecord.
	ErrFieldCount = errors.New("csv: the record has the wrong number of fields")
)

// ParseError is the error Read returns for malformed CSV: where the record
// starts, and the line and column (1-based, in bytes) of what is wrong.
type ParseError struct {
	StartLine int   // line where the record starts
	Line      int   // line of the error
	Column    int   // column of the error, counting bytes from 1
	Err       error // ErrBareQuote, ErrQuote or ErrFieldCount
}

// Error returns "line L, column C: problem", naming the record's first line
// too when the error is on a later one.
func (e *ParseError) Error() string {
	s := "line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column)
	if e.StartLine != e.Line {
		s += " of the record from line " + strconv.Itoa(e.StartLine)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the kind of error, for errors.Is.
func (e *ParseError) Unwrap() error { return e.Err }
