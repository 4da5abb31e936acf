package checker

// Derived values are figures the checker works out from answers; nobody
// answers them. Rules compare them with numbers like any number question
// ("money_at_risk_usd >= 50000"), and they are known only when every answer
// they are made of is. They live here, not in the rules data, because the
// checker owns every scoring decision: templates and scripts only read the
// rules that name them.

// derivedDef is one derived value: the product of two number answers,
// divided by div.
type derivedDef struct {
	id      string
	of      [2]string // the question ids it is made of
	div     float64
	unit    string
	riskier string // which way is riskier, like a number question's
}

// derivedDefs lists the derived values. money_at_risk_usd is what a buyer
// pays before the goods are inspected: the order value times the share paid
// up front.
var derivedDefs = [...]derivedDef{
	{id: "money_at_risk_usd", of: [2]string{"order_value_usd", "deposit_percent"}, div: 100, unit: "US$", riskier: "higher"},
}

// derivedPlan is a derived value resolved against a rule set: where its
// answers sit and the thresholds rules compare it with.
type derivedPlan struct {
	def     *derivedDef
	a, b    int // question indices
	compare []threshold
}

// derivedIndex resolves a derived value by id for rs, adding it to
// rs.derived on first use. It returns its index in rs.derived and "", or -1
// and "" for an id that is not a derived value, or -1 and a problem when the
// rules data lacks the questions it is made of.
func (rs *ruleSet) derivedIndex(id string) (int, string) {
	for i := range rs.derived {
		if rs.derived[i].def.id == id {
			return i, ""
		}
	}
	d := lookupDerived(id)
	if d == nil {
		return -1, ""
	}
	plan, ok := rs.derivedPlanFor(d)
	if !ok {
		return -1, id + " is worked out from the number questions " + d.of[0] + " and " + d.of[1] + ", which these rules lack"
	}
	rs.derived = append(rs.derived, plan)
	return len(rs.derived) - 1, ""
}

// lookupDerived is the derived value named id, or nil.
func lookupDerived(id string) *derivedDef {
	for k := range derivedDefs {
		if derivedDefs[k].id == id {
			return &derivedDefs[k]
		}
	}
	return nil
}

// derivedPlanFor places d's answers in rs; false when rs lacks the number
// questions d is made of.
func (rs *ruleSet) derivedPlanFor(d *derivedDef) (derivedPlan, bool) {
	qa, okA := rs.index[d.of[0]]
	qb, okB := rs.index[d.of[1]]
	if !okA || !okB || !isNumber(rs.questions[qa].typ) || !isNumber(rs.questions[qb].typ) {
		return derivedPlan{}, false
	}
	return derivedPlan{def: d, a: qa, b: qb}, true
}

func isNumber(t questionType) bool { return t == typeNumber || t == typeInteger }

// value is the derived value for answers, and whether it is known.
func (d *derivedPlan) value(answers []answer) (float64, bool) {
	if d.a >= len(answers) || d.b >= len(answers) || !answers[d.a].set || !answers[d.b].set {
		return 0, false
	}
	return answers[d.a].num * answers[d.b].num / d.def.div, true
}

// DerivedValue is the value the checker works out from p's answers for the
// derived value id (money_at_risk_usd: order_value_usd × deposit_percent /
// 100), and whether it is known: false when an answer it needs is missing or
// id is not a derived value.
func DerivedValue(p Profile, id string) (float64, bool) {
	d := lookupDerived(id)
	if d == nil {
		return 0, false
	}
	plan, ok := defaultRules.derivedPlanFor(d)
	if !ok {
		return 0, false
	}
	return plan.value(p.answers)
}

// satisfyDerived sets the bits of the derived-value thresholds the answers
// meet.
func (rs *ruleSet) satisfyDerived(answers []answer, sat *satisfied) {
	for i := range rs.derived {
		d := &rs.derived[i]
		v, ok := d.value(answers)
		if !ok {
			continue
		}
		for _, t := range d.compare {
			if t.holds(v) {
				sat[t.word] |= 1 << t.bit
			}
		}
	}
}

// holds says whether v meets the threshold.
func (t *threshold) holds(v float64) bool {
	switch t.op {
	case opLT:
		return v < t.num
	case opLE:
		return v <= t.num
	case opGT:
		return v > t.num
	default:
		return v >= t.num
	}
}
