package checker

import "strconv"

// Loading the questions of the rules data: types, values, bounds, weights
// and the improvement a buyer can make.

// questions reads the questions, in questionnaire order, into rs.
func (l *loader) questions(rs *ruleSet, items []jsonValue) {
	sectionIDs := make([]string, len(rs.sections))
	for i, s := range rs.sections {
		sectionIDs[i] = s.id
	}
	for i, it := range items {
		where := "questions[" + strconv.Itoa(i) + "]"
		o := l.object(it, where)
		var q question
		var idLine int
		q.id, idLine = o.str("id", true)
		if q.id != "" {
			where += " " + q.id
		}
		o.where = where
		var secLine, typeLine int
		q.section, secLine = o.str("section", true)
		q.label, _ = o.str("label", false) // empty in the browser's copy (internal/rulestext)
		q.help, _ = o.str("help", false)   // empty in the browser's copy (internal/rulestext)
		var typ string
		typ, typeLine = o.str("type", true)
		q.format, _ = o.str("format", false)
		q.unit, _ = o.str("unit", false)
		q.riskier, _ = o.str("riskier", false)
		var wLine int
		q.weight, _, wLine = o.num("weight", true)
		q.min, q.hasMin, _ = o.num("min", false)
		var maxLine int
		q.max, q.hasMax, maxLine = o.num("max", false)
		values, valuesLine := o.list("values", false)
		unansweredAs, uaLine := o.str("unanswered_as", false)
		improveVal, improveFound := o.get("improve", false)
		o.done("id", "section", "label", "help", "type", "format", "unit", "riskier", "weight", "min", "max", "values", "unanswered_as", "improve")

		if !isSnakeID(q.id) {
			l.fail(idLine, where+".id", "question ids are lowercase snake_case")
		}
		if _, dup := rs.index[q.id]; dup {
			l.fail(idLine, where+".id", "duplicate question id")
		}
		if !contains(sectionIDs, q.section) {
			l.fail(secLine, where+".section", "unknown section "+quote(q.section)+didYouMean(q.section, sectionIDs))
		}
		t, ok := typeNames[typ]
		if !ok {
			l.fail(typeLine, where+".type", "unknown type "+quote(typ)+" (allowed: text, enum, list, number, integer)")
		}
		q.typ = t
		if q.weight < 0 {
			l.fail(wLine, where+".weight", "must be 0 or more")
		}
		l.checkNumber(&q, o.v.line, maxLine, where)
		if q.format != "" && (q.format != "uscc" || t != typeText) {
			l.fail(o.v.line, where+".format", "the only format is \"uscc\", on a text question")
		}
		if q.format == "uscc" {
			if rs.usccQ >= 0 {
				l.fail(o.v.line, where+".format", "only one question may hold the credit code")
			}
			rs.usccQ = len(rs.questions)
		}
		hasValues := t == typeEnum || t == typeList
		if hasValues != (len(values) > 0) {
			l.fail(firstLine(valuesLine, o.v.line), where+".values", "enum and list questions, and only they, list their values")
		}
		l.values(&q, values, where)
		q.unansweredAs = -1
		if uaLine > 0 {
			q.unansweredAs = q.valueIndex(unansweredAs)
			if t != typeEnum || q.unansweredAs < 0 || q.weight != 0 {
				l.fail(uaLine, where+".unanswered_as", "only an enum question of weight 0 may assume an answer, and it must be one of its values")
				q.unansweredAs = -1
			}
		}
		if improveFound && q.unansweredAs >= 0 {
			l.fail(uaLine, where+".improve", "a question that assumes an answer cannot also name an improvement")
		} else if improveFound {
			q.improve = l.improve(&q, improveVal, where+".improve")
			if q.improve != nil {
				rs.actionable = append(rs.actionable, len(rs.questions))
			}
		}
		if q.id == "supplier_name" {
			rs.nameQ = len(rs.questions)
		}
		rs.index[q.id] = len(rs.questions)
		rs.ids = append(rs.ids, q.id)
		rs.questions = append(rs.questions, q)
		rs.totalWeight += q.weight
		if q.weight >= keyWeight {
			rs.keyQuestions++
		}
	}
	if len(rs.questions) > maxQuestions {
		l.fail(0, "questions", "at most "+strconv.Itoa(maxQuestions)+" questions")
	}
	if rs.totalWeight <= 0 {
		l.fail(0, "questions", "at least one question needs a weight above 0 for confidence")
	}
}

