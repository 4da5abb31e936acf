package checker

import "strconv"

// Loading the findings, positives and actions of the rules data.

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
		r.fact, _ = o.str("fact", false) // empty in the browser's copy (internal/rulestext); TestRulesCarryTheirTexts checks rules.json
		r.source, srcLine = o.str("source", true)
		// Where in the source the fact stands (an article, a help-page id,
		// a heading); the site renders it as a citation. Rules of earlier
		// versions have none.
		r.locator, _ = o.str("locator", false)
		r.guide, guideLine = o.str("guide", true)
		if positive {
			o.done("id", "when", "points", "title", "why", "fact", "source", "locator", "guide")
		} else {
			o.done("id", "when", "severity", "points", "title", "why", "fact", "source", "locator", "guide")
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
