package checker

import (
	"math"
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
	return defaultRules.score(&p)
}

func (rs *ruleSet) score(p *Profile) Result {
	answers := p.answers
	var f facts
	uscc := rs.facts(answers, &f)

	var fired, firedPos uint64
	redPoints, offPoints, floor, nFindings, nPositives := 0, 0, bandLow, 0, 0
	for i := range rs.ruleWhen {
		if rs.ruleWhen[i].match(&f) {
			fired |= 1 << i
			r := &rs.rules[i]
			redPoints += r.points
			floor = max(floor, r.severity)
			nFindings++
		}
	}
	for i := range rs.posWhen {
		if rs.posWhen[i].match(&f) {
			firedPos |= 1 << i
			offPoints -= rs.positives[i].points
			nPositives++
		}
	}

	// Positives cancel at most half of the red-flag points, so a finding
	// always shows; see "method" in rules.json.
	score := min(100, redPoints-min(offPoints, redPoints/2))

	answered := 0.0
	for i := range answers {
		if answers[i].set {
			answered += rs.questions[i].weight
		}
	}
	confidence := math.Round(answered/rs.totalWeight*100) / 100

	band := bandLow
	for b := bandCount - 1; b >= 0; b-- {
		if score >= rs.bands[b].min {
			band = b
			break
		}
	}
	band = max(band, floor)
	if confidence < 0.5 {
		band = max(band, bandModerate)
	}

	// One allocation holds both lists.
	both := make([]Finding, 0, nFindings+nPositives)
	res := Result{
		Score:      score,
		Band:       bandNames[band],
		Confidence: confidence,
		Findings:   both[:0:nFindings],
		Positives:  both[nFindings:nFindings],
		USCC:       uscc,
	}
	for _, i := range rs.ruleOrder {
		if fired&(1<<i) != 0 {
			res.Findings = append(res.Findings, rs.ruleEntry[i])
		}
	}
	for _, i := range rs.posOrder {
		if firedPos&(1<<i) != 0 {
			res.Positives = append(res.Positives, rs.posEntry[i])
		}
	}
	var firedActions uint64
	nActions := 0
	for i := range rs.actWhen {
		if rs.actions[i].afterMask&fired != 0 || rs.actWhen[i].match(&f) {
			firedActions |= 1 << i
			nActions++
		}
	}
	res.Actions = make([]Action, 0, nActions)
	for i := range rs.actions {
		if firedActions&(1<<i) != 0 {
			res.Actions = append(res.Actions, rs.actEntry[i])
		}
	}
	return res
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
	root, err := parseJSON(profile)
	if err != nil {
		return errorsJSON(asInputErrors(err))
	}
	if root.kind != jsonObject {
		return errorsJSON(InputErrors{{Problem: "expected one profile object, got " + root.kind.String()}})
	}
	p, errs := decodeJSONObject(root)
	if len(errs) > 0 {
		return errorsJSON(errs)
	}
	r := defaultRules.score(&p)
	return r.AppendJSON(make([]byte, 0, 2048))
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
