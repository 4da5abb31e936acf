package csv

import (
	"bytes"
	stdcsv "encoding/csv"
	"io"
	"slices"
	"strings"
	"testing"
)

// fuzzRecords splits data into records at 0x1E and fields at 0x1F, so
// every record has at least one field.
func fuzzRecords(data string) [][]string {
	var records [][]string
	for _, line := range strings.Split(data, "\x1e") {
		records = append(records, strings.Split(line, "\x1f"))
	}
	return records
}

// FuzzWrite writes records with Writer, then checks that Reader reads them
// back equal (each line break in a field as LF), with and without
// TrimLeadingSpace, and that encoding/csv's Writer writes the same bytes
// except where the package comment says they differ: a field holding a CR,
// a field starting with a byte order mark, a record of one empty field.
func FuzzWrite(f *testing.F) {
	for _, c := range loadWriteCases(f) {
		var b strings.Builder
		for _, record := range c.Records {
			b.WriteString(strings.Join(record, "\x1f") + "\x1e")
		}
		f.Add(b.String(), c.CRLF)
	}
	f.Fuzz(func(t *testing.T, data string, crlf bool) {
		records := fuzzRecords(data)
		var mine, std bytes.Buffer
		w := NewWriter(&mine)
		sw := stdcsv.NewWriter(&std)
		w.UseCRLF, sw.UseCRLF = crlf, crlf
		for _, record := range records {
			w.Write(record)
			sw.Write(record)
		}
		w.Flush()
		sw.Flush()
		if w.Error() != nil || sw.Error() != nil {
			t.Fatal(w.Error(), sw.Error())
		}
		if mine.String() != std.String() && !writesDiffer(records) {
			t.Fatalf("wrote  %q\nencoding/csv %q", mine.String(), std.String())
		}
		for _, trim := range []bool{false, true} {
			readsBack(t, mine.String(), records, trim)
		}
	})
}

// writesDiffer reports whether records hold something that Writer writes
// differently from encoding/csv by design.
func writesDiffer(records [][]string) bool {
	for _, record := range records {
		if len(record) == 1 && record[0] == "" {
			return true
		}
		for _, f := range record {
			if strings.Contains(f, "\r") || strings.HasPrefix(f, "\uFEFF") {
				return true
			}
		}
	}
	return false
}

// readsBack fails t unless text reads as records.
func readsBack(t *testing.T, text string, records [][]string, trim bool) {
	t.Helper()
	r := NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.TrimLeadingSpace = -1, trim
	breaks := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	for i, record := range records {
		got, err := r.Read()
		want := slices.Clone(record)
		for j := range want {
			want[j] = breaks.Replace(want[j])
		}
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("record %d of %q (trim %v): read %q, %v; wrote %q", i+1, text, trim, got, err, want)
		}
	}
	if got, err := r.Read(); err != io.EOF {
		t.Fatalf("%q: read %q, %v after the last record", text, got, err)
	}
}
