package checker

import (
	"iter"
	"slices"
	"strconv"
	"strings"
)

// Decoding profiles from JSON, one at a time. Every format (and the browser,
// through the WebAssembly build) goes through the checks here, so a profile
// means the same whichever way it arrives. Work is bounded on hostile input:
// a list is decoded and handed over one profile at a time, nothing is kept
// for values that cannot be used, and problems past a Problems limit are
// counted without being described.

// Position says where in its input a profile was found.
type Position struct {
	Index int // 1-based position in a list; 0 for a lone profile
	Line  int // line the profile starts on
}

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

// ReadJSON reads one profile (a JSON object) or a list of them and yields
// each good profile as soon as it is decoded; the Profile is reused, so use
// it before the next one. Problems go to ps as they are found, placed as
// file:line: field. The whole document is checked for syntax first, so a
// malformed file yields nothing. A file with no profiles at all is a problem
// too.
func ReadJSON(file string, data []byte, ps *Problems) iter.Seq2[Position, *Profile] {
	return func(yield func(Position, *Profile) bool) {
		readJSON(file, data, ps, false, yield)
	}
}

// DecodeJSON reads one profile (a JSON object) or several (an array of
// objects). It returns the profiles that decoded cleanly, in input order, and
// an InputErrors naming the problems (the first 100, then how many more)
// with file, line and field, so that a batch can score its good entries and
// report the bad ones.
func DecodeJSON(file string, data []byte) ([]Profile, error) {
	var errs InputErrors
	ps := collect(&errs, maxCollected)
	var list []Profile
	for _, p := range ReadJSON(file, data, ps) {
		list = append(list, p.Clone())
	}
	return list, finish(errs, ps)
}

// maxCollected is how many problems the decoders that return them all at
// once keep.
const maxCollected = 100

// finish turns collected problems into an error, adding the count of those
// past the limit.
func finish(errs InputErrors, ps *Problems) error {
	if e := ps.OmittedError(); e != nil {
		errs = append(errs, e)
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Clone returns a copy that shares no memory with p, to keep a profile a
// reader yields (readers reuse theirs).
func (p Profile) Clone() Profile {
	return Profile{answers: slices.Clone(p.answers)}
}

// readJSON does the work of ReadJSON; with single it takes one object only.
func readJSON(file string, data []byte, ps *Problems, single bool, yield func(Position, *Profile) bool) {
	text, bad := DecodeText(data)
	if bad != nil {
		bad.File = file
		ps.Add(bad)
		return
	}
	d := jsonParser{data: text, line: 1}
	problem := func(line int, field, msg string) {
		ps.Add(&InputError{File: file, Line: line, Field: field, Problem: msg})
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		problem(d.line, "", "the file is empty: expected a profile object {…} or a list of them […]")
		return
	}
	// Syntax first, so that a truncated or corrupt file scores nothing.
	err := d.skipValue()
	if err == nil {
		d.skipSpace()
		if d.pos < len(d.data) {
			err = d.fail("unexpected " + d.found() + " after the end of the document")
		}
	}
	if err != nil {
		se := err.(*jsonSyntaxError)
		problem(se.line, "", "invalid JSON: "+se.msg)
		return
	}
	d.pos, d.line = 0, 1
	d.skipSpace()
	r := profileReader{file: file, ps: ps, seen: make([]int, len(defaultRules.questions))}
	switch c := d.data[d.pos]; {
	case c == '{':
		line := d.line
		if r.object(&d) {
			yield(Position{Line: line}, &r.p)
		}
	case c == '[' && !single:
		d.pos++
		n := 0
		for {
			d.skipSpace()
			if d.data[d.pos] == ']' {
				break
			}
			n++
			line := d.line
			if d.data[d.pos] == '{' {
				if r.object(&d) && !yield(Position{Index: n, Line: line}, &r.p) {
					return
				}
			} else {
				v := d.shallow()
				if ps.Wants() {
					problem(line, "", "list item "+strconv.Itoa(n)+" is "+v.Kind.String()+", not a profile object {…}")
				} else {
					ps.Add(nil)
				}
			}
			d.skipSpace()
			if d.data[d.pos] == ',' {
				d.pos++
			}
		}
		if n == 0 {
			problem(d.line, "", "the list is empty: there are no profiles to score")
		}
	default:
		line := d.line
		v := d.shallow()
		want := "a profile object {…} or a list of them […]"
		if single {
			want = "one profile object {…}"
		}
		problem(line, "", "expected "+want+", got "+v.Kind.String())
	}
}

// profileReader decodes profile objects, reusing its memory.
type profileReader struct {
	file string
	ps   *Problems
	p    Profile
	seen []int // line each question was first given on, 0 if not yet
}

// object decodes the object at d.pos into r.p and reports whether it was
// clean. The syntax has been checked already.
func (r *profileReader) object(d *jsonParser) bool {
	r.p.Reset()
	clear(r.seen)
	ok := true
	add := func(line int, field string, problem func() string) {
		ok = false
		if !r.ps.Wants() {
			r.ps.Add(nil)
			return
		}
		r.ps.Add(&InputError{File: r.file, Line: line, Field: clip(field), Problem: problem()})
	}
	d.pos++ // {
	for {
		d.skipSpace()
		if d.data[d.pos] == '}' {
			d.pos++
			return ok
		}
		if d.data[d.pos] == ',' {
			d.pos++
			d.skipSpace()
		}
		keyLine := d.line
		key, _ := d.str()
		d.skipSpace()
		d.pos++ // :
		d.skipSpace()
		i, known := defaultRules.index[key]
		switch {
		case !known:
			d.skipValue()
			add(keyLine, key, func() string { return unknownFieldError(clip(key)).Problem })
		case r.seen[i] > 0:
			d.skipValue()
			first := r.seen[i]
			add(keyLine, key, func() string { return "given twice (first on line " + strconv.Itoa(first) + ")" })
		default:
			r.seen[i] = keyLine
			valLine := d.line
			v := d.shallow()
			if problem := r.p.setValue(i, v, r.ps.Wants()); problem != "" {
				add(valLine, key, func() string { return problem })
			}
		}
	}
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