// checkNumber checks what applies to number questions only: the direction
// that is riskier, the bounds and the unit.
func (l *loader) checkNumber(q *question, line, maxLine int, where string) {
	numeric := q.typ == typeNumber || q.typ == typeInteger
	if numeric != (q.riskier != "") || (numeric && q.riskier != "lower" && q.riskier != "higher") {
		l.fail(line, where+".riskier", "number questions, and only they, say which direction is riskier: \"lower\" or \"higher\"")
	}
	if !numeric && (q.hasMin || q.hasMax || q.unit != "") {
		l.fail(line, where, "min, max and unit apply to number questions only")
	}
	if q.hasMin && q.hasMax && q.min > q.max {
		l.fail(maxLine, where+".max", "max is below min")
	}
}

func (l *loader) values(q *question, items []jsonValue, where string) {
	seen := map[string]bool{}
	for i, it := range items {
		w := where + ".values[" + strconv.Itoa(i) + "]"
		o := l.object(it, w)
		value, line := o.str("value", true)
		label, _ := o.str("label", false) // empty in the browser's copy
		risk, hasRisk, riskLine := o.integer("risk", false)
		o.done("value", "label", "risk")
		if seen[value] {
			l.fail(line, w+".value", "duplicate value "+quote(value))
		}
		seen[value] = true
		if value == "unknown" {
			// The public contract lists "unknown" for some questions; every
			// question accepts it, and it always means "not known".
			if hasRisk || q.typ != typeEnum || i != len(items)-1 {
				l.fail(line, w, "\"unknown\" may only be listed last in an enum, without a risk")
			}
			q.unknownLabel = label
			continue
		}
		if !isValueID(value) {
			l.fail(line, w+".value", "values are lowercase letters, digits and underscores")
		}
		if value == "none" && q.typ == typeList {
			l.fail(line, w+".value", "\"none\" is reserved: it means an empty list")
		}
		if !hasRisk || risk < 0 {
			l.fail(firstLine(riskLine, o.v.line), w+".risk", "give a risk rank of 0 (safest) or more")
		}
		q.values = append(q.values, valueDef{value: value, label: label, risk: risk})
		if value != "" {
			q.keys = append(q.keys, valueKey(value))
		} else {
			q.keys = append(q.keys, 0)
		}
	}
	if len(q.values) > 63 {
		l.fail(0, where+".values", "at most 63 values fit the condition masks")
	}
}

// improve reads a question's "improve" entry: {"to", "text", "guide"}. The
// target must be one of the question's safest values, so an improvement can
// only lower the risk.
func (l *loader) improve(q *question, v jsonValue, where string) *improvement {
	o := l.object(v, where)
	to, toLine := o.str("to", true)
	text, _ := o.str("text", true)
	guide, guideLine := o.str("guide", true)
	o.done("to", "text", "guide")
	if q.typ != typeEnum {
		l.fail(o.v.line, where, "only enum questions name an improvement")
		return nil
	}
	j := q.valueIndex(to)
	if j < 0 {
		l.fail(toLine, where+".to", "unknown value "+quote(to)+didYouMean(to, q.valueNames()))
		return nil
	}
	for _, val := range q.values {
		if val.risk < q.values[j].risk {
			l.fail(toLine, where+".to", quote(to)+" is not a safest answer: "+quote(val.value)+" has a lower risk rank")
			return nil
		}
	}
	if problem := checkGuide(guide, false); problem != "" {
		l.fail(guideLine, where+".guide", problem)
	}
	return &improvement{to: j, text: text, guide: guide}
}
