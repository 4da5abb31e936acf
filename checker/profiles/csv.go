package profiles

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"iter"
	"strconv"
	"strings"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/internal/csv"
)

// maxCSVLine bounds one physical line of a CSV: a profile row is a few
// hundred bytes, and the CSV reader holds a whole record in memory.
const maxCSVLine = 1 << 20

// CSVReader reads profiles from CSV: a header row of field ids, then one
// profile per row. Empty cells are "not known"; list values are separated by
// ";" and "none" is an empty list. Every cell first goes through
// checker.RestoreCell, which removes the quote that CSV exports put in front
// of cells a spreadsheet would run as a formula.
type CSVReader struct {
	file   string
	r      *csv.Reader
	fields []checker.Field
	line   int // line of the last row read
	rows   int // rows read, good or bad
}

// prepareCSV makes any CSV readable by the CSV reader: a UTF-8 byte order
// mark is dropped, UTF-16 is decoded, and CR-only line endings become LF.
// (The reader also skips a byte order mark and reads a lone CR as a line
// end; this keeps the line limit and the UTF-16 path in one place.)
func prepareCSV(r io.Reader) (io.Reader, *checker.InputError) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		head = head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}), len(head) >= 4 && (head[0] == 0 || head[1] == 0):
		// UTF-16 or UTF-32: rare and small, so decode it whole.
		data, err := io.ReadAll(io.LimitReader(br, 64<<20))
		if err != nil {
			return nil, &checker.InputError{Problem: "cannot read: " + err.Error()}
		}
		text, bad := checker.DecodeText(data)
		if bad != nil {
			return nil, bad
		}
		return bytes.NewReader(text), nil
	}
	var out io.Reader = br
	if bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0 {
		out = crReader{br}
	}
	return &lineLimiter{r: out}, nil
}

// crReader turns old Mac line endings (CR alone) into LF.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// errLongLine stops a CSV whose line is too long to be a profile row.
var errLongLine = errors.New("a line is longer than 1 MB, far longer than any profile row: check the file is a CSV of profiles")

// lineLimiter fails when a physical line exceeds maxCSVLine bytes.
type lineLimiter struct {
	r   io.Reader
	run int // bytes since the last LF
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for rest := p[:n]; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			l.run += len(rest)
			break
		}
		if l.run+i > maxCSVLine {
			return 0, errLongLine
		}
		l.run, rest = 0, rest[i+1:]
	}
	if l.run > maxCSVLine {
		return 0, errLongLine
	}
	return n, err
}

// NewCSVReader reads and checks the header row. Every bad column is reported
// (with a suggestion for typos); a file with a bad header cannot be trusted
// row by row, so no CSVReader is returned then.
func NewCSVReader(file string, r io.Reader) (*CSVReader, error) {
	var errs checker.InputErrors
	ps := &checker.Problems{Limit: 100, Report: func(e *checker.InputError) { errs = append(errs, e) }}
	c := newCSVReader(file, r, ps)
	if c == nil {
		if e := ps.OmittedError(); e != nil {
			e.File = file
			errs = append(errs, e)
		}
		return nil, errs
	}
	return c, nil
}

func newCSVReader(file string, r io.Reader, ps *checker.Problems) *CSVReader {
	add := func(line int, field, problem string) {
		ps.Add(&checker.InputError{File: file, Line: line, Field: field, Problem: problem})
	}
	in, bad := prepareCSV(r)
	if bad != nil {
		bad.File = file
		ps.Add(bad)
		return nil
	}
	cr := csv.NewReader(in)
	cr.ReuseRecord = true // rows are decoded before the next Read
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		add(1, "", "the file is empty: expected a header row of field ids, then one row per profile")
		return nil
	}
	if err != nil {
		ps.Add(csvError(file, err))
		return nil
	}
	c := &CSVReader{file: file, r: cr, fields: make([]checker.Field, len(header))}
	before := ps.Count()
	seen := map[string]int{}
	for i, name := range header {
		name = strings.TrimSpace(name)
		line, _ := cr.FieldPos(i)
		if !ps.Wants() {
			if _, err := checker.LookupField(name); err != nil || seen[name] > 0 {
				ps.Add(nil)
			}
			seen[name] = i + 1
			continue
		}
		if name == "" {
			add(line, "", "column "+strconv.Itoa(i+1)+" has no name in the header row: write a field id there, or delete the column")
			continue
		}
		if first, dup := seen[name]; dup {
			add(line, name, "column appears twice (columns "+strconv.Itoa(first)+" and "+strconv.Itoa(i+1)+")")
			continue
		}
		seen[name] = i + 1
		f, err := checker.LookupField(name)
		if err != nil {
			e := placed(err, file, line)
			e.Field = name
			e.Problem = "unknown column " + strconv.Itoa(i+1) + ": " + e.Problem
			ps.Add(e)
			continue
		}
		c.fields[i] = f
	}
	if ps.Count() > before {
		return nil
	}
	cr.FieldsPerRecord = len(header)
	return c
}

