package checker

import (
	"math"
	"math/bits"
	"strconv"
)

// Result is the risk assessment of one profile. Besides the score and band
// it carries their explanation, so no caller has to work it out again: the
// points behind the score and what set the band.
type Result struct {
	Score        int           // 0-100, higher is riskier
	Band         string        // low, moderate, high or critical (see Bands)
	ScoreBand    string        // the band the score alone falls in
	BandReason   string        // what set Band: BandByScore, BandByFinding or BandByConfidence
	BandBy       string        // id of the finding that set Band, when BandReason is BandByFinding
	RedPoints    int           // the findings' points, before the positives
	OffPoints    int           // points the positives took off the score (after the cap)
	Confidence   float64       // 0-1: weighted share of the scored questions answered
	Known        int           // how many of the questions that matter most were answered
	KnownOf      int           // how many questions matter most (the weight-2 ones)
	Findings     []*Finding    // red flags, most serious first (shared with the rules: read only)
	Positives    []*Finding    // reassuring signs, negative points, largest first (read only)
	Actions      []*Action     // what to do next, in priority order (read only)
	Improvements []Improvement // up to three changes that would lower the score most, best first
	RulesVersion int           // the version of the rules that produced this result
	USCC         *USCCResult   // the credit code check, when a code was given
	Entity       *Entity       // the documents behind the company, when any was given (entity.go)
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
	res := defaultRules.result(&o, make([]*Finding, 0, o.nFindings+o.nPositives), make([]*Action, 0, o.nActions))
	res.Improvements = defaultRules.improvements(p.answers, &o, res.Score, nil)
	// A code given makes an entity section, which holds the code's check.
	if res.Entity = defaultRules.entity(&o.entity, p.answers, nil); res.Entity != nil {
		res.USCC = res.Entity.USCC
	}
	return res
}

// Scorer scores many profiles in a row, reusing its memory. The Result it
// returns is only valid until its next call; batch tools use it to avoid
// allocating for every profile. The zero value is ready to use.
type Scorer struct {
	// NoImprovements leaves Result.Improvements empty, for outputs that do
	// not show them: trying every answer the buyer could change is the
	// largest part of a score.
	NoImprovements bool

	buf    []*Finding
	acts   []*Action
	imps   []Improvement
	entity Entity
	res    Result
}

