package checker

import (
	"strconv"
	"sync"
)

// Every earlier rules version stays in the binary (history/, carried like
// rules.json by internal/genrules), so that a result made with old rules —
// a share link, a saved supplier — can be scored again and the change
// explained: the old score, the new one, and the findings that came or went.
// Old versions are parsed only when first needed.

//go:generate go run ./internal/genrules -in history/rules-v1.json -out rules_v1_data.go -const rulesV1Text -history
//go:generate go run ./internal/genrules -in history/rules-v2.json -out rules_v2_data.go -const rulesV2Text
//go:generate go run ./internal/genrules -in history/rules-v3.json -out rules_v3_data.go -const rulesV3Text

// historyTexts holds the rules data of each earlier version, by version.
var historyTexts = map[int]string{1: rulesV1Text, 2: rulesV2Text, 3: rulesV3Text}

var (
	historyMu    sync.Mutex
	historyRules = map[int]*ruleSet{}
)

// rulesOfVersion returns the rules of version v.
func rulesOfVersion(v int) (*ruleSet, error) {
	if v == defaultRules.version {
		return defaultRules, nil
	}
	text, ok := historyTexts[v]
	if !ok {
		return nil, versionError(v)
	}
	historyMu.Lock()
	defer historyMu.Unlock()
	if rs := historyRules[v]; rs != nil {
		return rs, nil
	}
	rs, err := parseRules("checker/history/rules-v"+strconv.Itoa(v)+".json", []byte(text))
	if err != nil {
		return nil, err
	}
	historyRules[v] = rs
	return rs, nil
}

func versionError(v int) *InputError {
	cur := strconv.Itoa(defaultRules.version)
	if v > defaultRules.version {
		return &InputError{Field: "rules_version", Problem: "rules v" + strconv.Itoa(v) + " are newer than this checker's (v" + cur + "); update the checker"}
	}
	return &InputError{Field: "rules_version", Problem: "there is no rules v" + strconv.Itoa(v) + " (allowed: 1 to " + cur + ")"}
}

// translate carries answers over to another rule set's questions by id and
// value name; questions or values the other set lacks stay unanswered.
func translate(answers []answer, to *ruleSet) []answer {
	out := make([]answer, len(to.questions))
	for i := range answers {
		a := &answers[i]
		if !a.set {
			continue
		}
		from := &defaultRules.questions[i]
		j, ok := to.index[from.id]
		if !ok {
			continue
		}
		q := &to.questions[j]
		if q.typ != from.typ {
			continue
		}
		switch q.typ {
		case typeEnum:
			k := q.valueIndex(from.values[a.val].value)
			if k < 0 {
				continue
			}
			out[j] = answer{set: true, val: uint8(k)}
		case typeList:
			var bits uint64
			for v := range from.values {
				if a.bits&(1<<v) != 0 {
					if k := q.valueIndex(from.values[v].value); k >= 0 {
						bits |= 1 << k
					}
				}
			}
			out[j] = answer{set: true, bits: bits}
		default:
			out[j] = *a
		}
	}
	return out
}

// Rescore compares a profile's result under the rules it was scored with
// and under the current rules.
type Rescore struct {
	FromVersion, ToVersion int
	Before, After          Result
	Added, Removed         []*Finding // findings only the current rules show, and only the old ones showed
	Changes                []string   // what changed in each version after FromVersion, newest first
}

// ScoreAgain scores p with the rules of version from and with the current
// rules, and says what changed. It fails only for a version this checker
// does not know.
func ScoreAgain(p Profile, from int) (Rescore, error) {
	old, err := rulesOfVersion(from)
	if err != nil {
		return Rescore{}, err
	}
	r := Rescore{FromVersion: from, ToVersion: defaultRules.version, After: Score(p)}
	if old == defaultRules {
		r.Before = r.After
		return r, nil
	}
	op := Profile{answers: translate(p.answers, old)}
	o := old.evaluate(&op)
	r.Before = old.result(&o, make([]*Finding, 0, o.nFindings+o.nPositives), make([]*Action, 0, o.nActions))
	r.Before.Improvements = old.improvements(op.answers, &o, r.Before.Score, nil)
	r.Added = findingsMissing(r.After.Findings, r.Before.Findings)
	r.Removed = findingsMissing(r.Before.Findings, r.After.Findings)
	for _, c := range defaultRules.changelog {
		if c.version > from {
			r.Changes = append(r.Changes, c.summary...)
		}
	}
	return r, nil
}

// findingsMissing returns the findings of a whose ids b lacks.
func findingsMissing(a, b []*Finding) []*Finding {
	var out []*Finding
	for _, f := range a {
		found := false
		for _, g := range b {
			if g.ID == f.ID {
				found = true
				break
			}
		}
		if !found {
			out = append(out, f)
		}
	}
	return out
}

// AppendJSON writes the comparison: from_version, to_version, score_before,
// band_before, score_after, band_after, added and removed ([{id, severity,
// points, title}]), changes (sentences), and result (the current result).
func (r *Rescore) AppendJSON(b []byte) []byte {
	b = append(b, `{"from_version":`...)
	b = strconv.AppendInt(b, int64(r.FromVersion), 10)
	b = appendJSONKey(b, "to_version", false)
	b = strconv.AppendInt(b, int64(r.ToVersion), 10)
	b = appendJSONKey(b, "score_before", false)
	b = strconv.AppendInt(b, int64(r.Before.Score), 10)
	b = appendJSONKey(b, "band_before", false)
	b = appendJSONString(b, r.Before.Band)
	b = appendJSONKey(b, "score_after", false)
	b = strconv.AppendInt(b, int64(r.After.Score), 10)
	b = appendJSONKey(b, "band_after", false)
	b = appendJSONString(b, r.After.Band)
	for _, part := range []struct {
		key  string
		list []*Finding
	}{{"added", r.Added}, {"removed", r.Removed}} {
		b = appendJSONKey(b, part.key, false)
		b = append(b, '[')
		for i := range part.list {
			if i > 0 {
				b = append(b, ',')
			}
			f := part.list[i]
			b = appendJSONKey(append(b, '{'), "id", true)
			b = appendJSONString(b, f.ID)
			b = appendJSONKey(b, "severity", false)
			b = appendJSONString(b, f.Severity)
			b = appendJSONKey(b, "points", false)
			b = strconv.AppendInt(b, int64(f.Points), 10)
			b = appendJSONKey(b, "title", false)
			b = appendJSONString(b, f.Title)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendJSONKey(b, "changes", false)
	b = append(b, '[')
	for i, c := range r.Changes {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, c)
	}
	b = append(b, ']')
	b = appendJSONKey(b, "result", false)
	b = r.After.AppendJSON(b)
	return append(b, '}')
}

// Change is one version's entry in the rules changelog.
type Change struct {
	Version int
	Date    string // YYYY-MM-DD
	Summary []string
}

// Changelog lists every rules version, newest first, with what changed.
func Changelog() []Change {
	out := make([]Change, len(defaultRules.changelog))
	for i, c := range defaultRules.changelog {
		out[i] = Change{Version: c.version, Date: c.date, Summary: append([]string(nil), c.summary...)}
	}
	return out
}
