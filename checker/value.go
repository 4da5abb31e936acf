package checker

import (
	"iter"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The value rules: how a profile takes an answer, written as text (a CSV
// cell, a share link, a YAML scalar) or as a typed value (JSON, YAML), and
// the problem it names when it refuses one.

// Value is one answer as written in a format that has types: JSON, or YAML
// read with JSON's rules (numbers unquoted, text quoted or plain).
type Value struct {
	Kind  Kind
	Text  string  // text, a number as written, or "true"/"false"
	Items []Value // a list's items (containers inside are kept empty)
}

// maxListItems bounds the items kept for a list answer: a list question has
// at most a few dozen values.
const maxListItems = 256

// SetValue sets a field from a typed value. It applies JSON's rules in every
// format: a number question takes a number, not text ("12" is rejected with
// a hint), a yes/no question takes true/false too, and a list question takes
// a list of text (["none"] and [] both mean "none of these").
func (p *Profile) SetValue(f Field, v Value) error {
	if problem := p.setValue(f.index, v, true); problem != "" {
		return &InputError{Field: f.id, Problem: problem}
	}
	return nil
}

// SetValueOK is SetValue without the explanation (see SetFieldOK).
func (p *Profile) SetValueOK(f Field, v Value) bool {
	return p.setValue(f.index, v, false) == ""
}

func (p *Profile) setValue(i int, v Value, explain bool) string {
	q := &defaultRules.questions[i]
	wrong := func(got string) string {
		if !explain {
			return unexplained
		}
		return wrongType(q, got)
	}
	switch v.Kind {
	case KindNull:
		p.clear(i)
		return ""
	case KindText:
		if q.typ == typeNumber || q.typ == typeInteger {
			if s := strings.TrimSpace(v.Text); s != "" && s != "unknown" {
				if !explain {
					return unexplained
				}
				return wrongType(q, "text "+quote(v.Text)+"; write numbers without quotes")
			}
		}
		return p.setText(i, v.Text, explain)
	case KindNumber:
		switch q.typ {
		case typeNumber, typeInteger:
			if !isJSONNumber(v.Text) { // YAML's 0x1F, .inf, 1_000
				return wrong(quote(v.Text) + ", which is not a plain decimal number")
			}
			f, err := strconv.ParseFloat(v.Text, 64)
			if err != nil {
				if !explain {
					return unexplained
				}
				return "number " + quote(v.Text) + " is out of range (allowed: " + rangeText(q) + ")"
			}
			return p.setNumber(i, f, explain)
		case typeText:
			return p.setText(i, v.Text, explain) // e.g. an all-digit credit code written without quotes
		case typeEnum:
			if q.valueIndex(v.Text) >= 0 { // e.g. platform: 1688
				return p.setText(i, v.Text, explain)
			}
		}
	case KindBool:
		if q.typ == typeEnum && q.valueIndex("yes") >= 0 {
			return p.setText(i, v.Text, explain)
		}
	case KindList:
		if q.typ != typeList {
			return wrong("a list")
		}
		if len(v.Items) > maxListItems {
			if !explain {
				return unexplained
			}
			return "the list has more than " + strconv.Itoa(maxListItems) + " items (allowed: " + strings.Join(q.valueNames(), ", ") + ")"
		}
		for _, it := range v.Items {
			if it.Kind != KindText {
				if !explain {
					return unexplained
				}
				return "list items must be text, got " + it.Kind.String() + " (allowed: " + strings.Join(q.valueNames(), ", ") + ")"
			}
		}
		return p.setList(i, func(yield func(string) bool) {
			for _, it := range v.Items {
				if !yield(it.Text) {
					return
				}
			}
		}, explain)
	}
	return wrong(v.Kind.String())
}

// isJSONNumber reports whether s is a number as JSON writes it.
func isJSONNumber(s string) bool {
	p := jsonParser{data: []byte(s)}
	if s == "" || (s[0] != '-' && (s[0] < '0' || s[0] > '9')) {
		return false
	}
	_, err := p.number()
	return err == nil && p.pos == len(s)
}

// setText parses text for question i and returns a problem, or "". With
// explain false the problem is only unexplained.
func (p *Profile) setText(i int, raw string, explain bool) string {
	q := &defaultRules.questions[i]
	s := raw
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		s = strings.TrimSpace(s)
	}
	if s == "" || s == "unknown" {
		p.clear(i)
		return ""
	}
	switch q.typ {
	case typeText:
		if n := utf8.RuneCountInString(s); n > maxTextLen {
			if !explain {
				return unexplained
			}
			return "text is too long: " + strconv.Itoa(n) + " characters (allowed: at most " + strconv.Itoa(maxTextLen) + ")"
		}
		if problem := badText(s); problem != "" {
			if !explain {
				return unexplained
			}
			return problem
		}
		*p.slot(i) = answer{set: true, text: s}
	case typeEnum:
		j := q.valueIndex(s)
		if j < 0 {
			j = q.valueIndex(boolAlias(q, s))
		}
		if j < 0 {
			return unknownValue(q, s, explain)
		}
		*p.slot(i) = answer{set: true, val: uint8(j)}
	case typeList:
		var bits uint64
		none := false
		for s != "" { // items separated by ";"; a plain loop, as this is the batch hot path
			item, rest, _ := strings.Cut(s, ";")
			s = rest
			if item = strings.TrimSpace(item); item == "" {
				continue // tolerate "a;;b" and a trailing ";"
			}
			if item == "none" {
				none = true
				continue
			}
			j := q.valueIndex(item)
			if j < 0 {
				return unknownValue(q, item, explain)
			}
			bits |= 1 << j
		}
		if none && bits != 0 {
			return noneWithOthers(q, explain)
		}
		*p.slot(i) = answer{set: true, bits: bits}
	default:
		v, ok := parseDecimal(s)
		if !ok {
			if !explain {
				return unexplained
			}
			return wrongType(q, quote(s))
		}
		return p.setNumber(i, v, explain)
	}
	return ""
}

// badText rejects what no supplier name or code contains and what would
// read back differently in another format: NUL, and bytes that are not
// UTF-8 (a file saved in a legacy encoding).
func badText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			return "text contains a NUL character (\\u0000) at character " + strconv.Itoa(utf8.RuneCountInString(s[:i])+1) + ": remove it"
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "text is not valid UTF-8 (byte 0x" + string(hexDigits[c>>4]) + string(hexDigits[c&0xF]) + " at character " + strconv.Itoa(utf8.RuneCountInString(s[:i])+1) + "): save the file as UTF-8"
		}
		i += size
	}
	return ""
}

