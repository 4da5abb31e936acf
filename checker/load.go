package checker

import (
	"strconv"
	"strings"
)

// Loading the rules data: parseRules reads rules.json into a ruleSet and
// reports every problem with its line. The questions and the rules have
// files of their own (loadquestions.go, loadrules.go); loadobj.go reads
// the JSON objects they are written in.

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
	rs.method, _ = top.str("method", false) // empty in the browser's copy (internal/rulestext)
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
		label, _ := o.str("label", false) // empty in the browser's copy
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
