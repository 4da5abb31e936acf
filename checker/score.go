package checker

import (
	"math"
	"math/bits"
	"strconv"
)

// Result is the risk assessment of one profile.
type Result struct {
	Score        int           // 0-100, higher is riskier
	Band         string        // low, moderate, high or critical
	Confidence   float64       // 0-1: weighted share of the scored questions answered
	Findings     []Finding     // red flags, most serious first
	Positives    []Finding     // reassuring signs, negative points, largest first
	Actions      []Action      // what to do next, in priority order
	Improvements []Improvement // up to three changes that would lower the score most, best first
	RulesVersion int           // the version of the rules that produced this result
	USCC         *USCCResult   // the credit code check, when a code was given
}

// Improvement is an answer the buyer can still change (how to pay, whom to
// pay, the contract, samples, inspection, factory check, tracking), the
// safest value to change it to, and the score the profile would then have.
type Improvement struct {
	Question   string // question id
	Answer     string // the value to change it to
	ScoreAfter int    // the score of the profile with that one answer changed
	Text       string // the change, in words
	Guide      string // site path and anchor that explains it
}

// maxImprovements is how many improvements a result lists at most.
const maxImprovements = 3

// RulesVersion is the version of the embedded rules: it goes up whenever
// scoring can change, so a stored result says which rules produced it.
func RulesVersion() int { return defaultRules.version }

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
	res.Improvements = defaultRules.improvements(p.answers, &o, res.Score, nil)
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
	imps []Improvement
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
	s.res.Improvements = defaultRules.improvements(p.answers, &o, s.res.Score, s.imps[:0])
	s.imps = s.res.Improvements
	if o.hasUSCC {
		s.uscc = o.uscc
		s.res.USCC = &s.uscc
	}
	return &s.res
}

// outcome is what matched, before it is laid out as a Result.
type outcome struct {
	sat                             satisfied // the clause bits the answers set
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
	o.sat = sat
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
	score := scoreFrom(o.redPoints, o.offPoints)
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
		Score:        score,
		Band:         bandNames[band],
		Confidence:   o.confidence,
		Findings:     buf[:o.nFindings:o.nFindings],
		Positives:    buf[o.nFindings:],
		Actions:      acts,
		RulesVersion: rs.version,
	}
}

// scoreFrom is the method in rules.json: positives cancel at most half of
// the red-flag points, so a finding always shows, and the score stops at 100.
func scoreFrom(red, off int) int {
	return min(100, red-min(off, red/2))
}

// scoreSat scores a set of satisfied clause bits.
func (rs *ruleSet) scoreSat(sat *satisfied) int {
	red, off := 0, 0
	for m := matching(sat, wordRules, rs.multi[wordRules]); m != 0; m &= m - 1 {
		red += rs.evalRules[bits.TrailingZeros64(m)].points
	}
	for m := matching(sat, wordPositives, rs.multi[wordPositives]); m != 0; m &= m - 1 {
		off -= rs.evalPositives[bits.TrailingZeros64(m)].points
	}
	return scoreFrom(red, off)
}

// improvements re-scores the profile with each actionable answer changed to
// its safest value and keeps the changes that lower the score, largest drop
// first (ties in questionnaire order), at most maxImprovements. Only one
// question's bits change per try (see finishPlans), so each costs a few word
// operations and the rule sums, not a full scoring.
func (rs *ruleSet) improvements(answers []answer, o *outcome, score int, buf []Improvement) []Improvement {
	if score == 0 {
		return buf // nothing can go lower
	}
	for _, qi := range rs.actionable {
		q := &rs.questions[qi]
		if qi < len(answers) && answers[qi].set && int(answers[qi].val) == q.improve.to {
			continue
		}
		pl := &rs.plans[qi]
		sat := o.sat
		for w := range satWords {
			sat[w] &^= pl.any[w]
		}
		sat.or(&pl.byValue[q.improve.to])
		after := rs.scoreSat(&sat)
		if after >= score {
			continue
		}
		imp := Improvement{Question: q.id, Answer: q.values[q.improve.to].value, ScoreAfter: after, Text: q.improve.text, Guide: q.improve.guide}
		// Insert in order of score_after; stable, so ties keep data order.
		i := len(buf)
		for i > 0 && buf[i-1].ScoreAfter > after {
			i--
		}
		if i >= maxImprovements {
			continue
		}
		if len(buf) < maxImprovements {
			buf = append(buf, Improvement{})
		}
		copy(buf[i+1:], buf[i:len(buf)-1])
		buf[i] = imp
	}
	return buf
}

// MarshalJSON writes the result in the public JSON shape.
func (r Result) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(nil), nil
}

// AppendJSON appends the result's JSON form to b: score, band, confidence,
// rules_version, findings, positives, actions, improvements, and uscc when a
// code was given.
func (r *Result) AppendJSON(b []byte) []byte {
	b = append(b, `{"score":`...)
	b = strconv.AppendInt(b, int64(r.Score), 10)
	b = appendJSONKey(b, "band", false)
	b = appendJSONString(b, r.Band)
	b = appendJSONKey(b, "confidence", false)
	b = appendJSONNumber(b, r.Confidence)
	b = appendJSONKey(b, "rules_version", false)
	b = strconv.AppendInt(b, int64(r.RulesVersion), 10)
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
	b = appendJSONKey(b, "improvements", false)
	b = append(b, '[')
	for i := range r.Improvements {
		if i > 0 {
			b = append(b, ',')
		}
		m := &r.Improvements[i]
		b = appendJSONKey(append(b, '{'), "question", true)
		b = appendJSONString(b, m.Question)
		b = appendJSONKey(b, "answer", false)
		b = appendJSONString(b, m.Answer)
		b = appendJSONKey(b, "score_after", false)
		b = strconv.AppendInt(b, int64(m.ScoreAfter), 10)
		b = appendJSONKey(b, "guide", false)
		b = appendJSONString(b, m.Guide)
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
	p, bad := decodeOne(profile)
	if bad != nil {
		return bad
	}
	r := Score(p)
	return r.AppendJSON(make([]byte, 0, 2048))
}

// decodeOne decodes one profile object for the JavaScript entry points;
// on bad input it returns the {"errors":[…]} reply instead.
func decodeOne(data []byte) (Profile, []byte) {
	var errs InputErrors
	ps := collect(&errs, maxCollected)
	var p Profile
	found := false
	readJSON("", data, ps, true, func(_ Position, decoded *Profile) bool {
		p, found = decoded.Clone(), true
		return false
	})
	if !found || len(errs) > 0 {
		if e := ps.OmittedError(); e != nil {
			errs = append(errs, e)
		}
		return Profile{}, errorsJSON(errs)
	}
	return p, nil
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
