package checker

import (
	"slices"
	"strconv"
	"strings"
)

// RulesJSON returns the whole rule set for the site templates and the
// methodology page:
//
//	{"version": 2, "date": "YYYY-MM-DD",
//	 "changelog": [{"version","date","summary":["..."]}],   (newest first)
//	 "method": "...",
//	 "sections":  [{"id","title"}],
//	 "questions": [{"id","section","label","help","type","values":[{"value","label"}],"min","max","unit",
//	                "unanswered_as","improve":{"to","text","guide"}}],
//	 "rules":     [{"id","severity","points","title","why","fact","source","locator","guide","when",
//	                "questions":["question id"…]}],
//	 "positives": [same shape, negative points, severity "positive"],
//	 "actions":   [{"id","text","guide","when"}],
//	 "bands":     [{"band","min","max","label"}]}
//
// "values" appears on enum and list questions, "min", "max" and "unit" on
// number questions when set, "unanswered_as" on a question scored as that
// value when unanswered, "improve" on the answers the buyer can change. "when" is the rule's condition in plain words.
// The error is always nil; it is there so callers can treat this like any
// other marshaller.
func RulesJSON() ([]byte, error) {
	return defaultRules.appendJSON(make([]byte, 0, 64<<10)), nil
}

// GuideLinks returns every distinct guide link in the rules data, sorted, so
// the site generator can check each page and anchor exists in the built site.
func GuideLinks() []string {
	rs := defaultRules
	var links []string
	for _, list := range [][]rule{rs.rules, rs.positives} {
		for i := range list {
			links = append(links, list[i].guide)
		}
	}
	for i := range rs.actions {
		links = append(links, rs.actions[i].guide)
	}
	for _, qi := range rs.actionable {
		links = append(links, rs.questions[qi].improve.guide)
	}
	slices.Sort(links)
	return slices.Compact(links)
}

func (rs *ruleSet) appendJSON(b []byte) []byte {
	b = append(b, `{"version":`...)
	b = strconv.AppendInt(b, int64(rs.version), 10)
	b = appendJSONKey(b, "date", false)
	b = appendJSONString(b, rs.date)
	b = appendJSONKey(b, "changelog", false)
	b = rs.appendChangelog(b)
	b = appendJSONKey(b, "method", false)
	b = appendJSONString(b, rs.method)

	b = appendJSONKey(b, "sections", false)
	b = append(b, '[')
	for i, s := range rs.sections {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONKey(append(b, '{'), "id", true)
		b = appendJSONString(b, s.id)
		b = appendJSONKey(b, "title", false)
		b = appendJSONString(b, s.title)
		b = append(b, '}')
	}
	b = append(b, ']')

	b = appendJSONKey(b, "questions", false)
	b = append(b, '[')
	for i := range rs.questions {
		if i > 0 {
			b = append(b, ',')
		}
		b = rs.questions[i].appendJSON(b)
	}
	b = append(b, ']')
	b = appendJSONKey(b, "rules", false)
	b = rs.appendRules(b, rs.rules)
	b = appendJSONKey(b, "positives", false)
	b = rs.appendRules(b, rs.positives)
	b = appendJSONKey(b, "actions", false)
	b = rs.appendActions(b)
	b = appendJSONKey(b, "bands", false)
	b = rs.appendBands(b)
	return append(b, '}')
}

