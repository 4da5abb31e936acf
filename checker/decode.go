package checker

import (
	"iter"
	"slices"
	"strconv"
)

// Decoding profiles from JSON, one at a time. Every format (and the browser,
// through the WebAssembly build) goes through the same value rules
// (value.go), so a profile means the same whichever way it arrives. Work is bounded on hostile input:
// a list is decoded and handed over one profile at a time, nothing is kept
// for values that cannot be used, and problems past a Problems limit are
// counted without being described.

// Position says where in its input a profile was found.
type Position struct {
	Index int // 1-based position in a list; 0 for a lone profile
	Line  int // line the profile starts on
}

// ReadJSON reads one profile (a JSON object) or a list of them and yields
// each good profile as soon as it is decoded; the Profile is reused, so use
// it before the next one. Problems go to ps as they are found, placed as
// file:line: field. The whole document is checked for syntax first, so a
// malformed file yields nothing. A file with no profiles at all is a problem
// too.
func ReadJSON(file string, data []byte, ps *Problems) iter.Seq2[Position, *Profile] {
	return func(yield func(Position, *Profile) bool) {
		readJSON(file, data, ps, readFile, yield)
	}
}

// DecodeProfile reads one profile object as the site's pages hand it over
// (the questionnaire's answers, a saved supplier). Like DecodeLink it is
// lenient: every valid answer is kept, and each answer refused (an unknown
// field, a value out of range, a field given twice) is listed in refused,
// with its line and field. Input that is not one JSON object is an error
// (InputErrors) and yields no profile. Unlike a file, a profile that
// answers nothing is no problem: it scores as such.
func DecodeProfile(data []byte) (p Profile, refused InputErrors, err error) {
	var all InputErrors
	ps := collect(&all, maxCollected)
	found := false
	readJSON("", data, ps, readLenient, func(_ Position, decoded *Profile) bool {
		p, found = decoded.Clone(), true
		return false
	})
	whole := !found
	for _, e := range all {
		whole = whole || e.Field == ""
	}
	if whole {
		if err := finish(all, ps); err != nil {
			return Profile{}, nil, err
		}
		return Profile{}, nil, InputErrors{{Problem: "expected one profile object {…}"}}
	}
	if e := ps.OmittedError(); e != nil {
		all = append(all, e)
	}
	return p, all, nil
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

// How readJSON reads its input.
type readMode uint8

const (
	readFile    readMode = iota // a file: one object or a list; each profile clean and answering something
	readOne                     // one object only, clean
	readLenient                 // one object only; answers refused are reported and the rest kept
)

// readJSON does the work of ReadJSON and DecodeProfile.
func readJSON(file string, data []byte, ps *Problems, mode readMode, yield func(Position, *Profile) bool) {
	single := mode != readFile
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
		if (r.object(&d) || mode == readLenient) && (single || ps.CheckAnswered(&r.p, file, line, 1)) {
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
				if r.object(&d) && ps.CheckAnswered(&r.p, file, line, n) && !yield(Position{Index: n, Line: line}, &r.p) {
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
