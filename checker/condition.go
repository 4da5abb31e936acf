package checker

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// Conditions are written in the rules data as short English-like text, which
// doubles as the human-readable "when" shown on the site:
//
//	payment_method is personal_account
//	claims_factory is yes and factory_check is photos_only or not_done
//	store_years < 1 and deposit_percent >= 50 and order_value_usd >= 5000
//	badges has trade_assurance
//	uscc is invalid
//	license_matches_registry is unknown      (actions only)
//	always                                    (actions only)
//
// A condition is a list of clauses joined by "and"; each clause tests one
// field. "is" and "has" take values joined by "or". Comparisons take a number.

type clauseOp uint8

const (
	opIs  clauseOp = iota // enum value, credit-code validity, or "unknown"
	opHas                 // list contains any of the values
	opLT
	opLE
	opGT
	opGE
)

var comparisons = map[string]clauseOp{"<": opLT, "<=": opLE, "≤": opLE, ">": opGT, ">=": opGE, "≥": opGE}

// Credit-code validity bits for opIs on the credit-code question; compile
// maps them to its table rows 0 and 1.
const (
	usccValidBit   = uint64(1) << 0
	usccInvalidBit = uint64(1) << 1
)

type clause struct {
	mask uint64  // opIs, opHas: value bits, plus unknownBit
	num  float64 // comparisons
	q    uint8   // question index, or derived value index when derived
	op   clauseOp
	// derived marks a comparison of a derived value (derived.go) rather
	// than of an answer.
	derived bool
	// fact marks a test of a fact (facts.go): q is its index in rs.facts.
	fact bool
}

type condition struct {
	always  bool
	clauses []clause
	text    string // canonical form, shown as "when"
}

// questionIDs lists the ids of the questions the condition reads, each
// once, in the order the condition names them.
func (c *condition) questionIDs(rs *ruleSet) []string {
	ids := make([]string, 0, len(c.clauses))
	for _, cl := range c.clauses {
		read := []string{""}
		switch {
		case cl.derived:
			read = rs.derived[cl.q].def.of[:]
		case cl.fact:
			read = rs.facts[cl.q].def.reads
		default:
			read[0] = rs.questions[cl.q].id
		}
		for _, id := range read {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// parseCondition compiles text against the questions. It returns a problem
// description instead of an error so the loader can place it.
func parseCondition(rs *ruleSet, text string, allowUnknown bool) (condition, string) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return condition{}, "empty condition"
	}
	if len(words) == 1 && words[0] == "always" {
		if !allowUnknown {
			return condition{}, "only actions may apply always; a rule needs a condition"
		}
		return condition{always: true, text: "always"}, ""
	}
	var c condition
	var canon []string
	for i := 0; i < len(words); {
		field := words[i]
		cl, q, problem := rs.resolveField(field)
		if problem != "" {
			return c, problem
		}
		if i+1 >= len(words) {
			return c, "expected is, has or a comparison after " + quote(field)
		}
		opWord := words[i+1]
		i += 2
		switch {
		case cl.fact && opWord != "is" && opWord != "has":
			return c, field + " is read by the checker from the documents: test it with is or has"
		case cl.fact && q.typ == typeList && opWord != "has":
			return c, field + " lists what holds at once: test it with has"
		case cl.fact && q.typ != typeList && opWord != "is":
			return c, field + " has one value: test it with is"
		case cl.derived && (opWord == "is" || opWord == "has"):
			return c, field + " is worked out by the checker, not answered: compare it with <, <=, > or >="
		case opWord == "is" || opWord == "has":
			var values []string
			for i < len(words) && words[i] != "and" {
				if words[i] != "or" {
					values = append(values, strings.TrimSuffix(words[i], ","))
				}
				i++
			}
			if len(values) == 0 {
				return c, "expected a value after " + quote(field+" "+opWord)
			}
			mask, problem := valueMask(q, opWord, values, allowUnknown)
			if problem != "" {
				return c, field + ": " + problem
			}
			cl.op, cl.mask = opIs, mask
			if opWord == "has" {
				cl.op = opHas
			}
			canon = append(canon, field+" "+opWord+" "+strings.Join(values, " or "))
		default:
			op, isCmp := comparisons[opWord]
			if !isCmp {
				return c, "unknown operator " + quote(opWord) + " (use is, has, <, <=, > or >=)"
			}
			if q.typ != typeNumber && q.typ != typeInteger {
				return c, field + " is " + q.typ.String() + ", not a number: compare it with is"
			}
			if i >= len(words) {
				return c, "expected a number after " + quote(field+" "+opWord)
			}
			n, err := strconv.ParseFloat(words[i], 64)
			if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
				return c, "expected a number after " + quote(field+" "+opWord) + ", got " + quote(words[i])
			}
			i++
			cl.op, cl.num = op, n
			canon = append(canon, field+" "+comparisonSymbol(op)+" "+strconv.FormatFloat(n, 'f', -1, 64))
		}
		c.clauses = append(c.clauses, cl)
		if i < len(words) {
			if words[i] != "and" || i+1 >= len(words) {
				return c, "expected \"and\" and another clause, got " + quote(strings.Join(words[i:], " "))
			}
			i++
		}
	}
	c.text = strings.Join(canon, " and ")
	if problem := reachable(rs, &c); problem != "" {
		return c, "unreachable: " + problem
	}
	return c, ""
}

