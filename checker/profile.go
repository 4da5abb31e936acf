package checker

import (
	"slices"
	"strconv"
	"strings"
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

// Answered reports whether the profile answers at least one question.
func (p *Profile) Answered() bool {
	for i := range p.answers {
		if p.answers[i].set {
			return true
		}
	}
	return false
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
