package profiles

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/internal/csv"
)

// CSVReader reads profiles from CSV: a header row of field ids, then one
// profile per row. Empty cells are "not known"; list values are separated by
// ";" and "none" is an empty list.
type CSVReader struct {
	file   string
	r      *csv.Reader
	fields []checker.Field
	line   int // line of the last row read
}

// NewCSVReader reads and checks the header row. Every bad column is reported
// (with a suggestion for typos); a file with a bad header cannot be trusted
// row by row, so no CSVReader is returned then.
func NewCSVReader(file string, r io.Reader) (*CSVReader, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true // rows are decoded before the next Read
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, checker.InputErrors{{File: file, Line: 1, Problem: "the file is empty: expected a header row of field ids"}}
	}
	if err != nil {
		return nil, checker.InputErrors{csvError(file, err)}
	}
	c := &CSVReader{file: file, r: cr, fields: make([]checker.Field, len(header))}
	var errs checker.InputErrors
	seen := map[string]int{}
	for i, name := range header {
		name = strings.TrimSpace(name)
		if i == 0 {
			name = strings.TrimPrefix(name, "\uFEFF") // byte order mark from spreadsheet exports
		}
		line, _ := cr.FieldPos(i)
		if first, dup := seen[name]; dup {
			errs = append(errs, &checker.InputError{File: file, Line: line, Field: name, Problem: "column appears twice (columns " + strconv.Itoa(first+1) + " and " + strconv.Itoa(i+1) + ")"})
			continue
		}
		seen[name] = i
		f, err := checker.LookupField(name)
		if err != nil {
			e := placed(err, file, line)
			e.Problem = "unknown column " + strconv.Itoa(i+1) + ": " + e.Problem
			errs = append(errs, e)
			continue
		}
		c.fields[i] = f
	}
	if len(errs) > 0 {
		return nil, errs
	}
	cr.FieldsPerRecord = len(header)
	return c, nil
}

// Read returns the next profile. At the end it returns io.EOF. A bad row
// returns checker.InputErrors listing every bad cell; reading can go on with
// the next row.
func (c *CSVReader) Read() (checker.Profile, error) {
	var p checker.Profile
	if err := c.ReadInto(&p); err != nil {
		return checker.Profile{}, err
	}
	return p, nil
}

// ReadInto is Read into an existing profile, reusing its memory: batch
// scoring reads every row into the same profile.
func (c *CSVReader) ReadInto(p *checker.Profile) error {
	p.Reset()
	record, err := c.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return io.EOF
		}
		e := csvError(c.file, err)
		c.line = e.Line
		return checker.InputErrors{e}
	}
	c.line, _ = c.r.FieldPos(0)
	var errs checker.InputErrors
	for i, cell := range record {
		if err := p.SetField(c.fields[i], cell); err != nil {
			line, _ := c.r.FieldPos(i)
			errs = append(errs, placed(err, c.file, line))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Line returns the line of the row last read, for labelling results.
func (c *CSVReader) Line() int { return c.line }

func csvError(file string, err error) *checker.InputError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		problem := "malformed CSV: " + pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			problem = "this row has a different number of cells than the header; quote cells that contain commas"
		}
		return &checker.InputError{File: file, Line: pe.StartLine, Problem: problem}
	}
	return &checker.InputError{File: file, Problem: "cannot read CSV: " + err.Error()}
}

// DecodeCSV reads every row; it returns the good profiles in order and an
// InputErrors for the bad rows.
func DecodeCSV(file string, r io.Reader) ([]checker.Profile, error) {
	c, err := NewCSVReader(file, r)
	if err != nil {
		return nil, err
	}
	var profiles []checker.Profile
	var errs checker.InputErrors
	for {
		p, err := c.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var rowErrs checker.InputErrors
			if !errors.As(err, &rowErrs) {
				return profiles, err
			}
			errs = append(errs, rowErrs...)
			continue
		}
		profiles = append(profiles, p)
	}
	if len(errs) > 0 {
		return profiles, errs
	}
	return profiles, nil
}

// placed adds the position to an error from package checker.
func placed(err error, file string, line int) *checker.InputError {
	var ie *checker.InputError
	if errors.As(err, &ie) {
		e := *ie
		e.File, e.Line = file, line
		return &e
	}
	return &checker.InputError{File: file, Line: line, Problem: err.Error()}
}
