package csv

import (
	"bytes"
	"io"
	"unicode"
	"unicode/utf8"
)

// Reader reads records from CSV text (see the package comment for what it
// accepts). Set its options before the first Read.
type Reader struct {
	// FieldsPerRecord is the number of fields every record must have:
	// when it is 0, Read sets it to the number in the first record read
	// without error; when it is negative, records may differ. A record with another number of
	// fields is returned with a ParseError wrapping ErrFieldCount.
	FieldsPerRecord int

	// TrimLeadingSpace drops white space (unicode.IsSpace) at the start of
	// every field, before a quote that opens a quoted field too.
	TrimLeadingSpace bool

	// ReuseRecord lets Read return the same slice each time, overwritten by
	// the next call, to save an allocation per record.
	ReuseRecord bool

	in     lineSource
	text   []byte  // the fields of a record with quotes, unquoted
	fields []field // where each field of the last record is
	end    position
	record []string
}

// field is where one field of the last record is: its text, and the
// position of its first byte (its opening quote, for a quoted field).
type field struct {
	start, end int
	at         position
}

// position is a line and a 1-based byte column in it.
type position struct{ line, col int }

// NewReader returns a Reader reading from r, which it buffers itself.
func NewReader(r io.Reader) *Reader {
	return &Reader{in: lineSource{src: r}}
}

// Read returns the next record. At the end of the input it returns io.EOF;
// an error from the underlying reader is returned as it is. Malformed CSV
// is a *ParseError, returned with the fields read before it (with
// ErrFieldCount, the whole record); reading can go on after it.
func (r *Reader) Read() ([]string, error) {
	line, err := r.in.next()
	for err == nil && len(line) == 0 {
		line, err = r.in.next()
	}
	if err != nil {
		return nil, err
	}
	start := r.in.line
	r.fields = r.fields[:0]
	var s string
	if bytes.IndexByte(line, '"') < 0 {
		r.split(line) // the fields are slices of the line itself
		s = string(line)
	} else {
		err = r.parse(line)
		if _, ok := err.(*ParseError); err != nil && !ok {
			return nil, err
		}
		s = string(r.text)
	}
	record := r.record[:0]
	if !r.ReuseRecord {
		record = make([]string, 0, len(r.fields))
	}
	for _, f := range r.fields {
		record = append(record, s[f.start:f.end])
	}
	if r.ReuseRecord {
		r.record = record
	}
	if err != nil {
		return record, err
	}
	return record, r.countFields(start)
}

// countFields checks the number of fields of the last record against
// FieldsPerRecord, or sets it from the first record.
func (r *Reader) countFields(start int) error {
	n := len(r.fields)
	if r.FieldsPerRecord == 0 {
		r.FieldsPerRecord = n
	}
	if r.FieldsPerRecord < 0 || n == r.FieldsPerRecord {
		return nil
	}
	at := r.end
	if n > r.FieldsPerRecord {
		at = r.fields[r.FieldsPerRecord].at
	}
	return &ParseError{StartLine: start, Line: at.line, Column: at.col, Err: ErrFieldCount}
}

// FieldPos returns the line and column where field i of the record last
// returned by Read starts: its opening quote when it is quoted, its first
// byte after any trimmed space otherwise. It returns 0, 0 for an i out of
// range.
func (r *Reader) FieldPos(i int) (line, column int) {
	if i < 0 || i >= len(r.fields) {
		return 0, 0
	}
	at := r.fields[i].at
	return at.line, at.col
}

// split finds the fields of a line without quotes, as slices of it.
func (r *Reader) split(line []byte) {
	i := 0
	for {
		i = r.skipSpace(line, i)
		end := bytes.IndexByte(line[i:], ',')
		if end < 0 {
			end = len(line)
		} else {
			end += i
		}
		r.fields = append(r.fields, field{i, end, position{r.in.line, i + 1}})
		if end == len(line) {
			r.end = position{r.in.line, end + 1}
			return
		}
		i = end + 1
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// white space, when TrimLeadingSpace is set; else i.
func (r *Reader) skipSpace(line []byte, i int) int {
	for r.TrimLeadingSpace && i < len(line) {
		c := line[i]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return i
			}
			i++
			continue
		}
		rn, size := utf8.DecodeRune(line[i:])
		if !unicode.IsSpace(rn) {
			return i
		}
		i += size
	}
	return i
}