// resolveField finds what a condition's field names: a question, a derived
// value (which compares like the number it is made of) or a fact (tested
// like the enum or list it is described as). It returns the clause with its
// index set and the question-shaped description to test values against.
func (rs *ruleSet) resolveField(field string) (clause, *question, string) {
	di, problem := rs.derivedIndex(field)
	if problem != "" {
		return clause{}, nil, problem
	}
	fi, problem := rs.factIndex(field)
	if problem != "" {
		return clause{}, nil, problem
	}
	switch {
	case di >= 0:
		return clause{q: uint8(di), derived: true}, &rs.questions[rs.derived[di].a], ""
	case fi >= 0:
		return clause{q: uint8(fi), fact: true}, &rs.facts[fi].q, ""
	}
	qi, ok := rs.index[field]
	if !ok {
		return clause{}, nil, "unknown field " + quote(field) + didYouMean(field, rs.ids)
	}
	return clause{q: uint8(qi)}, &rs.questions[qi], ""
}

// comparisonSymbol is how a comparison is shown in a condition's canonical
// text.
func comparisonSymbol(op clauseOp) string {
	switch op {
	case opLT:
		return "<"
	case opLE:
		return "≤"
	case opGT:
		return ">"
	default:
		return "≥"
	}
}

func valueMask(q *question, op string, values []string, allowUnknown bool) (uint64, string) {
	var mask uint64
	for _, v := range values {
		if v == "unknown" {
			if !allowUnknown {
				return 0, "rules cannot match \"unknown\": an unanswered question never adds or removes points"
			}
			if op == "has" {
				return 0, "use \"is unknown\" for an unanswered list"
			}
			mask |= unknownBit
			continue
		}
		switch {
		case q.format == "uscc" && op == "is" && (v == "valid" || v == "invalid"):
			if v == "valid" {
				mask |= usccValidBit
			} else {
				mask |= usccInvalidBit
			}
		case q.typ == typeEnum && op == "is", q.typ == typeList && op == "has":
			j := q.valueIndex(v)
			if j < 0 {
				return 0, "unknown value " + quote(v) + didYouMean(v, q.valueNames()) + " (allowed: " + strings.Join(q.valueNames(), ", ") + ")"
			}
			mask |= 1 << j
		case q.typ == typeList:
			return 0, "lists are tested with has (or \"is unknown\")"
		case q.typ == typeEnum:
			return 0, "enums are tested with is"
		case q.format == "uscc":
			return 0, "the credit code is tested with is valid, is invalid or is unknown"
		case q.typ == typeText:
			return 0, "free text can only be tested with \"is unknown\""
		default:
			return 0, "numbers are tested with <, <=, >, >= or \"is unknown\""
		}
	}
	return mask, ""
}