func (p *Profile) setNumber(i int, v float64, explain bool) string {
	q := &defaultRules.questions[i]
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	problem := ""
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		problem = "expected a finite number (allowed: " + rangeText(q) + ")"
	case q.hasMin && v < q.min:
		problem = "below the minimum"
	case q.hasMax && v > q.max:
		problem = "above the maximum"
	case q.typ == typeInteger && v != math.Trunc(v):
		problem = "not a whole number"
	default:
		*p.slot(i) = answer{set: true, num: v}
		return ""
	}
	if !explain {
		return unexplained
	}
	switch problem {
	case "below the minimum", "above the maximum":
		return f(v) + " is " + problem + " (allowed: " + rangeText(q) + ")"
	case "not a whole number":
		return f(v) + " is not a whole number (allowed: whole numbers, " + rangeText(q) + ")"
	}
	return problem
}

// setList sets a list from separate items; "none" alone means an empty list.
func (p *Profile) setList(i int, items iter.Seq[string], explain bool) string {
	q := &defaultRules.questions[i]
	var bits uint64
	none := false
	for it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue // tolerate "a;;b" and a trailing ";"
		}
		if it == "none" {
			none = true
			continue
		}
		j := q.valueIndex(it)
		if j < 0 {
			return unknownValue(q, it, explain)
		}
		bits |= 1 << j
	}
	if none && bits != 0 {
		return noneWithOthers(q, explain)
	}
	*p.slot(i) = answer{set: true, bits: bits}
	return ""
}

func noneWithOthers(q *question, explain bool) string {
	if !explain {
		return unexplained
	}
	return "\"none\" means none of these, so it cannot be combined with other values (allowed: none alone, or any of " + strings.Join(q.valueNames(), ", ") + ")"
}

// boolAlias lets YAML and JSON booleans answer yes/no questions.
func boolAlias(q *question, s string) string {
	if q.valueIndex("yes") < 0 {
		return ""
	}
	switch s {
	case "true":
		return "yes"
	case "false":
		return "no"
	}
	return ""
}

func unknownValue(q *question, s string, explain bool) string {
	if !explain {
		return unexplained
	}
	allowed := append(q.valueNames(), "unknown")
	if q.typ == typeList {
		allowed = append(q.valueNames(), "none")
	}
	msg := "unknown value " + quote(s)
	if near := nearest(s, q.valueNames()); near != "" {
		msg += ", did you mean " + quote(near) + "?"
	}
	return msg + " (allowed: " + strings.Join(allowed, ", ") + ")"
}

// wrongType explains what a question takes when given something else.
func wrongType(q *question, got string) string {
	var want, allowed string
	switch q.typ {
	case typeText:
		want, allowed = "text", "text up to "+strconv.Itoa(maxTextLen)+" characters"
	case typeEnum:
		want, allowed = "one value", strings.Join(append(q.valueNames(), "unknown"), ", ")
	case typeList:
		want, allowed = "a list", strings.Join(q.valueNames(), ", ")+"; or none"
	case typeInteger:
		want, allowed = "a whole number", rangeText(q)
	default:
		want, allowed = "a number", rangeText(q)
	}
	return "expected " + want + ", got " + got + " (allowed: " + allowed + ")"
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80
}

// parseDecimal accepts plain decimal numbers only ("12", "-0.5", "1e3"), not
// the hex, infinity or NaN spellings strconv also understands.
func parseDecimal(s string) (float64, bool) {
	if v, ok := shortDecimal(s); ok {
		return v, true
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E':
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// shortDecimal reads the everyday forms "1200" and "2.75" without strconv:
// with at most 15 digits both the digits and the power of ten are exact
// doubles, so one division gives the correctly rounded value, the same as
// strconv.ParseFloat. Anything else is left to parseDecimal's slow path.
func shortDecimal(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 16 {
		return 0, false
	}
	var mant uint64
	digits, scale, dot := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if dot {
				scale++
			}
		case c == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return 0, false
		}
	}
	if digits > 15 {
		return 0, false
	}
	return float64(mant) / pow10[scale], true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}
