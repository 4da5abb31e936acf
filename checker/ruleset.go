package checker

import (
	"math"
	"strconv"
	"strings"
)

// The rules data lives in rules.json; rules_data.go carries it into the
// binary (see internal/genrules for why it is not embedded).
//go:generate go run ./internal/genrules

// rulesFile names the data file in load errors.
const rulesFile = "checker/rules.json"

// defaultRules is the embedded rule set. Invalid data is a programming error
// caught by the package tests, so loading fails loudly here rather than
// scoring with half a rule set.
var defaultRules = mustLoadRules()

func mustLoadRules() *ruleSet {
	rs, err := parseRules(rulesFile, []byte(rulesText))
	if err != nil {
		panic("checker: the embedded rules data is invalid; fix " + rulesFile + ":\n" + err.Error())
	}
	return rs
}

// Bands, lowest first. A severity is the lowest band a finding allows.
const (
	bandLow = iota
	bandModerate
	bandHigh
	bandCritical
	bandCount
)

var bandNames = [bandCount]string{"low", "moderate", "high", "critical"}

// severityPositive is the severity reported for positives.
const severityPositive = "positive"

type questionType uint8

const (
	typeText questionType = iota
	typeEnum
	typeList
	typeNumber
	typeInteger
)

var typeNames = map[string]questionType{
	"text": typeText, "enum": typeEnum, "list": typeList, "number": typeNumber, "integer": typeInteger,
}

func (t questionType) String() string {
	for name, v := range typeNames {
		if v == t {
			return name
		}
	}
	return "?"
}

// maxQuestions fits question indices in a byte (see clause).
const maxQuestions = 256

// maxTextLen bounds free-text answers (names, codes) in characters.
const maxTextLen = 200

// unknownBit marks "not known" in condition masks; value bits sit below it.
const unknownBit = uint64(1) << 63

type valueDef struct {
	value, label string
	risk         int // 0 = safest; higher = riskier (used by the monotonicity test)
}

type question struct {
	id, section, label, help, unit string
	typ                            questionType
	format                         string // "uscc" marks the credit-code field
	values                         []valueDef
	keys                           []uint32 // valueKey of each value, for fast lookup
	unknownLabel                   string   // set when the contract lists "unknown" as a value
	min, max                       float64
	hasMin, hasMax                 bool
	riskier                        string // numbers: "lower" or "higher"
	weight                         float64
	// unansweredAs is the value scoring assumes when the question is not
	// answered (-1: none). The platform uses it so that an unknown platform
	// is held to the strictest store-age benchmark.
	unansweredAs int
	improve      *improvement // set when the buyer can change this answer
}

// improvement is an answer the buyer can still change, the safest value to
// change it to, and the guide step that explains how.
type improvement struct {
	to          int // value index
	text, guide string
}

type rule struct {
	id, title, why, fact, source, guide string
	severity                            int // band index; findings only
	points                              int
	when                                condition
	finding                             Finding // prebuilt result entry
}

type action struct {
	id, text, guide string
	when            condition
	hasWhen         bool
	afterIDs        []string
	afterMask       uint64 // bits of rs.rules
	entry           Action
}

// scored is a finding or positive prepared for scoring.
type scored struct {
	points   int
	severity int
	triggers uint64 // actions that follow this finding, as bits of evalActions
	entry    Finding
}

type bandDef struct {
	name, label string
	min, max    int
}

type section struct{ id, title string }

type ruleSet struct {
	version   int    // goes up whenever scoring can change
	date      string // when this version took effect, YYYY-MM-DD
	changelog []change
	method    string
	sources   []string
	bands     [bandCount]bandDef
	sections  []section
	questions []question
	index     map[string]int
	ids       []string // question ids, for suggestions
	rules     []rule   // findings, data order
	positives []rule   // data order
	actions   []action // data order
	// What scoring needs, copied out of the records above: findings sorted
	// by severity then points, positives by points taken off (ties keep data
	// order), actions in data order. A fired set is then a bit mask whose
	// set bits are already in display order.
	evalRules, evalPositives []scored
	evalActions              []Action
	plans                    []plan           // by question index, see compile
	always                   satisfied        // bits of conditions that always hold
	multi                    [3][]multiClause // by word: conditions with extra clauses
	nExtra                   int              // extra clause bits in use
	totalWeight              float64
	nameQ                    int   // supplier_name, or -1
	usccQ                    int   // the question with format "uscc", or -1
	actionable               []int // questions with an "improve" entry, data order
}

