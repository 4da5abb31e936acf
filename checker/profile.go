package checker

import (
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Profile is one supplier's answers, keyed by the question ids in the rules
// data. The zero value is an empty profile: every answer is "not known".
// Set answers with Set, SetNumber, SetList or SetField, or decode them with
// DecodeJSON (and the YAML and CSV decoders in checker/profiles).
type Profile struct {
	answers []answer // by question index; missing entries are unknown
}

type answer struct {
	set  bool
	val  uint8   // enum: value index
	bits uint64  // list: value bits
	num  float64 // number, integer
	text string  // text
}

// Field is a resolved question id. Batch decoders resolve each column once
// and then use SetField for every row.
type Field struct {
	index int
	id    string
}

// ID returns the field's question id.
func (f Field) ID() string { return f.id }

// Fields returns every question id, in questionnaire order.
func Fields() []string {
	return append([]string(nil), defaultRules.ids...)
}

// LookupField resolves a question id. The error suggests the nearest id for a typo.
func LookupField(id string) (Field, error) {
	i, ok := defaultRules.index[id]
	if !ok {
		return Field{}, unknownFieldError(id)
	}
	return Field{index: i, id: id}, nil
}

func unknownFieldError(id string) *InputError {
	if hint := didYouMean(id, defaultRules.ids); hint != "" {
		return &InputError{Field: id, Problem: "unknown field" + hint}
	}
	return &InputError{Field: id, Problem: "unknown field (allowed: " + strings.Join(defaultRules.ids, ", ") + ")"}
}

// Set parses a value written as text, as in a CSV cell or a YAML scalar:
// numbers as digits, lists separated by ";", "" or "unknown" for not known,
// and "none" for an empty list.
func (p *Profile) Set(field, value string) error {
	f, err := LookupField(field)
	if err != nil {
		return err
	}
	return p.SetField(f, value)
}

// SetField is Set for a field already resolved with LookupField.
func (p *Profile) SetField(f Field, value string) error {
	if problem := p.setText(f.index, value); problem != "" {
		return &InputError{Field: f.id, Problem: problem}
	}
	return nil
}

// SetNumber sets a number or integer answer.
func (p *Profile) SetNumber(field string, v float64) error {
	f, err := LookupField(field)
	if err != nil {
		return err
	}
	q := &defaultRules.questions[f.index]
	if q.typ != typeNumber && q.typ != typeInteger {
		return &InputError{Field: field, Problem: wrongType(q, "a number")}
	}
	if problem := p.setNumber(f.index, v); problem != "" {
		return &InputError{Field: field, Problem: problem}
	}
	return nil
}

// SetList sets a list answer; an empty list means "none of them".
func (p *Profile) SetList(field string, values []string) error {
	f, err := LookupField(field)
	if err != nil {
		return err
	}
	q := &defaultRules.questions[f.index]
	if q.typ != typeList {
		return &InputError{Field: field, Problem: wrongType(q, "a list")}
	}
	if problem := p.setList(f.index, slices.Values(values)); problem != "" {
		return &InputError{Field: field, Problem: problem}
	}
	return nil
}

// Get returns an answer in its text form ("" when not known); lists are
// joined with ";", and an empty list reads "none".
func (p Profile) Get(field string) string {
	i, ok := defaultRules.index[field]
	if !ok || i >= len(p.answers) || !p.answers[i].set {
		return ""
	}
	return string(appendAnswerText(nil, &defaultRules.questions[i], &p.answers[i]))
}

// Name returns the supplier_name answer, used to label reports.
func (p Profile) Name() string {
	if i := defaultRules.nameQ; i >= 0 && i < len(p.answers) {
		return p.answers[i].text // "" when not set
	}
	return ""
}

// Reset forgets every answer but keeps the memory, for reading many
// profiles into one (see profiles.CSVReader.ReadInto).
func (p *Profile) Reset() {
	clear(p.answers)
}

func (p *Profile) slot(i int) *answer {
	if p.answers == nil {
		p.answers = make([]answer, len(defaultRules.questions))
	}
	return &p.answers[i]
}

func (p *Profile) clear(i int) {
	if i < len(p.answers) {
		p.answers[i] = answer{}
	}
}

// setText parses text for question i and returns a problem, or "".
func (p *Profile) setText(i int, raw string) string {
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
			return "text is too long: " + strconv.Itoa(n) + " characters (allowed: at most " + strconv.Itoa(maxTextLen) + ")"
		}
		// Keep text valid UTF-8 (as JSON input already is) so every format
		// reads and writes the same string.
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		*p.slot(i) = answer{set: true, text: s}
	case typeEnum:
		j := q.valueIndex(s)
		if j < 0 {
			j = q.valueIndex(boolAlias(q, s))
		}
		if j < 0 {
			return unknownValue(q, s)
		}
		*p.slot(i) = answer{set: true, val: uint8(j)}
	case typeList:
		if s == "none" {
			return p.setList(i, slices.Values([]string(nil)))
		}
		var bits uint64
		for s != "" { // items separated by ";"; a plain loop, as this is the batch hot path
			item, rest, _ := strings.Cut(s, ";")
			s = rest
			if item = strings.TrimSpace(item); item == "" {
				continue // tolerate "a;;b" and a trailing ";"
			}
			j := q.valueIndex(item)
			if j < 0 {
				return unknownValue(q, item)
			}
			bits |= 1 << j
		}
		*p.slot(i) = answer{set: true, bits: bits}
	default:
		v, ok := parseDecimal(s)
		if !ok {
			return wrongType(q, quote(s))
		}
		return p.setNumber(i, v)
	}
	return ""
}

