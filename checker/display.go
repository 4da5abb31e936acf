package checker

import (
	"unicode/utf8"
)

// Text from a profile ends up in terminals, logs and spreadsheets. Every
// message and report shows it through the functions here, which escape
// what could change how the rest of the output looks: control characters
// (ANSI escape sequences start with ESC), and invisible or direction-changing
// characters (zero-width spaces, bidi overrides) that make two different
// values look the same. A hand-written table instead of package unicode
// keeps the WebAssembly build small.

// maxQuoted is how many characters of a value a message quotes.
const maxQuoted = 80

// invisible reports whether r is a format, separator or other invisible
// character that must be shown escaped. Ordinary spaces and printable text,
// including every script people write supplier names in, are left alone.
func invisible(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F): // C0, DEL, C1 controls
		return true
	case r < 0xAD:
		return false
	case r == 0xAD || r == 0x34F || r == 0x61C || r == 0x115F || r == 0x1160 || r == 0x17B4 || r == 0x17B5 || r == 0x3164 || r == 0xFEFF || r == 0xFFA0:
		return true
	case r >= 0x180B && r <= 0x180F, // Mongolian variation selectors and vowel separator
		r >= 0x200B && r <= 0x200F, // zero-width space, joiners, direction marks
		r >= 0x2028 && r <= 0x202E, // line and paragraph separators, bidi embeddings and overrides
		r >= 0x2060 && r <= 0x206F, // word joiner, invisible operators, bidi isolates
		r >= 0xFFF0 && r <= 0xFFFB, // interlinear annotations
		r >= 0x1D173 && r <= 0x1D17A,
		r >= 0xE0000 && r <= 0xE0FFF: // tags and variation selectors supplement
		return true
	}
	return false
}

// appendEscaped appends s with control and invisible characters escaped:
// \n, \r, \t, \uXXXX (or \U00XXXXXX), and \xNN for bytes that are not UTF-8.
// With quoted, backslashes and double quotes are escaped too, as in JSON,
// and the result is wrapped in double quotes.
func appendEscaped(b []byte, s string, quoted bool) []byte {
	if quoted {
		b = append(b, '"')
	}
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			if quoted && (c == '"' || c == '\\') {
				b = append(b, s[start:i]...)
				b = append(b, '\\', c)
				i++
				start = i
				continue
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xF])
			i++
			start = i
			continue
		}
		if !invisible(r) {
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		b = appendRuneEscape(b, r)
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	if quoted {
		b = append(b, '"')
	}
	return b
}

func appendRuneEscape(b []byte, r rune) []byte {
	switch r {
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	if r > 0xFFFF {
		b = append(b, '\\', 'U', '0', '0', hexDigits[r>>20&0xF], hexDigits[r>>16&0xF])
	} else {
		b = append(b, '\\', 'u')
	}
	return append(b, hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
}

// Printable returns s safe to print on a terminal or in a log: control and
// invisible characters are escaped (a zero-width space reads \u200b), and
// bytes that are not UTF-8 read \xNN. Other text is unchanged.
func Printable(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			return string(appendEscaped(nil, s, false))
		}
	}
	return s // plain ASCII: the common case, no copy
}

// clip shortens s to maxQuoted characters, marking the cut with "…", so a
// huge value cannot be copied whole into a message.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// quote writes a value in double quotes for messages: clipped, with
// quotes, backslashes, control and invisible characters escaped.
func quote(s string) string {
	return string(appendEscaped(nil, clip(s), true))
}

// quoteRune writes a character in single quotes for messages.
func quoteRune(r rune) string {
	switch r {
	case '"':
		return `'"'`
	case '\'':
		return `'\''`
	}
	q := appendEscaped(nil, string(r), true)
	q[0], q[len(q)-1] = '\'', '\''
	return string(q)
}

// Quote writes a value in double quotes for a message, as the checker's
// own messages do: clipped to 80 characters, with control and invisible
// characters escaped. Readers in other packages use it.
func Quote(s string) string { return quote(s) }