// change is one version's entry in the changelog, newest first.
type change struct {
	version int
	date    string
	summary []string
}

// maxRules keeps fired sets in one machine word.
const maxRules = 64

// parseRules reads and validates a rules document. Every problem is reported
// with its line, not just the first.
func parseRules(file string, data []byte) (*ruleSet, error) {
	root, err := parseJSON(data)
	if err != nil {
		errs := asInputErrors(err)
		errs.place(file, 0)
		return nil, errs
	}
	l := &loader{file: file}
	rs := l.ruleSet(root)
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	return rs, nil
}

type loader struct {
	file string
	errs InputErrors
}

func (l *loader) fail(line int, where, problem string) {
	l.errs = append(l.errs, &InputError{File: l.file, Line: line, Field: where, Problem: problem})
}

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

func (l *loader) ruleSet(root jsonValue) *ruleSet {
	rs := &ruleSet{index: map[string]int{}, nameQ: -1, usccQ: -1}
	top := l.object(root, "rules data")
	var versionLine, dateLine int
	rs.version, _, versionLine = top.integer("version", true)
	rs.date, dateLine = top.str("date", true)
	changelog, changelogLine := top.list("changelog", true)
	l.changelog(rs, changelog, firstLine(changelogLine, root.line))
	if rs.version < 1 {
		l.fail(versionLine, "version", "the rules version is a whole number from 1, raised whenever scoring can change")
	}
	if !isDate(rs.date) {
		l.fail(dateLine, "date", "write the date this version took effect as YYYY-MM-DD")
	} else if len(rs.changelog) > 0 && (rs.changelog[0].version != rs.version || rs.changelog[0].date != rs.date) {
		l.fail(changelogLine, "changelog", "the first entry must describe the current version "+strconv.Itoa(rs.version)+" and its date "+quote(rs.date))
	}
	rs.method, _ = top.str("method", true)
	rs.sources, _ = top.strings("sources")
	if len(rs.sources) == 0 {
		l.fail(root.line, "sources", "list the source keys rules may cite")
	}
	bands, bandsLine := top.list("bands", true)
	l.bands(rs, bands, bandsLine)
	sections, _ := top.list("sections", true)
	l.sections(rs, sections)
	questions, _ := top.list("questions", true)
	l.questions(rs, questions)
	ruleIDs := map[string]int{} // every id, across rules, positives and actions
	rules, _ := top.list("rules", true)
	rs.rules = l.rules(rs, rules, "rules", false, ruleIDs)
	positives, _ := top.list("positives", true)
	rs.positives = l.rules(rs, positives, "positives", true, ruleIDs)
	actions, _ := top.list("actions", true)
	l.actions(rs, actions, ruleIDs)
	top.done("version", "date", "changelog", "method", "sources", "bands", "sections", "questions", "rules", "positives", "actions")
	rs.initPlans()
	ruleOrder := displayOrder(rs.rules, func(a, b *rule) bool {
		if a.severity != b.severity {
			return a.severity > b.severity
		}
		return a.points > b.points
	})
	displayIndex := make([]int, len(rs.rules))
	for d, i := range ruleOrder {
		r := &rs.rules[i]
		rs.addMulti(wordRules, d, rs.compile(&r.when, wordRules, d))
		rs.evalRules = append(rs.evalRules, scored{points: r.points, severity: r.severity, entry: r.finding})
		displayIndex[i] = d
	}
	for d, i := range displayOrder(rs.positives, func(a, b *rule) bool { return a.points < b.points }) {
		r := &rs.positives[i]
		rs.addMulti(wordPositives, d, rs.compile(&r.when, wordPositives, d))
		rs.evalPositives = append(rs.evalPositives, scored{points: r.points, entry: r.finding})
	}
	for k, a := range rs.actions {
		if a.hasWhen {
			rs.addMulti(wordActions, k, rs.compile(&a.when, wordActions, k))
		}
		for i := range rs.rules {
			if a.afterMask&(1<<i) != 0 {
				rs.evalRules[displayIndex[i]].triggers |= 1 << k
			}
		}
		rs.evalActions = append(rs.evalActions, a.entry)
	}
	rs.finishPlans()
	if rs.nExtra > 64 {
		l.fail(0, "rules data", strconv.Itoa(rs.nExtra)+" second and later clauses in all conditions together; at most 64 fit (see compile in condition.go)")
	}
	return rs
}