// Score is like the package's Score, but reuses the scorer's memory.
func (s *Scorer) Score(p *Profile) *Result {
	o := defaultRules.evaluate(p)
	if cap(s.buf) < o.nFindings+o.nPositives {
		s.buf = make([]*Finding, 0, 2*(o.nFindings+o.nPositives))
	}
	if cap(s.acts) < o.nActions {
		s.acts = make([]*Action, 0, 2*o.nActions)
	}
	s.res = defaultRules.result(&o, s.buf[:0], s.acts[:0])
	if !s.NoImprovements {
		if s.imps == nil {
			s.imps = make([]Improvement, 0, maxImprovements)
		}
		s.res.Improvements = defaultRules.improvements(p.answers, &o, s.res.Score, s.imps[:0])
	}
	if s.res.Entity = defaultRules.entity(&o.entity, p.answers, &s.entity); s.res.Entity != nil {
		s.res.USCC = s.res.Entity.USCC
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
	known                           int
	entity                          entityCheck
}

func (rs *ruleSet) evaluate(p *Profile) outcome {
	var o outcome
	rs.check(p.answers, &o.entity)
	sat, answered, known := rs.satisfy(p.answers, &o.entity)
	o.known = known
	o.sat = sat
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
// buffer (findings first) and actions to another. The entries point into the
// rules rather than copying them: a result then costs a pointer per entry,
// which keeps one score's allocation small.
func (rs *ruleSet) result(o *outcome, buf []*Finding, acts []*Action) Result {
	score := scoreFrom(o.redPoints, o.offPoints)
	scoreBand := bandLow
	for b := bandCount - 1; b >= 0; b-- {
		if score >= rs.bands[b].min {
			scoreBand = b
			break
		}
	}
	band := max(scoreBand, o.floor)
	if o.confidence < 0.5 {
		band = max(band, bandModerate)
	}
	reason, by := BandByScore, ""
	if band != scoreBand {
		reason = BandByConfidence
		if o.floor == band {
			reason, by = BandByFinding, rs.bandSetter(o.fired, band)
		}
	}
	for m := o.fired; m != 0; m &= m - 1 {
		buf = append(buf, &rs.evalRules[bits.TrailingZeros64(m)].entry)
	}
	for m := o.firedPos; m != 0; m &= m - 1 {
		buf = append(buf, &rs.evalPositives[bits.TrailingZeros64(m)].entry)
	}
	for m := o.firedActions; m != 0; m &= m - 1 {
		acts = append(acts, &rs.evalActions[bits.TrailingZeros64(m)])
	}
	return Result{
		Score:        score,
		Band:         bandNames[band],
		ScoreBand:    bandNames[scoreBand],
		BandReason:   reason,
		BandBy:       by,
		RedPoints:    o.redPoints,
		OffPoints:    min(o.offPoints, o.redPoints/2),
		Confidence:   o.confidence,
		Known:        o.known,
		KnownOf:      rs.keyQuestions,
		Findings:     buf[:o.nFindings:o.nFindings],
		Positives:    buf[o.nFindings:],
		Actions:      acts,
		RulesVersion: rs.version,
	}
}

// The reasons a result's band is what it is (Result.BandReason).
const (
	BandByScore      = "score"      // the score falls in it
	BandByFinding    = "finding"    // a finding's severity raised it (Result.BandBy)
	BandByConfidence = "confidence" // too few answers: it is at least moderate
)

// Bands lists the band names, lowest risk first; a band's position is its
// rank.
func Bands() []string {
	return append([]string(nil), bandNames[:]...)
}

// BandRank is the position of a band name in Bands, or -1 for a name that
// is not a band.
func BandRank(band string) int {
	for i, b := range bandNames {
		if b == band {
			return i
		}
	}
	return -1
}

// scoreFrom is the method in rules.json: positives cancel at most half of
// the red-flag points, so a finding always shows, and the score stops at 100.
func scoreFrom(red, off int) int {
	return min(100, red-min(off, red/2))
}

// bandSetter is the id of the most serious fired finding of severity band.
func (rs *ruleSet) bandSetter(fired uint64, band int) string {
	for m := fired; m != 0; m &= m - 1 {
		if r := &rs.evalRules[bits.TrailingZeros64(m)]; r.severity == band {
			return r.entry.ID
		}
	}
	return ""
}

// pointsOf adds up the points of the entries in mask.
func pointsOf(list []scored, mask uint64) int {
	sum := 0
	for m := mask; m != 0; m &= m - 1 {
		sum += list[bits.TrailingZeros64(m)].points
	}
	return sum
}

// improvements re-scores the profile with each actionable answer changed to
// its safest value and keeps the changes that lower the score, largest drop
// first (ties in questionnaire order), at most maxImprovements. Only one
// question's bits change per try (see finishPlans), and only the findings
// and positives that read that question can change, so a try costs a few
// word operations and the points of those entries, not a full scoring; a
// question whose new answer cannot lower the score is not tried at all.
func (rs *ruleSet) improvements(answers []answer, o *outcome, score int, buf []Improvement) []Improvement {
	if score == 0 {
		return buf // nothing can go lower
	}
	for _, qi := range rs.actionable {
		q, pl := &rs.questions[qi], &rs.plans[qi]
		// The score drops only if a fired finding that reads this question
		// stops, or a positive that reads it starts while the positives
		// are still under their cap.
		canDrop := o.fired&pl.touchRules != 0
		canOffset := pl.touchPositives&^o.firedPos != 0 && o.offPoints < o.redPoints/2
		if !canDrop && !canOffset {
			continue
		}
		if qi < len(answers) && answers[qi].set && int(answers[qi].val) == q.improve.to {
			continue
		}
		sat := o.sat
		for w := range satWords {
			sat[w] &^= pl.any[w]
		}
		sat.or(&pl.byValue[q.improve.to])
		fired := matching(&sat, wordRules, pl.multiRules) & pl.touchRules
		firedPos := matching(&sat, wordPositives, pl.multiPositives) & pl.touchPositives
		red := o.redPoints - pointsOf(rs.evalRules, o.fired&pl.touchRules) + pointsOf(rs.evalRules, fired)
		off := o.offPoints + pointsOf(rs.evalPositives, o.firedPos&pl.touchPositives) - pointsOf(rs.evalPositives, firedPos)
		after := scoreFrom(red, off)
		if after >= score {
			continue
		}
		// Insert in order of score_after; stable, so ties keep data order.
		i := len(buf)
		for i > 0 && buf[i-1].ScoreAfter > after {
			i--
		}
		if i >= maxImprovements {
			continue
		}
		if buf == nil {
			buf = make([]Improvement, 0, maxImprovements)
		}
		if len(buf) < maxImprovements {
			buf = append(buf, Improvement{})
		}
		copy(buf[i+1:], buf[i:len(buf)-1])
		buf[i] = Improvement{Question: q.id, Answer: q.values[q.improve.to].value, ScoreAfter: after, Text: q.improve.text, Guide: q.improve.guide}
	}
	return buf
}

// MarshalJSON writes the result in the public JSON shape.
func (r Result) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(nil), nil
}

// AppendJSON appends the result's JSON form to b: score, band, confidence,
// known, known_of (answered questions that matter most, of how many),
// rules_version, findings, positives, actions, improvements, and uscc when a
// code was given.
func (r *Result) AppendJSON(b []byte) []byte {
	b = append(b, `{"score":`...)
	b = strconv.AppendInt(b, int64(r.Score), 10)
	b = appendJSONKey(b, "band", false)
	b = appendJSONString(b, r.Band)
	b = appendJSONKey(b, "confidence", false)
	b = appendJSONNumber(b, r.Confidence)
	b = appendJSONKey(b, "known", false)
	b = strconv.AppendInt(b, int64(r.Known), 10)
	b = appendJSONKey(b, "known_of", false)
	b = strconv.AppendInt(b, int64(r.KnownOf), 10)
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
		a := r.Actions[i]
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
	if r.Entity != nil {
		b = appendJSONKey(b, "entity", false)
		b = r.Entity.AppendJSON(b)
	}
	return append(b, '}')
}

func appendFindings(b []byte, list []*Finding) []byte {
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		f := list[i]
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
