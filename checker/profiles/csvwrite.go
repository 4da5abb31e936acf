package profiles

import (
	"io"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/internal/csv"
)

// CSVWriter writes profiles as the CSV that CSVReader reads back to equal
// profiles: a header row of every field id in questionnaire order, then one
// profile per row, lists joined with ";", "none" for an empty list and an
// empty cell for "not known". Rows end in CRLF, as spreadsheets expect.
// A cell a spreadsheet would run as a formula gets a leading ' (see
// checker.NeutraliseCell), which the CSV reader removes again.
type CSVWriter struct {
	w   *csv.Writer
	ids []string
	row []string
}

// NewCSVWriter writes the header row.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	c := &CSVWriter{w: csv.NewWriter(w), ids: checker.Fields()}
	c.w.UseCRLF = true
	c.row = make([]string, len(c.ids))
	if err := c.w.Write(c.ids); err != nil {
		return nil, err
	}
	return c, nil
}

// Write writes one profile as a row.
func (c *CSVWriter) Write(p *checker.Profile) error {
	for i, id := range c.ids {
		c.row[i] = checker.NeutraliseCell(p.Get(id))
	}
	return c.w.Write(c.row)
}

// Flush writes any buffered rows and returns the first write error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// EncodeCSV writes a header and every profile.
func EncodeCSV(w io.Writer, list []checker.Profile) error {
	c, err := NewCSVWriter(w)
	if err != nil {
		return err
	}
	for i := range list {
		if err := c.Write(&list[i]); err != nil {
			return err
		}
	}
	return c.Flush()
}
