package csv

import (
	"bytes"
	"io"
)

// parse reads the fields of a record whose first line holds a quote into
// r.text, unquoted, reading more lines while a quoted field goes on.
func (r *Reader) parse(line []byte) error {
	r.text = r.text[:0]
	start := r.in.line
	for i := 0; ; i++ { // i steps over the comma before each next field
		i = r.skipSpace(line, i)
		f := field{start: len(r.text), at: position{r.in.line, i + 1}}
		if i < len(line) && line[i] == '"' {
			var err error
			if line, i, err = r.quoted(line, i+1, start); err != nil {
				return err
			}
			if i < len(line) && line[i] != ',' { // named at the closing quote
				return &ParseError{StartLine: start, Line: r.in.line, Column: i, Err: ErrQuote}
			}
		} else {
			end := bytes.IndexByte(line[i:], ',')
			if end < 0 {
				end = len(line) - i
			}
			if q := bytes.IndexByte(line[i:i+end], '"'); q >= 0 {
				return &ParseError{StartLine: start, Line: r.in.line, Column: i + q + 1, Err: ErrBareQuote}
			}
			r.text = append(r.text, line[i:i+end]...)
			i += end
		}
		f.end = len(r.text)
		r.fields = append(r.fields, f)
		if i == len(line) {
			r.end = position{r.in.line, i + 1}
			return nil
		}
	}
}

// quoted appends the text of the quoted field that starts at line[i],
// just after its opening quote, to r.text. It returns the line where the
// field closes and the index just after its closing quote there.
func (r *Reader) quoted(line []byte, i, start int) ([]byte, int, error) {
	open := position{r.in.line, i}
	for {
		q := bytes.IndexByte(line[i:], '"')
		if q < 0 { // the field goes on on the next line
			r.text = append(r.text, line[i:]...)
			r.text = append(r.text, '\n')
			next, err := r.in.next()
			if err == io.EOF {
				return nil, 0, &ParseError{StartLine: start, Line: open.line, Column: open.col, Err: ErrQuote}
			}
			if err != nil {
				return nil, 0, err
			}
			line, i = next, 0
			continue
		}
		r.text = append(r.text, line[i:i+q]...)
		i += q + 1
		if i == len(line) || line[i] != '"' {
			return line, i, nil
		}
		r.text = append(r.text, '"') // "" stands for one quote
		i++
	}
}