func (p *Profile) setNumber(i int, v float64) string {
	q := &defaultRules.questions[i]
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "expected a finite number (allowed: " + rangeText(q) + ")"
	case q.hasMin && v < q.min:
		return f(v) + " is below the minimum (allowed: " + rangeText(q) + ")"
	case q.hasMax && v > q.max:
		return f(v) + " is above the maximum (allowed: " + rangeText(q) + ")"
	case q.typ == typeInteger && v != math.Trunc(v):
		return f(v) + " is not a whole number (allowed: whole numbers, " + rangeText(q) + ")"
	}
	*p.slot(i) = answer{set: true, num: v}
	return ""
}

func (p *Profile) setList(i int, items iter.Seq[string]) string {
	q := &defaultRules.questions[i]
	var bits uint64
	for it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue // tolerate "a;;b" and a trailing ";"
		}
		j := q.valueIndex(it)
		if j < 0 {
			return unknownValue(q, it)
		}
		bits |= 1 << j
	}
	*p.slot(i) = answer{set: true, bits: bits}
	return ""
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

func unknownValue(q *question, s string) string {
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

// appendAnswerText writes an answer the way Set reads it.
func appendAnswerText(b []byte, q *question, a *answer) []byte {
	switch q.typ {
	case typeText:
		return append(b, a.text...)
	case typeEnum:
		return append(b, q.values[a.val].value...)
	case typeList:
		if a.bits == 0 {
			return append(b, "none"...)
		}
		first := true
		for j := range q.values {
			if a.bits&(1<<j) != 0 {
				if !first {
					b = append(b, ';')
				}
				b = append(b, q.values[j].value...)
				first = false
			}
		}
		return b
	default:
		return strconv.AppendFloat(b, a.num, 'f', -1, 64)
	}
}

// MarshalJSON writes the known answers as a JSON object in questionnaire
// order; DecodeJSON reads it back to an equal profile.
func (p Profile) MarshalJSON() ([]byte, error) {
	return p.AppendJSON(nil), nil
}

// AppendJSON appends the profile's JSON form to b.
func (p Profile) AppendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	for i := range p.answers {
		a := &p.answers[i]
		if !a.set {
			continue
		}
		q := &defaultRules.questions[i]
		b = appendJSONKey(b, q.id, first)
		first = false
		switch q.typ {
		case typeText:
			b = appendJSONString(b, a.text)
		case typeEnum:
			b = appendJSONString(b, q.values[a.val].value)
		case typeList:
			b = append(b, '[')
			n := 0
			for j := range q.values {
				if a.bits&(1<<j) != 0 {
					if n > 0 {
						b = append(b, ',')
					}
					b = appendJSONString(b, q.values[j].value)
					n++
				}
			}
			b = append(b, ']')
		default:
			b = appendJSONNumber(b, a.num)
		}
	}
	return append(b, '}')
}

