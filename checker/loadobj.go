package checker

import (
	"math"
	"strconv"
	"strings"
)

// Reading the JSON objects of the rules data, key by key, so that a key
// nobody asked for (usually a typo) is reported with its line.

// obj reads one JSON object, tracking which keys were used so that unknown
// keys (usually typos) are reported.
type obj struct {
	l     *loader
	where string
	v     jsonValue
	used  []bool
}

func (l *loader) object(v jsonValue, where string) *obj {
	o := &obj{l: l, where: where, v: v, used: make([]bool, len(v.members))}
	if v.kind != jsonObject {
		l.fail(v.line, where, "expected an object, got "+v.kind.String())
		return o
	}
	seen := map[string]int{}
	for _, m := range v.members {
		if first, dup := seen[m.key]; dup {
			l.fail(m.line, where+"."+m.key, "given twice (first on line "+strconv.Itoa(first)+")")
		}
		seen[m.key] = m.line
	}
	return o
}

func (o *obj) get(key string, required bool) (jsonValue, bool) {
	for i, m := range o.v.members {
		if m.key == key {
			o.used[i] = true
			return m.value, true
		}
	}
	if required && o.v.kind == jsonObject {
		o.l.fail(o.v.line, o.where, "missing required key "+quote(key))
	}
	return jsonValue{}, false
}

func (o *obj) str(key string, required bool) (string, int) {
	v, ok := o.get(key, required)
	if !ok {
		return "", 0
	}
	if v.kind != jsonString {
		o.l.fail(v.line, o.where+"."+key, "expected text, got "+v.kind.String())
		return "", v.line
	}
	if required && strings.TrimSpace(v.text) == "" {
		o.l.fail(v.line, o.where+"."+key, "must not be empty")
	}
	return v.text, v.line
}

func (o *obj) num(key string, required bool) (float64, bool, int) {
	v, ok := o.get(key, required)
	if !ok {
		return 0, false, 0
	}
	if v.kind != jsonNumber {
		o.l.fail(v.line, o.where+"."+key, "expected a number, got "+v.kind.String())
		return 0, false, v.line
	}
	f, err := strconv.ParseFloat(v.text, 64)
	if err != nil || math.IsInf(f, 0) {
		o.l.fail(v.line, o.where+"."+key, "number out of range")
		return 0, false, v.line
	}
	return f, true, v.line
}

func (o *obj) integer(key string, required bool) (int, bool, int) {
	f, ok, line := o.num(key, required)
	if !ok {
		return 0, false, line
	}
	if f != math.Trunc(f) || math.Abs(f) > 1e6 {
		o.l.fail(line, o.where+"."+key, "expected a whole number")
		return 0, false, line
	}
	return int(f), true, line
}

func (o *obj) list(key string, required bool) ([]jsonValue, int) {
	v, ok := o.get(key, required)
	if !ok {
		return nil, 0
	}
	if v.kind != jsonArray {
		o.l.fail(v.line, o.where+"."+key, "expected a list, got "+v.kind.String())
		return nil, v.line
	}
	return v.items, v.line
}

func (o *obj) strings(key string) ([]string, int) {
	items, line := o.list(key, false)
	out := make([]string, 0, len(items))
	for i, it := range items {
		if it.kind != jsonString {
			o.l.fail(it.line, o.where+"."+key+"["+strconv.Itoa(i)+"]", "expected text, got "+it.kind.String())
			continue
		}
		out = append(out, it.text)
	}
	return out, line
}

// done reports keys nobody asked for.
func (o *obj) done(known ...string) {
	for i, m := range o.v.members {
		if !o.used[i] {
			o.l.fail(m.line, o.where+"."+m.key, "unknown key"+didYouMean(m.key, known))
		}
	}
}
