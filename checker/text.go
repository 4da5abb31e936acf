package checker

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeText prepares a file's bytes for the decoders, whatever editor
// saved it: it drops a UTF-8 byte order mark, decodes UTF-16 that starts
// with a byte order mark (Windows "Unicode" text), and turns old Mac line
// endings (CR alone) into LF so that line numbers are right. UTF-16 without
// a byte order mark, and UTF-32, are refused with a message saying how to
// save the file; the problem has no file name, the caller adds it.
func DecodeText(data []byte) ([]byte, *InputError) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return nil, &InputError{Line: 1, Problem: "the file is UTF-32 text, which is not supported: save it as UTF-8"}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true)
	case looksUTF16(data):
		return nil, &InputError{Line: 1, Problem: "the file looks like UTF-16 text without a byte order mark: save it as UTF-8 (or as UTF-16 with a byte order mark)"}
	}
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	return data, nil
}

// looksUTF16 spots UTF-16 text saved without a byte order mark: ASCII text
// in it has a NUL byte next to every character.
func looksUTF16(data []byte) bool {
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	return even == n/2 && odd == 0 || odd == n/2 && even == 0
}

func decodeUTF16(data []byte, bigEndian bool) ([]byte, *InputError) {
	if len(data)%2 != 0 {
		return nil, &InputError{Problem: "the file is UTF-16 text with an odd number of bytes, so it is cut short or not UTF-16: save it again as UTF-8"}
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	out := make([]byte, 0, len(units)+len(units)/4)
	line := 1
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if utf16.IsSurrogate(r) {
			if i+1 < len(units) {
				if pair := utf16.DecodeRune(r, rune(units[i+1])); pair != 0xFFFD {
					out = utf8.AppendRune(out, pair)
					i++
					continue
				}
			}
			return nil, &InputError{Line: line, Problem: "the UTF-16 text has a broken character (unit " + strconv.Itoa(i+1) + "): save the file again as UTF-8"}
		}
		if r == '\n' {
			line++
		}
		out = utf8.AppendRune(out, r)
	}
	return DecodeText(out) // a UTF-8 BOM cannot follow, but CR-only endings can
}
