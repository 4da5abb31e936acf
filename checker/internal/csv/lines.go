package csv

import (
	"bytes"
	"io"
)

// bufSize is the lineSource's first buffer; it grows to hold a longer line.
const bufSize = 64 << 10

// window bounds how far lineBreak looks for an LF before it looks for a
// CR, so that a file with CR-only line ends costs no more than one with LF.
const window = 512

// lineSource hands out the lines of its input one at a time, without their
// line breaks (CRLF, LF or a CR alone), after a leading byte order mark.
type lineSource struct {
	src        io.Reader
	buf        []byte
	head, tail int   // buf[head:tail] is read but not handed out
	err        error // the first error from src; io.EOF at its end
	line       int   // the number of the last line handed out
	started    bool  // the byte order mark has been looked for
}

// next returns the next line, valid until the following call, or the
// source's error: io.EOF once every line has been handed out, any other
// error as soon as the lines read whole before it have been.
func (s *lineSource) next() ([]byte, error) {
	if !s.started {
		s.skipBOM()
	}
	from := 0 // buf[head+from:] may hold the next line break
	for {
		data := s.buf[s.head:s.tail]
		end, size := lineBreak(data, from)
		if size == 0 && s.err == nil {
			from = end
			s.fill()
			continue
		}
		if size == 0 { // at the end of the input, or a failed read
			if len(data) == 0 || s.err != io.EOF {
				return nil, s.err // a line cut short by an error is no line
			}
			if end < len(data) { // it ends in a CR
				size = 1
			}
		}
		s.head += end + size
		s.line++
		return data[:end], nil
	}
}

// lineBreak finds the first line break in data at or after from: its
// index and length (2 for CRLF, else 1). Size 0 means data has no whole
// line break: end is then len(data), or the index of a CR that is the last
// byte, which may yet be followed by an LF.
func lineBreak(data []byte, from int) (end, size int) {
	for from < len(data) {
		w := data[from:min(len(data), from+window)]
		lf := bytes.IndexByte(w, '\n')
		if lf < 0 {
			lf = len(w)
		}
		if cr := bytes.IndexByte(w[:lf], '\r'); cr >= 0 {
			at := from + cr
			switch {
			case at+1 == len(data):
				return at, 0
			case data[at+1] == '\n':
				return at, 2
			}
			return at, 1
		}
		if lf < len(w) {
			return from + lf, 1
		}
		from += len(w)
	}
	return len(data), 0
}

// fill reads more of the input after what is buffered, moving that to the
// front of the buffer first and growing the buffer when it is full.
func (s *lineSource) fill() {
	if s.head > 0 {
		s.tail = copy(s.buf, s.buf[s.head:s.tail])
		s.head = 0
	}
	if s.tail == len(s.buf) {
		s.buf = append(s.buf, make([]byte, max(bufSize, len(s.buf)))...)
	}
	for range 100 {
		n, err := s.src.Read(s.buf[s.tail:])
		s.tail += n
		if err != nil {
			s.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	s.err = io.ErrNoProgress
}

// skipBOM drops a UTF-8 byte order mark at the start of the input.
func (s *lineSource) skipBOM() {
	s.started = true
	for s.tail-s.head < 3 && s.err == nil {
		s.fill()
	}
	if bytes.HasPrefix(s.buf[s.head:s.tail], []byte("\xEF\xBB\xBF")) {
		s.head += 3
	}
}