// reachable reports why a condition can never be true, or "" if it can.
func reachable(rs *ruleSet, c *condition) string {
	type span struct {
		lo, hi         float64
		loIncl, hiIncl bool
	}
	masks := map[uint8]uint64{}
	spans := map[uint8]*span{}
	for _, cl := range c.clauses {
		if cl.derived || cl.fact {
			continue // derived values and facts are not checked for reachability
		}
		q := &rs.questions[cl.q]
		switch cl.op {
		case opIs:
			all := unknownBit
			switch {
			case q.format == "uscc":
				all |= usccValidBit | usccInvalidBit
			case q.typ == typeEnum:
				all |= 1<<len(q.values) - 1
			}
			m, seen := masks[cl.q]
			if !seen {
				m = all
			}
			masks[cl.q] = m & cl.mask
		case opHas:
			m, seen := masks[cl.q]
			if !seen {
				m = ^uint64(0)
			}
			masks[cl.q] = m &^ unknownBit // a list that has something is known
		default:
			s := spans[cl.q]
			if s == nil {
				s = &span{lo: math.Inf(-1), hi: math.Inf(1), loIncl: true, hiIncl: true}
				if q.hasMin {
					s.lo = q.min
				}
				if q.hasMax {
					s.hi = q.max
				}
				spans[cl.q] = s
				if m, seen := masks[cl.q]; seen {
					masks[cl.q] = m &^ unknownBit
				} else {
					masks[cl.q] = ^unknownBit
				}
			}
			switch cl.op {
			case opLT, opLE:
				if incl := cl.op == opLE; cl.num < s.hi || (cl.num == s.hi && !incl) {
					s.hi, s.hiIncl = cl.num, incl
				}
			case opGT, opGE:
				if incl := cl.op == opGE; cl.num > s.lo || (cl.num == s.lo && !incl) {
					s.lo, s.loIncl = cl.num, incl
				}
			}
		}
	}
	for qi, m := range masks {
		if m == 0 {
			return rs.questions[qi].id + " cannot satisfy all of its clauses at once"
		}
	}
	for qi, s := range spans {
		id := rs.questions[qi].id
		if s.lo > s.hi || (s.lo == s.hi && !(s.loIncl && s.hiIncl)) {
			return "no value of " + id + " is in range (allowed " + rangeText(&rs.questions[qi]) + ")"
		}
		if rs.questions[qi].typ == typeInteger {
			first := math.Ceil(s.lo)
			if first == s.lo && !s.loIncl {
				first++
			}
			last := math.Floor(s.hi)
			if last == s.hi && !s.hiIncl {
				last--
			}
			if first > last {
				return "no whole number of " + id + " is in range"
			}
		}
	}
	return ""
}

// Scoring compiles conditions into per-question tables. Every clause gets a
// bit: the first clause of rule i (in display order) is bit i of the rules
// word, likewise for positives and actions, and any further clauses of a
// condition get bits in the extra word. For each question, the table says
// which bits each possible answer sets (every enum or list value, the credit
// code being valid or invalid, and "not known"); number thresholds are
// compared directly. Scoring a profile ORs one table row per answer into a
// bit set; the rules word is then already the set of matching single-clause
// rules, and only the few conditions with more clauses check their extras.
// The work grows with the number of questions and matches, not of rules.

// The words of a satisfied set.
const (
	wordRules = iota
	wordPositives
	wordActions
	wordExtra
	satWords
)

type satisfied [satWords]uint64

func (s *satisfied) or(t *satisfied) {
	for w := range satWords {
		s[w] |= t[w]
	}
}

// plan is one question's table, with what scoring needs of the question
// kept alongside so the hot loop stays in a small array.
type plan struct {
	unknown satisfied   // bits an unanswered question sets ("is unknown")
	byValue []satisfied // enum and list values; for the credit code: valid, invalid
	compare []threshold // number clauses
	typ     questionType
	uscc    bool
	weight  float64
	assume  int       // value index scored when unanswered, or -1
	any     satisfied // every bit any answer to this question can set
	// The findings and positives whose conditions read this question, as
	// bits of their words: the only ones a new answer to it can change.
	touchRules, touchPositives uint64
	// The multi-clause conditions among them: an improvement re-checks only
	// these, since every other entry keeps its match.
	multiRules, multiPositives []multiClause
}

type threshold struct {
	word, bit int
	op        clauseOp
	num       float64
}

// initPlans makes an empty table for every question.
func (rs *ruleSet) initPlans() {
	rs.resolveEntity()
	rs.plans = make([]plan, len(rs.questions))
	for i := range rs.questions {
		q, pl := &rs.questions[i], &rs.plans[i]
		n := len(q.values)
		if i == rs.usccQ {
			n = 2
		}
		pl.byValue = make([]satisfied, n)
		pl.typ, pl.uscc, pl.weight = q.typ, i == rs.usccQ, q.weight
		pl.assume = q.unansweredAs
	}
}