// Read returns the next profile. At the end it returns io.EOF. A bad row
// returns checker.InputErrors listing every bad cell; reading can go on with
// the next row.
func (c *CSVReader) Read() (checker.Profile, error) {
	var p checker.Profile
	var errs checker.InputErrors
	ps := &checker.Problems{Report: func(e *checker.InputError) { errs = append(errs, e) }}
	ok, more := c.next(&p, ps)
	switch {
	case !more:
		return checker.Profile{}, io.EOF
	case !ok:
		return checker.Profile{}, errs
	}
	return p, nil
}

// next reads one row into p, reporting its problems to ps; more is false
// at the end of the input.
func (c *CSVReader) next(p *checker.Profile, ps *checker.Problems) (ok, more bool) {
	p.Reset()
	record, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return false, false
	}
	c.rows++
	if err != nil {
		e := csvError(c.file, err)
		c.line = e.Line
		ps.Add(e)
		var pe *csv.ParseError
		return false, errors.As(err, &pe) // a read failure ends the file
	}
	c.line, _ = c.r.FieldPos(0)
	ok = true
	for i, cell := range record {
		cell = checker.RestoreCell(cell)
		if !ps.Wants() {
			if !p.SetFieldOK(c.fields[i], cell) {
				ok = false
				ps.Add(nil)
			}
			continue
		}
		if err := p.SetField(c.fields[i], cell); err != nil {
			ok = false
			line, _ := c.r.FieldPos(i)
			ps.Add(placed(err, c.file, line))
		}
	}
	if ok {
		ok = ps.CheckAnswered(p, c.file, c.line, c.rows)
	}
	return ok, true
}

// Line returns the line of the row last read, for labelling results.
func (c *CSVReader) Line() int { return c.line }

// ReadCSV yields each good profile of a CSV as soon as its row is read; the
// Profile is reused, so use it before the next one. Problems go to ps as
// they are found. A file with a header but no rows is a problem too.
func ReadCSV(file string, r io.Reader, ps *checker.Problems) iter.Seq2[checker.Position, *checker.Profile] {
	return func(yield func(checker.Position, *checker.Profile) bool) {
		c := newCSVReader(file, r, ps)
		if c == nil {
			return
		}
		var p checker.Profile
		for {
			ok, more := c.next(&p, ps)
			if !more {
				break
			}
			if ok && !yield(checker.Position{Line: c.line}, &p) {
				return
			}
		}
		if c.rows == 0 {
			ps.Add(&checker.InputError{File: file, Line: 2, Problem: "the file has a header row but no profiles: add one row per supplier"})
		}
	}
}

func csvError(file string, err error) *checker.InputError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		problem := "malformed CSV: " + pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			problem = "this row has a different number of cells than the header; quote cells that contain commas"
		case errors.Is(pe.Err, csv.ErrBareQuote):
			problem = "malformed CSV: a quote (\") inside a cell that does not start with one; put the whole cell in quotes and double the quotes inside it"
		case errors.Is(pe.Err, csv.ErrQuote):
			problem = "malformed CSV: a quoted cell is not closed, or text follows its closing quote"
		}
		return &checker.InputError{File: file, Line: pe.StartLine, Problem: problem}
	}
	return &checker.InputError{File: file, Problem: "cannot read CSV: " + err.Error()}
}

// DecodeCSV reads every row; it returns the good profiles in order and an
// InputErrors for the bad rows (the first 100 problems, then how many more).
func DecodeCSV(file string, r io.Reader) ([]checker.Profile, error) {
	var errs checker.InputErrors
	ps := &checker.Problems{Limit: 100, Report: func(e *checker.InputError) { errs = append(errs, e) }}
	var list []checker.Profile
	for _, p := range ReadCSV(file, r, ps) {
		list = append(list, p.Clone())
	}
	return list, finish(file, errs, ps)
}

// finish turns collected problems into an error, adding the count of those
// past the limit.
func finish(file string, errs checker.InputErrors, ps *checker.Problems) error {
	if e := ps.OmittedError(); e != nil {
		e.File = file
		errs = append(errs, e)
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
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
