package checker

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON reader used instead of encoding/json for two reasons: it
// records the line of every value, so errors can say file:line, and it keeps
// reflection out of the WebAssembly build (see doc.go for the size budget).

// Kind is the type a value was written with, in formats that have types
// (JSON, and YAML read the same way).
type Kind uint8

// The kinds of value.
const (
	KindNull Kind = iota
	KindBool
	KindNumber
	KindText
	KindList
	KindObject
)

// The names the rules reader uses.
type jsonKind = Kind

const (
	jsonNull   = KindNull
	jsonBool   = KindBool
	jsonNumber = KindNumber
	jsonString = KindText
	jsonArray  = KindList
	jsonObject = KindObject
)

func (k Kind) String() string {
	switch k {
	case KindNull:
		return "null"
	case KindBool:
		return "true/false"
	case KindNumber:
		return "a number"
	case KindText:
		return "text"
	case KindList:
		return "a list"
	default:
		return "an object"
	}
}

type jsonValue struct {
	kind    jsonKind
	line    int
	text    string // string contents, a number's literal, or "true"/"false"
	items   []jsonValue
	members []jsonMember // in input order
}

type jsonMember struct {
	key   string
	line  int
	value jsonValue
}

// jsonSyntaxError is a malformed document; line is 1-based.
type jsonSyntaxError struct {
	line int
	msg  string
}

func (e *jsonSyntaxError) Error() string {
	return "line " + strconv.Itoa(e.line) + ": invalid JSON: " + e.msg
}

// maxJSONDepth bounds nesting so hostile input cannot exhaust the stack.
const maxJSONDepth = 64

type jsonParser struct {
	data  []byte
	pos   int
	line  int
	depth int
}

func parseJSON(data []byte) (jsonValue, error) {
	p := jsonParser{data: data, line: 1}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.pos = 3 // byte order mark written by some Windows editors
	}
	p.skipSpace()
	if p.pos >= len(p.data) {
		return jsonValue{}, p.fail("the input is empty")
	}
	v, err := p.value()
	if err != nil {
		return jsonValue{}, err
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return jsonValue{}, p.fail("unexpected " + p.found() + " after the end of the document")
	}
	return v, nil
}

func (p *jsonParser) fail(msg string) error {
	return &jsonSyntaxError{line: p.line, msg: msg}
}

// found describes the byte at the current position for error messages.
func (p *jsonParser) found() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	if r == utf8.RuneError {
		return "byte 0x" + strconv.FormatUint(uint64(p.data[p.pos]), 16)
	}
	return quoteRune(r)
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\n':
			p.line++
		case '\r':
			if p.pos+1 == len(p.data) || p.data[p.pos+1] != '\n' {
				p.line++ // a lone CR ends a line too (old Mac files)
			}
		case ' ', '\t':
		default:
			return
		}
		p.pos++
	}
}

func (p *jsonParser) value() (jsonValue, error) {
	if p.pos >= len(p.data) {
		return jsonValue{}, p.fail("unexpected end of input, expected a value")
	}
	line := p.line
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		return jsonValue{kind: jsonString, line: line, text: s}, err
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case p.literal("true"):
		return jsonValue{kind: jsonBool, line: line, text: "true"}, nil
	case p.literal("false"):
		return jsonValue{kind: jsonBool, line: line, text: "false"}, nil
	case p.literal("null"):
		return jsonValue{kind: jsonNull, line: line}, nil
	default:
		return jsonValue{}, p.fail("unexpected " + p.found() + ", expected a value")
	}
}

func (p *jsonParser) literal(word string) bool {
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return false
	}
	p.pos += len(word)
	return true
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > maxJSONDepth {
		return p.fail("nested more than " + strconv.Itoa(maxJSONDepth) + " levels deep")
	}
	return nil
}

func (p *jsonParser) object() (jsonValue, error) {
	v := jsonValue{kind: jsonObject, line: p.line}
	if err := p.enter(); err != nil {
		return v, err
	}
	defer func() { p.depth-- }()
	p.pos++ // {
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return v, p.fail("unexpected " + p.found() + ", expected a quoted field name")
		}
		line := p.line
		key, err := p.str()
		if err != nil {
			return v, err
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return v, p.fail("unexpected " + p.found() + ", expected ':' after field name")
		}
		p.pos++
		p.skipSpace()
		val, err := p.value()
		if err != nil {
			return v, err
		}
		v.members = append(v.members, jsonMember{key: key, line: line, value: val})
		p.skipSpace()
		if p.pos >= len(p.data) {
			return v, p.fail("unexpected end of input, expected ',' or '}'")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return v, nil
		default:
			return v, p.fail("unexpected " + p.found() + ", expected ',' or '}'")
		}
	}
}

func (p *jsonParser) array() (jsonValue, error) {
	v := jsonValue{kind: jsonArray, line: p.line}
	if err := p.enter(); err != nil {
		return v, err
	}
	defer func() { p.depth-- }()
	p.pos++ // [
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	for {
		p.skipSpace()
		item, err := p.value()
		if err != nil {
			return v, err
		}
		v.items = append(v.items, item)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return v, p.fail("unexpected end of input, expected ',' or ']'")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return v, nil
		default:
			return v, p.fail("unexpected " + p.found() + ", expected ',' or ']'")
		}
	}
}