// finishPlans records, for each question, every bit its answers can set.
// Each clause tests one question, so these bits belong to it alone: clearing
// them and setting another answer's row re-answers the question without
// scoring from scratch (see improvements).
func (rs *ruleSet) finishPlans() {
	for i := range rs.plans {
		pl := &rs.plans[i]
		pl.any = pl.unknown
		for j := range pl.byValue {
			pl.any.or(&pl.byValue[j])
		}
		for _, t := range pl.compare {
			pl.any[t.word] |= 1 << t.bit
		}
		pl.touchRules = touching(&pl.any, wordRules, rs.multi[wordRules])
		pl.touchPositives = touching(&pl.any, wordPositives, rs.multi[wordPositives])
		pl.multiRules = multiAmong(rs.multi[wordRules], pl.touchRules)
		pl.multiPositives = multiAmong(rs.multi[wordPositives], pl.touchPositives)
	}
}

// multiAmong keeps the multi-clause conditions whose entry is in mask.
func multiAmong(multi []multiClause, mask uint64) []multiClause {
	var out []multiClause
	for _, c := range multi {
		if c.bit&mask != 0 {
			out = append(out, c)
		}
	}
	return out
}

// touching is the entries of word with a clause among bits: their first
// clause's bit, or an extra clause's.
func touching(bits *satisfied, word int, multi []multiClause) uint64 {
	m := bits[word]
	for _, c := range multi {
		if bits[wordExtra]&c.extra != 0 {
			m |= c.bit
		}
	}
	return m
}

// compile gives c's clauses their bits: the first is bit index of word, the
// others take the next free bits of the extra word, returned as a mask. An
// "always" condition sets its bit in rs.always; a condition without clauses
// never sets it. The loader rejects more extra clauses than fit a word.
func (rs *ruleSet) compile(c *condition, word, index int) (extra uint64) {
	if c.always {
		rs.always[word] |= 1 << index
	}
	for n, cl := range c.clauses {
		w, b := word, index
		if n > 0 {
			w, b = wordExtra, rs.nExtra
			rs.nExtra++
			extra |= 1 << b // a shift past 63 gives 0; the loader reports the overflow
		}
		if cl.derived {
			d := &rs.derived[cl.q]
			d.compare = append(d.compare, threshold{word: w, bit: b, op: cl.op, num: cl.num})
			continue
		}
		if cl.fact {
			f := &rs.facts[cl.q]
			for j := range f.byValue {
				if cl.mask&(1<<j) != 0 {
					f.byValue[j][w] |= 1 << b
				}
			}
			continue
		}
		pl := &rs.plans[cl.q]
		switch cl.op {
		case opIs, opHas:
			if cl.mask&unknownBit != 0 {
				pl.unknown[w] |= 1 << b
			}
			for j := range pl.byValue {
				if cl.mask&(1<<j) != 0 {
					pl.byValue[j][w] |= 1 << b
				}
			}
		default:
			pl.compare = append(pl.compare, threshold{word: w, bit: b, op: cl.op, num: cl.num})
		}
	}
	return extra
}

// satisfy works out which clause bits the profile's answers set (with the
// credit code and facts e has read, and without the answers e sets aside),
// adds up the weight of the answered questions and counts the
// answered questions that matter most.
func (rs *ruleSet) satisfy(answers []answer, e *entityCheck) (sat satisfied, answered float64, known int) {
	sat = rs.always
	for i := range rs.plans {
		pl := &rs.plans[i]
		if i >= len(answers) || !answers[i].set || e.setsAside(i) {
			sat.or(&pl.unknown)
			if pl.assume >= 0 {
				sat.or(&pl.byValue[pl.assume])
			}
			continue
		}
		a := &answers[i]
		answered += pl.weight
		if pl.weight >= keyWeight {
			known++
		}
		switch {
		case pl.uscc:
			row := 1
			if e.uscc.Valid {
				row = 0
			}
			sat.or(&pl.byValue[row])
		case pl.typ == typeEnum:
			sat.or(&pl.byValue[a.val])
		case pl.typ == typeList:
			for m := a.bits; m != 0; m &= m - 1 {
				sat.or(&pl.byValue[bits.TrailingZeros64(m)])
			}
		default:
			for _, t := range pl.compare {
				if t.holds(a.num) {
					sat[t.word] |= 1 << t.bit
				}
			}
		}
	}
	rs.satisfyDerived(answers, &sat)
	rs.satisfyFacts(e, &sat)
	return sat, answered, known
}

// matching returns the entries of word whose conditions hold: their first
// clause's bit is set and, for multi-clause conditions, all extra bits too.
func matching(sat *satisfied, word int, multi []multiClause) uint64 {
	m := sat[word]
	for _, c := range multi {
		if sat[wordExtra]&c.extra != c.extra {
			m &^= c.bit
		}
	}
	return m
}

// multiClause is a condition with more than one clause.
type multiClause struct {
	bit, extra uint64
}
