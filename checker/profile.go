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
	if problem := p.setText(f.index, value, true); problem != "" {
		return &InputError{Field: f.id, Problem: problem}
	}
	return nil
}

// SetFieldOK is SetField for batch readers past their error limit (see
// Problems): it only says whether the value was accepted, without the cost
// of explaining why not.
func (p *Profile) SetFieldOK(f Field, value string) bool {
	return p.setText(f.index, value, false) == ""
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
	if problem := p.setNumber(f.index, v, true); problem != "" {
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
	if problem := p.setList(f.index, slices.Values(values), true); problem != "" {
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

// unexplained stands for a problem nobody will read (see SetFieldOK).
const unexplained = "rejected"

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
