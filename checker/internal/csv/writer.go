package csv

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// flushAt is how many bytes the Writer buffers before it writes them out.
const flushAt = 16 << 10

// Writer writes records as CSV that Reader reads back to the same records
// (line breaks inside fields read back as LF). Its output is buffered: call
// Flush at the end, and Error to learn whether every write succeeded.
type Writer struct {
	// UseCRLF ends each record, and each line break inside a field, with
	// CRLF instead of LF.
	UseCRLF bool

	w   io.Writer
	buf []byte
	err error
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w, buf: make([]byte, 0, flushAt+flushAt/4)}
}

// Write writes one record, quoting the fields that need it (see the package
// comment). It returns the error of an earlier write, if there was one.
func (w *Writer) Write(record []string) error {
	if w.err != nil {
		return w.err
	}
	for i, f := range record {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if f == "" && len(record) == 1 {
			w.buf = append(w.buf, `""`...) // else an empty line, which readers skip
		} else {
			w.buf = w.appendField(w.buf, f)
		}
	}
	w.buf = w.appendBreak(w.buf)
	if len(w.buf) >= flushAt {
		w.Flush()
	}
	return w.err
}

// Flush writes out what is buffered; Error reports whether it succeeded.
func (w *Writer) Flush() {
	if w.err != nil || len(w.buf) == 0 {
		return
	}
	n, err := w.w.Write(w.buf)
	if err == nil && n < len(w.buf) {
		err = io.ErrShortWrite
	}
	w.err = err
	w.buf = w.buf[:0]
}

// Error returns the first error from writing to the underlying writer.
func (w *Writer) Error() error { return w.err }

// appendField appends f as one field, quoted when it needs to be.
func (w *Writer) appendField(b []byte, f string) []byte {
	if !needsQuotes(f) {
		return append(b, f...)
	}
	b = append(b, '"')
	for i := 0; i < len(f); i++ {
		switch c := f[i]; c {
		case '"':
			b = append(b, `""`...)
		case '\r':
			if i+1 < len(f) && f[i+1] == '\n' {
				i++
			}
			b = w.appendBreak(b)
		case '\n':
			b = w.appendBreak(b)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendBreak appends the Writer's line ending.
func (w *Writer) appendBreak(b []byte) []byte {
	if w.UseCRLF {
		return append(b, '\r', '\n')
	}
	return append(b, '\n')
}

// needsQuotes reports whether f must be quoted to read back as itself: it
// holds a separator, quote or line break, or starts with white space (which
// a reader trimming leading space would drop) or a byte order mark (which
// a reader drops at the start of the input); `\.` alone ends the data of a
// PostgreSQL COPY, so it is quoted too.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\n', '\r':
			return true
		}
	}
	if c := f[0]; c < utf8.RuneSelf {
		return c == ' ' || (c >= '\t' && c <= '\r') || f == `\.`
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r) || strings.HasPrefix(f, "\uFEFF")
}
