package checker

import (
	"math"
	"math/bits"
	"strconv"
)

// Result is the risk assessment of one profile.
type Result struct {
	Score      int         // 0-100, higher is riskier
	Band       string      // low, moderate, high or critical
	Confidence float64     // 0-1: weighted share of the scored questions answered
	Findings   []Finding   // red flags, most serious first
	Positives  []Finding   // reassuring signs, negative points, largest first
	Actions    []Action    // what to do next, in priority order
	USCC       *USCCResult // the credit code check, when a code was given
}

// Finding is one rule that matched. Positives use the same shape with
// negative points and severity "positive".
type Finding struct {
	ID       string
	Severity string
	Points   int
	Title    string
	Why      string
	Guide    string // site path and anchor that explains it
}

// Action is a next step with the guide page that explains it.
type Action struct {
	ID    string
	Text  string
	Guide string
}

// Score assesses a profile with the embedded rules. It never fails: a
// profile can only hold valid answers, and unknown answers add nothing.
func Score(p Profile) Result {
	o := defaultRules.evaluate(&p)
	res := defaultRules.result(&o, make([]Finding, 0, o.nFindings+o.nPositives), make([]Action, 0, o.nActions))
	if o.hasUSCC {
		u := o.uscc
		res.USCC = &u
	}
	return res
}

// Scorer scores many profiles in a row, reusing its memory. The Result it
// returns is only valid until its next call; batch tools use it to avoid
// allocating for every profile. The zero value is ready to use.
type Scorer struct {
	buf  []Finding
	acts []Action
	uscc USCCResult
	res  Result
}

// Score is like the package's Score, but reuses the scorer's memory.
func (s *Scorer) Score(p *Profile) *Result {
	o := defaultRules.evaluate(p)
	if cap(s.buf) < o.nFindings+o.nPositives {
		s.buf = make([]Finding, 0, 2*(o.nFindings+o.nPositives))
	}
	if cap(s.acts) < o.nActions {
		s.acts = make([]Action, 0, 2*o.nActions)
	}
	s.res = defaultRules.result(&o, s.buf[:0], s.acts[:0])
	if o.hasUSCC {
		s.uscc = o.uscc
		s.res.USCC = &s.uscc
	}
	return &s.res
}

// outcome is what matched, before it is laid out as a Result.
type outcome struct {
	fired, firedPos, firedActions   uint64
	nFindings, nPositives, nActions int
	redPoints, offPoints, floor     int
	confidence                      float64
	uscc                            USCCResult
	hasUSCC                         bool
}

func (rs *ruleSet) evaluate(p *Profile) outcome {
	var o outcome
	sat, answered, hasUSCC := rs.satisfy(p.answers, &o.uscc)
	o.hasUSCC = hasUSCC
	o.fired = matching(&sat, wordRules, rs.multi[wordRules])
	o.firedPos = matching(&sat, wordPositives, rs.multi[wordPositives])
	o.firedActions = matching(&sat, wordActions, rs.multi[wordActions])
	for m := o.fired; m != 0; m &= m - 1 {
		r := &rs.evalRules[bits.TrailingZeros64(m)]
		o.redPoints += r.points
		o.floor = max(o.floor, r.severity)
		o.firedActions |= r.triggers
	}
	for m := o.firedPos; m != 0; m &= m - 1 {
		o.offPoints -= rs.evalPositives[bits.TrailingZeros64(m)].points
	}
	o.nFindings = bits.OnesCount64(o.fired)
	o.nPositives = bits.OnesCount64(o.firedPos)
	o.nActions = bits.OnesCount64(o.firedActions)
	o.confidence = math.Round(answered/rs.totalWeight*100) / 100
	return o
}

// result lays out an outcome, appending findings and positives to one
// buffer (findings first) and actions to another.
func (rs *ruleSet) result(o *outcome, buf []Finding, acts []Action) Result {
	// Positives cancel at most half of the red-flag points, so a finding
	// always shows; see "method" in rules.json.
	score := min(100, o.redPoints-min(o.offPoints, o.redPoints/2))
	band := bandLow
	for b := bandCount - 1; b >= 0; b-- {
		if score >= rs.bands[b].min {
			band = b
			break
		}
	}
	band = max(band, o.floor)
	if o.confidence < 0.5 {
		band = max(band, bandModerate)
	}
	for m := o.fired; m != 0; m &= m - 1 {
		buf = append(buf, rs.evalRules[bits.TrailingZeros64(m)].entry)
	}
	for m := o.firedPos; m != 0; m &= m - 1 {
		buf = append(buf, rs.evalPositives[bits.TrailingZeros64(m)].entry)
	}
	for m := o.firedActions; m != 0; m &= m - 1 {
		acts = append(acts, rs.evalActions[bits.TrailingZeros64(m)])
	}
	return Result{
		Score:      score,
		Band:       bandNames[band],
		Confidence: o.confidence,
		Findings:   buf[:o.nFindings:o.nFindings],
		Positives:  buf[o.nFindings:],
		Actions:    acts,
	}
}