func (p *jsonParser) number() (jsonValue, error) {
	v := jsonValue{kind: jsonNumber, line: p.line}
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.data[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		return v, p.fail("malformed number")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return v, p.fail("malformed number: digits must follow '.'")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return v, p.fail("malformed number: digits must follow the exponent")
		}
	}
	v.text = string(p.data[start:p.pos])
	return v, nil
}

// str reads a quoted string. Bytes that are not UTF-8 and lone surrogate
// escapes are errors: encoding/json would turn them into U+FFFD silently.
func (p *jsonParser) str() (string, error) {
	p.pos++ // opening quote
	start := p.pos
	// Fast path: no escapes and plain ASCII.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := string(p.data[start:p.pos])
			p.pos++
			return s, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		p.pos++
	}
	buf := make([]byte, 0, p.pos-start+16)
	buf = append(buf, p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c < 0x20:
			return "", p.fail("control character in text (a line break inside quotes must be written \\n)")
		case c == '\\':
			p.pos++
			if p.pos >= len(p.data) {
				return "", p.fail("unexpected end of input in an escape")
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.fail("malformed \\u escape")
				}
				if utf16.IsSurrogate(r) {
					r2 := utf8.RuneError
					if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
						save := p.pos
						p.pos += 2
						if lo, ok := p.hex4(); ok && utf16.DecodeRune(r, lo) != utf8.RuneError {
							r2 = utf16.DecodeRune(r, lo)
						} else {
							p.pos = save
						}
					}
					if r2 == utf8.RuneError {
						return "", p.fail("\\u" + strconv.FormatUint(uint64(r), 16) + " is half of a UTF-16 surrogate pair: give both halves, or the character itself")
					}
					r = r2
				}
				buf = utf8.AppendRune(buf, r)
			default:
				return "", p.fail("unknown escape \\" + string(rune(e)))
			}
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", p.fail("byte 0x" + strconv.FormatUint(uint64(c), 16) + " in text is not UTF-8: save the file as UTF-8")
			}
			buf = append(buf, p.data[p.pos:p.pos+size]...)
			p.pos += size
		}
	}
	return "", p.fail("unexpected end of input inside text: a closing quote is missing")
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.data)-p.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.pos : p.pos+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

// skipValue checks the syntax of one value and moves past it, keeping
// nothing.
func (p *jsonParser) skipValue() error {
	if p.pos >= len(p.data) {
		return p.fail("unexpected end of input, expected a value")
	}
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		if err := p.enter(); err != nil {
			return err
		}
		defer func() { p.depth-- }()
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		p.pos++
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == end {
			p.pos++
			return nil
		}
		for {
			p.skipSpace()
			if c == '{' {
				if p.pos >= len(p.data) || p.data[p.pos] != '"' {
					return p.fail("unexpected " + p.found() + ", expected a quoted field name")
				}
				if _, err := p.str(); err != nil {
					return err
				}
				p.skipSpace()
				if p.pos >= len(p.data) || p.data[p.pos] != ':' {
					return p.fail("unexpected " + p.found() + ", expected ':' after field name")
				}
				p.pos++
				p.skipSpace()
			}
			if err := p.skipValue(); err != nil {
				return err
			}
			p.skipSpace()
			if p.pos >= len(p.data) {
				return p.fail("unexpected end of input, expected ',' or '" + string(end) + "'")
			}
			switch p.data[p.pos] {
			case ',':
				p.pos++
			case end:
				p.pos++
				return nil
			default:
				return p.fail("unexpected " + p.found() + ", expected ',' or '" + string(end) + "'")
			}
		}
	case c == '"':
		_, err := p.str()
		return err
	default:
		_, err := p.value() // numbers and literals keep nothing large
		return err
	}
}

// shallow reads one already-checked value: scalars whole, a list's scalar
// items (up to maxListItems+1), and containers otherwise only by kind.
func (p *jsonParser) shallow() Value {
	switch p.data[p.pos] {
	case '{':
		p.skipValue()
		return Value{Kind: KindObject}
	case '[':
		v := Value{Kind: KindList, Items: []Value{}}
		p.pos++
		for {
			p.skipSpace()
			switch p.data[p.pos] {
			case ']':
				p.pos++
				return v
			case ',':
				p.pos++
				continue
			}
			var item Value
			if c := p.data[p.pos]; c == '{' || c == '[' {
				kind := KindObject
				if c == '[' {
					kind = KindList
				}
				p.skipValue()
				item = Value{Kind: kind}
			} else {
				item = p.shallow()
			}
			if len(v.Items) <= maxListItems {
				v.Items = append(v.Items, item)
			}
		}
	}
	jv, _ := p.value()
	return Value{Kind: jv.kind, Text: jv.text}
}