// addMulti remembers a condition that has clauses beyond its first.
func (rs *ruleSet) addMulti(word, index int, extra uint64) {
	if extra != 0 {
		rs.multi[word] = append(rs.multi[word], multiClause{bit: 1 << index, extra: extra})
	}
}

// displayOrder returns indices sorted stably by before.
func displayOrder(list []rule, before func(a, b *rule) bool) []int {
	order := make([]int, len(list))
	for i := range order {
		order[i] = i
	}
	// Insertion sort: tiny lists, stable, and no sort package reflection.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && before(&list[order[j]], &list[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	return order
}

func (l *loader) bands(rs *ruleSet, items []jsonValue, line int) {
	if len(items) != bandCount {
		l.fail(line, "bands", "expected exactly "+strconv.Itoa(bandCount)+" bands: low, moderate, high, critical")
		return
	}
	next := 0
	for i, it := range items {
		where := "bands[" + strconv.Itoa(i) + "]"
		o := l.object(it, where)
		name, nameLine := o.str("band", true)
		label, _ := o.str("label", true)
		lo, _, loLine := o.integer("min", true)
		hi, _, _ := o.integer("max", true)
		o.done("band", "label", "min", "max")
		if name != bandNames[i] {
			l.fail(nameLine, where+".band", "expected "+quote(bandNames[i])+" (bands go low, moderate, high, critical)")
		}
		if lo != next || hi < lo {
			l.fail(loLine, where, "bands must cover 0-100 without gaps: expected min "+strconv.Itoa(next)+" and max ≥ min")
		}
		next = hi + 1
		rs.bands[i] = bandDef{name: name, label: label, min: lo, max: hi}
	}
	if next != 101 {
		l.fail(line, "bands", "the last band must end at 100")
	}
}

func (l *loader) sections(rs *ruleSet, items []jsonValue) {
	seen := map[string]bool{}
	for i, it := range items {
		where := "sections[" + strconv.Itoa(i) + "]"
		o := l.object(it, where)
		id, line := o.str("id", true)
		title, _ := o.str("title", true)
		o.done("id", "title")
		if seen[id] {
			l.fail(line, where+".id", "duplicate section id "+quote(id))
		}
		seen[id] = true
		rs.sections = append(rs.sections, section{id: id, title: title})
	}
}

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
		q.label, _ = o.str("label", true)
		q.help, _ = o.str("help", true)
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
		numeric := t == typeNumber || t == typeInteger
		if numeric != (q.riskier != "") || (numeric && q.riskier != "lower" && q.riskier != "higher") {
			l.fail(o.v.line, where+".riskier", "number questions, and only they, say which direction is riskier: \"lower\" or \"higher\"")
		}
		if !numeric && (q.hasMin || q.hasMax || q.unit != "") {
			l.fail(o.v.line, where, "min, max and unit apply to number questions only")
		}
		if q.hasMin && q.hasMax && q.min > q.max {
			l.fail(maxLine, where+".max", "max is below min")
		}
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
	}
	if len(rs.questions) > maxQuestions {
		l.fail(0, "questions", "at most "+strconv.Itoa(maxQuestions)+" questions")
	}
	if rs.totalWeight <= 0 {
		l.fail(0, "questions", "at least one question needs a weight above 0 for confidence")
	}
}