// appendChangelog writes [{"version","date","summary":[…]}…], newest first.
func (rs *ruleSet) appendChangelog(b []byte) []byte {
	b = append(b, '[')
	for i, c := range rs.changelog {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONKey(append(b, '{'), "version", true)
		b = strconv.AppendInt(b, int64(c.version), 10)
		b = appendJSONKey(b, "date", false)
		b = appendJSONString(b, c.date)
		b = appendJSONKey(b, "summary", false)
		b = appendJSONStrings(b, c.summary)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendRules writes findings or positives, each with the ids of the
// questions its condition reads.
func (rs *ruleSet) appendRules(b []byte, list []rule) []byte {
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		r := &list[i]
		b = appendJSONKey(append(b, '{'), "id", true)
		b = appendJSONString(b, r.id)
		b = appendJSONKey(b, "severity", false)
		b = appendJSONString(b, r.finding.Severity)
		b = appendJSONKey(b, "points", false)
		b = strconv.AppendInt(b, int64(r.points), 10)
		for _, kv := range [...][2]string{
			{"title", r.title}, {"why", r.why}, {"fact", r.fact}, {"source", r.source}, {"locator", r.locator},
			{"guide", r.guide}, {"when", r.when.text},
		} {
			b = appendJSONKey(b, kv[0], false)
			b = appendJSONString(b, kv[1])
		}
		b = appendJSONKey(b, "questions", false)
		b = appendJSONStrings(b, r.when.questionIDs(rs))
		b = append(b, '}')
	}
	return append(b, ']')
}

func (rs *ruleSet) appendActions(b []byte) []byte {
	b = append(b, '[')
	for i := range rs.actions {
		if i > 0 {
			b = append(b, ',')
		}
		a := &rs.actions[i]
		b = appendJSONKey(append(b, '{'), "id", true)
		b = appendJSONString(b, a.id)
		b = appendJSONKey(b, "text", false)
		b = appendJSONString(b, a.text)
		b = appendJSONKey(b, "guide", false)
		b = appendJSONString(b, a.guide)
		b = appendJSONKey(b, "when", false)
		b = appendJSONString(b, a.whenText())
		b = append(b, '}')
	}
	return append(b, ']')
}

func (rs *ruleSet) appendBands(b []byte) []byte {
	b = append(b, '[')
	for i, band := range rs.bands {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONKey(append(b, '{'), "band", true)
		b = appendJSONString(b, band.name)
		b = appendJSONKey(b, "min", false)
		b = strconv.AppendInt(b, int64(band.min), 10)
		b = appendJSONKey(b, "max", false)
		b = strconv.AppendInt(b, int64(band.max), 10)
		b = appendJSONKey(b, "label", false)
		b = appendJSONString(b, band.label)
		b = append(b, '}')
	}
	return append(b, ']')
}

func (q *question) appendJSON(b []byte) []byte {
	b = appendJSONKey(append(b, '{'), "id", true)
	b = appendJSONString(b, q.id)
	for _, kv := range [...][2]string{{"section", q.section}, {"label", q.label}, {"help", q.help}, {"type", q.typ.String()}} {
		b = appendJSONKey(b, kv[0], false)
		b = appendJSONString(b, kv[1])
	}
	if q.typ == typeEnum || q.typ == typeList {
		b = appendJSONKey(b, "values", false)
		b = append(b, '[')
		for j, v := range q.values {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONKey(append(b, '{'), "value", true)
			b = appendJSONString(b, v.value)
			b = appendJSONKey(b, "label", false)
			b = appendJSONString(b, v.label)
			b = append(b, '}')
		}
		if q.unknownLabel != "" {
			b = append(b, `,{"value":"unknown","label":`...)
			b = appendJSONString(b, q.unknownLabel)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if q.hasMin {
		b = appendJSONKey(b, "min", false)
		b = appendJSONNumber(b, q.min)
	}
	if q.hasMax {
		b = appendJSONKey(b, "max", false)
		b = appendJSONNumber(b, q.max)
	}
	if q.unit != "" {
		b = appendJSONKey(b, "unit", false)
		b = appendJSONString(b, q.unit)
	}
	if q.unansweredAs >= 0 {
		b = appendJSONKey(b, "unanswered_as", false)
		b = appendJSONString(b, q.values[q.unansweredAs].value)
	}
	if m := q.improve; m != nil {
		b = appendJSONKey(b, "improve", false)
		b = appendJSONKey(append(b, '{'), "to", true)
		b = appendJSONString(b, q.values[m.to].value)
		b = appendJSONKey(b, "text", false)
		b = appendJSONString(b, m.text)
		b = appendJSONKey(b, "guide", false)
		b = appendJSONString(b, m.guide)
		b = append(b, '}')
	}
	return append(b, '}')
}

// whenText describes in words when an action is suggested.
func (a *action) whenText() string {
	var parts []string
	if a.hasWhen {
		parts = append(parts, a.when.text)
	}
	if len(a.afterIDs) > 0 {
		parts = append(parts, "finding "+strings.Join(a.afterIDs, " or "))
	}
	return strings.Join(parts, ", or ")
}