// MarshalJSON writes the result in the public JSON shape.
func (r Result) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(nil), nil
}

// AppendJSON appends the result's JSON form to b: score, band, confidence,
// findings, positives, actions, and uscc when a code was given.
func (r *Result) AppendJSON(b []byte) []byte {
	b = append(b, `{"score":`...)
	b = strconv.AppendInt(b, int64(r.Score), 10)
	b = appendJSONKey(b, "band", false)
	b = appendJSONString(b, r.Band)
	b = appendJSONKey(b, "confidence", false)
	b = appendJSONNumber(b, r.Confidence)
	b = appendJSONKey(b, "findings", false)
	b = appendFindings(b, r.Findings)
	b = appendJSONKey(b, "positives", false)
	b = appendFindings(b, r.Positives)
	b = appendJSONKey(b, "actions", false)
	b = append(b, '[')
	for i := range r.Actions {
		if i > 0 {
			b = append(b, ',')
		}
		a := &r.Actions[i]
		b = appendJSONKey(append(b, '{'), "id", true)
		b = appendJSONString(b, a.ID)
		b = appendJSONKey(b, "text", false)
		b = appendJSONString(b, a.Text)
		b = appendJSONKey(b, "guide", false)
		b = appendJSONString(b, a.Guide)
		b = append(b, '}')
	}
	b = append(b, ']')
	if r.USCC != nil {
		b = appendJSONKey(b, "uscc", false)
		b = r.USCC.AppendJSON(b)
	}
	return append(b, '}')
}

func appendFindings(b []byte, list []Finding) []byte {
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		f := &list[i]
		b = appendJSONKey(append(b, '{'), "id", true)
		b = appendJSONString(b, f.ID)
		b = appendJSONKey(b, "severity", false)
		b = appendJSONString(b, f.Severity)
		b = appendJSONKey(b, "points", false)
		b = strconv.AppendInt(b, int64(f.Points), 10)
		b = appendJSONKey(b, "title", false)
		b = appendJSONString(b, f.Title)
		b = appendJSONKey(b, "why", false)
		b = appendJSONString(b, f.Why)
		b = appendJSONKey(b, "guide", false)
		b = appendJSONString(b, f.Guide)
		b = append(b, '}')
	}
	return append(b, ']')
}

// FindingIDs lists the ids of the findings, most serious first.
func (r *Result) FindingIDs() []string {
	ids := make([]string, len(r.Findings))
	for i := range r.Findings {
		ids[i] = r.Findings[i].ID
	}
	return ids
}

// ScoreJSON decodes one profile object, scores it and returns the result as
// JSON. Bad input yields {"errors":[{"field":…,"problem":…}]} instead; it
// never fails. The WebAssembly build exposes exactly this as safesource.score.
func ScoreJSON(profile []byte) []byte {
	var errs InputErrors
	ps := collect(&errs, maxCollected)
	var out []byte
	readJSON("", profile, ps, true, func(_ Position, p *Profile) bool {
		r := Score(*p)
		out = r.AppendJSON(make([]byte, 0, 2048))
		return false
	})
	if out == nil || len(errs) > 0 {
		if e := ps.OmittedError(); e != nil {
			errs = append(errs, e)
		}
		return errorsJSON(errs)
	}
	return out
}

// USCCJSON validates a credit code and returns the USCCResult as JSON; the
// WebAssembly build exposes it as safesource.uscc.
func USCCJSON(code string) []byte {
	r := ValidateUSCC(code)
	return r.AppendJSON(nil)
}

// errorsJSON writes input problems for JavaScript callers. Syntax errors have
// no field, so their line goes into the problem text.
func errorsJSON(errs InputErrors) []byte {
	b := []byte(`{"errors":[`)
	for i, e := range errs {
		if i > 0 {
			b = append(b, ',')
		}
		problem := e.Problem
		if e.Field == "" && e.Line > 0 {
			problem = "line " + strconv.Itoa(e.Line) + ": " + problem
		}
		b = appendJSONKey(append(b, '{'), "field", true)
		b = appendJSONString(b, e.Field)
		b = appendJSONKey(b, "problem", false)
		b = appendJSONString(b, problem)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}