func (l *loader) values(q *question, items []jsonValue, where string) {
	seen := map[string]bool{}
	for i, it := range items {
		w := where + ".values[" + strconv.Itoa(i) + "]"
		o := l.object(it, w)
		value, line := o.str("value", true)
		label, _ := o.str("label", true)
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

func (l *loader) rules(rs *ruleSet, items []jsonValue, kind string, positive bool, ids map[string]int) []rule {
	if len(items) > maxRules {
		l.fail(0, kind, "at most "+strconv.Itoa(maxRules)+" entries")
	}
	out := make([]rule, 0, len(items))
	for i, it := range items {
		where := kind + "[" + strconv.Itoa(i) + "]"
		o := l.object(it, where)
		var r rule
		var idLine, whenLine, sevLine, pointsLine, srcLine, guideLine int
		r.id, idLine = o.str("id", true)
		if r.id != "" {
			where += " " + r.id
			o.where = where
		}
		var whenText, sev string
		whenText, whenLine = o.str("when", true)
		if !positive {
			sev, sevLine = o.str("severity", true)
		}
		r.points, _, pointsLine = o.integer("points", true)
		r.title, _ = o.str("title", true)
		r.why, _ = o.str("why", true)
		r.fact, _ = o.str("fact", true)
		r.source, srcLine = o.str("source", true)
		r.guide, guideLine = o.str("guide", true)
		if positive {
			o.done("id", "when", "points", "title", "why", "fact", "source", "guide")
		} else {
			o.done("id", "when", "severity", "points", "title", "why", "fact", "source", "guide")
		}
		l.checkID(r.id, idLine, where, ids)
		cond, err := parseCondition(rs, whenText, false)
		if err != "" {
			l.fail(whenLine, where+".when", err)
		}
		r.when = cond
		if positive {
			if r.points >= 0 {
				l.fail(pointsLine, where+".points", "positives take points off: use a negative number")
			}
		} else {
			r.severity = -1
			for b, name := range bandNames {
				if name == sev {
					r.severity = b
				}
			}
			if r.severity < 0 {
				l.fail(sevLine, where+".severity", "unknown severity "+quote(sev)+" (allowed: low, moderate, high, critical)")
			}
			// Two points at least, so that a new finding still raises the
			// score after positives have cancelled half of the total.
			if r.points < 2 {
				l.fail(pointsLine, where+".points", "findings add points: use a whole number of 2 or more")
			}
		}
		if !contains(rs.sources, r.source) {
			l.fail(srcLine, where+".source", "unknown source "+quote(r.source)+didYouMean(r.source, rs.sources))
		}
		if problem := checkGuide(r.guide, !positive); problem != "" {
			l.fail(guideLine, where+".guide", problem)
		}
		sevName := severityPositive
		if !positive && r.severity >= 0 {
			sevName = bandNames[r.severity]
		}
		r.finding = Finding{ID: r.id, Severity: sevName, Points: r.points, Title: r.title, Why: r.why, Guide: r.guide}
		out = append(out, r)
	}
	return out
}

func (l *loader) actions(rs *ruleSet, items []jsonValue, ids map[string]int) {
	if len(items) > maxRules {
		l.fail(0, "actions", "at most "+strconv.Itoa(maxRules)+" entries")
	}
	for i, it := range items {
		where := "actions[" + strconv.Itoa(i) + "]"
		o := l.object(it, where)
		var a action
		var idLine, guideLine int
		a.id, idLine = o.str("id", true)
		if a.id != "" {
			where += " " + a.id
			o.where = where
		}
		whenText, whenLine := o.str("when", false)
		var afterLine int
		a.afterIDs, afterLine = o.strings("after")
		a.text, _ = o.str("text", true)
		a.guide, guideLine = o.str("guide", true)
		o.done("id", "when", "after", "text", "guide")
		l.checkID(a.id, idLine, where, ids)
		if whenLine > 0 {
			cond, err := parseCondition(rs, whenText, true)
			if err != "" {
				l.fail(whenLine, where+".when", err)
			}
			a.when, a.hasWhen = cond, true
		}
		if !a.hasWhen && len(a.afterIDs) == 0 {
			l.fail(o.v.line, where, "say when the action applies: \"when\", \"after\" or both")
		}
		for _, id := range a.afterIDs {
			j := -1
			for k := range rs.rules {
				if rs.rules[k].id == id {
					j = k
				}
			}
			if j < 0 {
				names := make([]string, len(rs.rules))
				for k := range rs.rules {
					names[k] = rs.rules[k].id
				}
				l.fail(afterLine, where+".after", "unknown rule "+quote(id)+didYouMean(id, names))
				continue
			}
			a.afterMask |= 1 << j
		}
		if problem := checkGuide(a.guide, false); problem != "" {
			l.fail(guideLine, where+".guide", problem)
		}
		a.entry = Action{ID: a.id, Text: a.text, Guide: a.guide}
		rs.actions = append(rs.actions, a)
	}
}

// changelog reads the human changelog: one entry per version, newest first,
// down to version 1.
func (l *loader) changelog(rs *ruleSet, items []jsonValue, line int) {
	for i, it := range items {
		where := "changelog[" + strconv.Itoa(i) + "]"
		o := l.object(it, where)
		var c change
		var vLine, dLine int
		c.version, _, vLine = o.integer("version", true)
		c.date, dLine = o.str("date", true)
		var sLine int
		c.summary, sLine = o.strings("summary")
		o.done("version", "date", "summary")
		if want := rs.version - i; c.version != want {
			l.fail(firstLine(vLine, o.v.line), where+".version", "entries go newest first without gaps: expected version "+strconv.Itoa(want))
		}
		if !isDate(c.date) {
			l.fail(firstLine(dLine, o.v.line), where+".date", "write the date as YYYY-MM-DD")
		} else if i > 0 && c.date > rs.changelog[i-1].date {
			l.fail(dLine, where+".date", "a version cannot be newer than the one after it")
		}
		if len(c.summary) == 0 {
			l.fail(firstLine(sLine, o.v.line), where+".summary", "say in one or more sentences what changed and why")
		}
		rs.changelog = append(rs.changelog, c)
	}
	if len(rs.changelog) == 0 || rs.changelog[len(rs.changelog)-1].version != 1 {
		l.fail(line, "changelog", "list every version from the current one down to 1")
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

// isDate checks the YYYY-MM-DD shape (the time package would bloat the wasm).
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	m, d := (s[5]-'0')*10+s[6]-'0', (s[8]-'0')*10+s[9]-'0'
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func (l *loader) checkID(id string, line int, where string, ids map[string]int) {
	if !isKebabID(id) {
		l.fail(line, where+".id", "ids are lowercase kebab-case")
	}
	if first, dup := ids[id]; dup {
		l.fail(line, where+".id", "duplicate id (first on line "+strconv.Itoa(first)+")")
	}
	ids[id] = line
}

// checkGuide checks a guide link's shape; whether the page and anchor exist is
// checked by the site generator against the built content (see GuideLinks).
// Findings link to the section of a red-flag page that explains them.
func checkGuide(link string, finding bool) string {
	if finding {
		slug, ok := strings.CutPrefix(link, "/red-flags/")
		slug, ok2 := strings.CutSuffix(slug, "/#why-it-matters")
		if !ok || !ok2 || !isKebabID(slug) {
			return "findings link to /red-flags/<slug>/#why-it-matters, got " + quote(link)
		}
		return ""
	}
	path, anchor, hasAnchor := strings.Cut(link, "#")
	if !strings.HasPrefix(path, "/guide/") && !strings.HasPrefix(path, "/playbook/") {
		return "link to a /guide/ or /playbook/ page, got " + quote(link)
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if !strings.HasSuffix(path, "/") || len(parts) < 2 {
		return "page links are root-relative with a trailing slash, like /guide/safe-payment/#escrow; got " + quote(link)
	}
	for _, p := range parts {
		if !isKebabID(p) {
			return "page paths are lowercase kebab-case, got " + quote(link)
		}
	}
	if hasAnchor && !isKebabID(anchor) {
		return "anchors are lowercase kebab-case, got " + quote(link)
	}
	return ""
}

func isKebabID(s string) bool { return isID(s, '-') }
func isSnakeID(s string) bool { return isID(s, '_') }

func isID(s string, sep byte) bool {
	if s == "" || s[0] == sep || s[len(s)-1] == sep {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == sep) {
			return false
		}
	}
	return true
}

// isValueID accepts enum values: lowercase snake_case, possibly all digits ("1688").
func isValueID(s string) bool { return isSnakeID(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// firstLine returns the first known (non-zero) line.
func firstLine(lines ...int) int {
	for _, l := range lines {
		if l > 0 {
			return l
		}
	}
	return 0
}