// DecodeJSON reads one profile (a JSON object) or several (an array of
// objects). It returns the profiles that decoded cleanly, in input order, and
// an InputErrors naming every problem with file, line and field, so that a
// batch can score its good entries and report the bad ones.
func DecodeJSON(file string, data []byte) ([]Profile, error) {
	root, err := parseJSON(data)
	if err != nil {
		errs := asInputErrors(err)
		errs.place(file, 0)
		return nil, errs
	}
	var objects []jsonValue
	switch root.kind {
	case jsonObject:
		objects = []jsonValue{root}
	case jsonArray:
		objects = root.items
	default:
		return nil, InputErrors{{File: file, Line: root.line, Problem: "expected a profile object or a list of them, got " + root.kind.String()}}
	}
	var profiles []Profile
	var errs InputErrors
	for _, obj := range objects {
		p, perrs := decodeJSONObject(obj)
		if len(perrs) > 0 {
			perrs.place(file, 0)
			errs = append(errs, perrs...)
			continue
		}
		profiles = append(profiles, p)
	}
	if len(errs) > 0 {
		return profiles, errs
	}
	return profiles, nil
}

func decodeJSONObject(obj jsonValue) (Profile, InputErrors) {
	var p Profile
	if obj.kind != jsonObject {
		return p, InputErrors{{Line: obj.line, Problem: "expected a profile object, got " + obj.kind.String()}}
	}
	var errs InputErrors
	seen := make(map[string]int, len(obj.members))
	for _, m := range obj.members {
		if first, dup := seen[m.key]; dup {
			errs = append(errs, &InputError{Line: m.line, Field: m.key, Problem: "given twice (first on line " + strconv.Itoa(first) + ")"})
			continue
		}
		seen[m.key] = m.line
		i, ok := defaultRules.index[m.key]
		if !ok {
			e := unknownFieldError(m.key)
			e.Line = m.line
			errs = append(errs, e)
			continue
		}
		if problem := p.setJSON(i, m.value); problem != "" {
			errs = append(errs, &InputError{Line: m.value.line, Field: m.key, Problem: problem})
		}
	}
	return p, errs
}

// setJSON sets question i from a JSON value, checking its type.
func (p *Profile) setJSON(i int, v jsonValue) string {
	q := &defaultRules.questions[i]
	switch v.kind {
	case jsonNull:
		p.clear(i)
		return ""
	case jsonString:
		if q.typ == typeNumber || q.typ == typeInteger {
			if s := strings.TrimSpace(v.text); s != "" && s != "unknown" {
				return wrongType(q, "text "+quote(v.text)+"; write numbers without quotes")
			}
		}
		return p.setText(i, v.text)
	case jsonNumber:
		switch q.typ {
		case typeNumber, typeInteger:
			f, err := strconv.ParseFloat(v.text, 64)
			if err != nil {
				return "number " + v.text + " is out of range (allowed: " + rangeText(q) + ")"
			}
			return p.setNumber(i, f)
		case typeText:
			return p.setText(i, v.text) // e.g. an all-digit credit code written without quotes
		case typeEnum:
			if q.valueIndex(v.text) >= 0 { // e.g. platform: 1688
				return p.setText(i, v.text)
			}
		}
	case jsonBool:
		if q.typ == typeEnum && q.valueIndex("yes") >= 0 {
			return p.setText(i, v.text)
		}
	case jsonArray:
		if q.typ == typeList {
			items := make([]string, 0, len(v.items))
			for _, it := range v.items {
				if it.kind != jsonString {
					return "list items must be text, got " + it.kind.String() + " (allowed: " + strings.Join(q.valueNames(), ", ") + ")"
				}
				items = append(items, it.text)
			}
			return p.setList(i, slices.Values(items))
		}
		return wrongType(q, "a list")
	}
	return wrongType(q, v.kind.String())
}
