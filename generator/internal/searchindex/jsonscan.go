package searchindex

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonScanner reads JSON values in place, for a reader that knows the
// layout of a large file and wants a few of its fields without building
// the whole tree (LoadCEDICT). A string without escapes is returned as a
// slice of the source; one with escapes is decoded into a scratch buffer.
// Either is valid until the next call.
//
// Hand-written rather than encoding/json because the file is read on
// every build: encoding/json took 203 ms to decode it to raw entries
// alone, LoadCEDICT 116 ms for the whole read (Go benchmarks, 5 runs
// each, one after the other at load 1.6–2.3). FuzzJSONString checks its
// strings against encoding/json.
type jsonScanner struct {
	src     []byte
	i       int
	scratch []byte
}

func (s *jsonScanner) errorf(format string, args ...any) error {
	return fmt.Errorf("byte %d: "+format, append([]any{s.i}, args...)...)
}

// peek skips white space and returns the next byte (0 at the end).
func (s *jsonScanner) peek() byte {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return s.src[s.i]
		}
	}
	return 0
}

func (s *jsonScanner) expect(c byte) error {
	if s.peek() != c {
		if s.i >= len(s.src) {
			return s.errorf("expected %q, found the end of the file", c)
		}
		return s.errorf("expected %q, found %q", c, s.src[s.i])
	}
	s.i++
	return nil
}

// str reads a string.
func (s *jsonScanner) str() ([]byte, error) {
	if err := s.expect('"'); err != nil {
		return nil, err
	}
	// Most strings have no escape: found with two fast byte searches.
	// (A raw control character, which JSON does not allow, is let
	// through: it cannot change where the string ends.)
	start := s.i
	end := bytes.IndexByte(s.src[start:], '"')
	if end < 0 {
		return nil, s.errorf("unterminated string")
	}
	if k := bytes.IndexByte(s.src[start:start+end], '\\'); k >= 0 {
		s.i = start + k
		s.scratch = append(s.scratch[:0], s.src[start:s.i]...)
		return s.escaped()
	}
	s.i = start + end + 1
	return s.src[start : start+end], nil
}

// escaped reads the rest of a string from its first backslash on,
// appending to s.scratch.
func (s *jsonScanner) escaped() ([]byte, error) {
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '"':
			s.i++
			return s.scratch, nil
		case c < 0x20:
			return nil, s.errorf("control character in a string")
		case c != '\\':
			s.scratch = append(s.scratch, c)
			s.i++
			continue
		}
		if s.i+1 >= len(s.src) {
			break
		}
		e := s.src[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			s.scratch = append(s.scratch, e)
		case 'b':
			s.scratch = append(s.scratch, '\b')
		case 'f':
			s.scratch = append(s.scratch, '\f')
		case 'n':
			s.scratch = append(s.scratch, '\n')
		case 'r':
			s.scratch = append(s.scratch, '\r')
		case 't':
			s.scratch = append(s.scratch, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return nil, s.errorf(`bad \u escape`)
			}
			if utf16.IsSurrogate(r) && s.i+1 < len(s.src) && s.src[s.i] == '\\' && s.src[s.i+1] == 'u' {
				// A pair only if the next escape completes it; otherwise
				// that escape is read on its own next time round.
				at := s.i
				s.i += 2
				r2, ok := s.hex4()
				if pair := utf16.DecodeRune(r, r2); ok && pair != utf8.RuneError {
					r = pair
				} else {
					s.i = at
				}
			}
			s.scratch = utf8.AppendRune(s.scratch, r) // a lone surrogate becomes U+FFFD
		default:
			return nil, s.errorf("bad escape \\%c", e)
		}
	}
	return nil, s.errorf("unterminated string")
}

// hex4 reads the four hex digits of a \u escape.
func (s *jsonScanner) hex4() (rune, bool) {
	if s.i+4 > len(s.src) {
		return 0, false
	}
	var r rune
	for _, c := range s.src[s.i : s.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	s.i += 4
	return r, true
}

// strings reads a string or an array of strings, calling fn with each
// one's place in the array (0 for a lone string).
func (s *jsonScanner) strings(fn func(i int, v []byte)) error {
	if s.peek() != '[' {
		v, err := s.str()
		if err == nil {
			fn(0, v)
		}
		return err
	}
	s.i++
	if s.peek() == ']' {
		s.i++
		return nil
	}
	for i := 0; ; i++ {
		v, err := s.str()
		if err != nil {
			return err
		}
		fn(i, v)
		if s.peek() == ']' {
			s.i++
			return nil
		}
		if err := s.expect(','); err != nil {
			return err
		}
	}
}

// skip reads past one value of any kind.
func (s *jsonScanner) skip() error {
	depth := 0
	for {
		switch c := s.peek(); {
		case c == 0:
			return s.errorf("unexpected end of the file")
		case c == '"':
			if _, err := s.str(); err != nil {
				return err
			}
		case c == '[' || c == '{':
			depth++
			s.i++
			continue
		case c == ']' || c == '}':
			if depth == 0 {
				return s.errorf("unexpected %q", c)
			}
			depth--
			s.i++
		case c == ',' || c == ':':
			if depth == 0 {
				return s.errorf("unexpected %q", c)
			}
			s.i++
			continue
		default: // a number, true, false or null
			start := s.i
			for s.i < len(s.src) && isLiteralByte(s.src[s.i]) {
				s.i++
			}
			if s.i == start {
				return s.errorf("unexpected %q", c)
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

func isLiteralByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.'
}
