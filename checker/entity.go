package checker

import "safesource.dev/safesource/checker/internal/names"

// One legal entity behind every document: the checker reads the licence's
// credit code (usccentity.go), compares the names the buyer copied from the
// licence, the contract, its seal and the payment instructions, and the
// contract's credit code with the licence's. What it finds sets the facts
// rules test (facts.go) and, when the typed names disagree with the buyer's
// own judgement (whose account it is, whether the licence matches the
// registry), the judgement is set aside: scored as not answered, and the
// result says which answer and why.

// Entity is the result's entity section: the licence's credit code, one row
// per document given, the account's country, and the answers set aside.
type Entity struct {
	USCC        *USCCResult      // the licence's code, when given (decoded on output)
	Documents   []EntityDocument // in the order licence, contract, seal, payee, contract code
	BankCountry string           // payee_bank_country, "" when not given
	SetAside    []SetAside
}

// EntityDocument is one document the buyer copied a name or code from.
type EntityDocument struct {
	Document     string // licence, contract, seal, payee, contract_code
	Field        string // the question id it was typed in
	Value        string // what was typed
	Match        string // reference, same, lookalike, different, not_comparable or not_compared
	ComparedWith string // the document it was compared with (licence, contract), "" when none
}

// The Match values beyond names.Compare's.
const (
	MatchReference   = "reference"    // the document the others are compared with
	MatchNotCompared = "not_compared" // nothing given to compare it with
)

// SetAside is a judgement answer the typed documents overrode.
type SetAside struct {
	Question string // question id
	Answer   string // the answer set aside
	Reason   string // why, in a sentence
}

// entityQuestions are the indices of the questions the entity check reads
// in one rule set, -1 when the set lacks one (earlier versions).
type entityQuestions struct {
	licence, contract, seal, payeeName, contractUSCC, bankCountry, payee, licenceMatches int
}

func (rs *ruleSet) resolveEntity() {
	at := func(id string) int {
		if i, ok := rs.index[id]; ok {
			return i
		}
		return -1
	}
	rs.entityQ = entityQuestions{
		licence: at("licence_name"), contract: at("contract_name"), seal: at("seal_name"),
		payeeName: at("payee_name"), contractUSCC: at("contract_uscc"), bankCountry: at("payee_bank_country"),
		payee: at("payee"), licenceMatches: at("license_matches_registry"),
	}
}

// entityCheck is what one profile's documents say, before it is laid out.
type entityCheck struct {
	uscc       USCCResult
	hasUSCC    bool
	usccValid  bool
	entityType string
	codeMatch  string // contract code against the licence's: same, different or ""
	mismatches uint64 // name_mismatches value bits
	docs       [5]EntityDocument
	nDocs      int
	setAside   [2]int // question indices set aside, -1 when none
	reasons    [2]string
	any        bool // a document, code or bank country was given
}

// check reads the documents of answers.
func (rs *ruleSet) check(answers []answer) entityCheck {
	e := entityCheck{setAside: [2]int{-1, -1}}
	text := func(qi int) string {
		if qi < 0 || qi >= len(answers) || !answers[qi].set {
			return ""
		}
		return answers[qi].text
	}
	if code := text(rs.usccQ); code != "" {
		e.uscc, e.hasUSCC, e.any = ValidateUSCC(code), true, true
		if e.uscc.Valid {
			e.usccValid, e.entityType = true, DecodeUSCC(e.uscc).EntityType
		}
	}
	q := &rs.entityQ
	licence, contract := text(q.licence), text(q.contract)
	if licence != "" {
		e.add("licence", rs, q.licence, licence, MatchReference, "")
	}
	if contract != "" {
		m, with := MatchReference, ""
		if licence != "" {
			m, with = names.Compare(contract, licence), "licence"
		}
		e.add("contract", rs, q.contract, contract, m, with)
	}
	// Each of the payee and the seal is compared with the licence and the
	// contract, whichever are given, and a mismatch with either counts: a
	// name missing can then only take findings away. The row shows the
	// most serious comparison.
	if contract != "" && licence != "" {
		e.mismatches |= mismatchBit(1, e.docs[e.nDocs-1].Match)
	}
	for _, doc := range [...]struct {
		name string
		qi   int
	}{{"seal", q.seal}, {"payee", q.payeeName}} {
		v := text(doc.qi)
		if v == "" {
			continue
		}
		bit := 0
		if doc.name == "seal" {
			bit = 2
		}
		m, with := MatchNotCompared, ""
		for _, ref := range [...][2]string{{licence, "licence"}, {contract, "contract"}} {
			if ref[0] == "" {
				continue
			}
			r := names.Compare(v, ref[0])
			e.mismatches |= mismatchBit(bit, r)
			if with == "" || matchRank(r) > matchRank(m) {
				m, with = r, ref[1]
			}
		}
		e.add(doc.name, rs, doc.qi, v, m, with)
	}
	if c := text(q.contractUSCC); c != "" {
		m := MatchNotCompared
		if e.hasUSCC {
			m = "different"
			if NormaliseUSCC(c) == e.uscc.Code {
				m = "same"
			}
			e.codeMatch = m
		}
		with := ""
		if e.hasUSCC {
			with = "licence"
		}
		e.add("contract_code", rs, q.contractUSCC, c, m, with)
	}
	if q.bankCountry >= 0 && q.bankCountry < len(answers) && answers[q.bankCountry].set {
		e.any = true
	}
	rs.overrides(&e, answers)
	return e
}

// matchRank orders comparison results by how serious they are: a lookalike
// (critical) before a different name, before one that cannot be compared.
func matchRank(m string) int {
	switch m {
	case names.Lookalike:
		return 3
	case names.Different:
		return 2
	case names.NotComparable:
		return 1
	}
	return 0
}

// mismatchBit is the name_mismatches bit of document k (nameDocuments
// order) for match m, 0 when m is not a mismatch.
func mismatchBit(k int, m string) uint64 {
	for j, kind := range mismatchKinds {
		if kind == m {
			return 1 << (k*len(mismatchKinds) + j)
		}
	}
	return 0
}

func (e *entityCheck) add(doc string, rs *ruleSet, qi int, v, match, with string) {
	e.docs[e.nDocs] = EntityDocument{Document: doc, Field: rs.questions[qi].id, Value: v, Match: match, ComparedWith: with}
	e.nDocs++
	e.any = true
}

// doc is the row of document name, or nil.
func (e *entityCheck) doc(name string) *EntityDocument {
	for i := 0; i < e.nDocs; i++ {
		if e.docs[i].Document == name {
			return &e.docs[i]
		}
	}
	return nil
}

// overrides sets aside the reassuring judgement answers the typed documents
// contradict: an account said to be in the contract company's name when
// the typed name is a lookalike or another name, and a licence said to
// match the registry when its code fails or the contract's code or names
// are another company's. Only reassuring answers are set aside: a typed
// name that matches does not clear an account the buyer judged to be a
// person's or another company's (the name alone cannot show whose account
// it is), so a name left out can never add a finding and a
// personal account stays critical.
func (rs *ruleSet) overrides(e *entityCheck, answers []answer) {
	answer := func(qi int) string {
		if qi < 0 || qi >= len(answers) || !answers[qi].set {
			return ""
		}
		return rs.questions[qi].values[answers[qi].val].value
	}
	q := &rs.entityQ
	if p := e.doc("payee"); p != nil {
		a := answer(q.payee)
		if (p.Match == names.Lookalike || p.Match == names.Different) && a == "contract_company" {
			e.setAside[0], e.reasons[0] = q.payee, "the account holder's name you typed is "+matchPhrase(p.Match)+" the "+p.ComparedWith+"'s company name"
		}
	}
	if answer(q.licenceMatches) != "yes" {
		return
	}
	reason := ""
	switch {
	case e.codeMatch == "different":
		reason = "the credit code on the contract is not the licence's"
	case e.hasUSCC && !e.usccValid:
		reason = "the licence's credit code fails its check, so no registry record can match it"
	default:
		for _, name := range [...]string{"contract", "seal"} {
			if d := e.doc(name); d != nil && d.ComparedWith == "licence" && (d.Match == names.Lookalike || d.Match == names.Different) {
				reason = "the name on the " + name + " is " + matchPhrase(d.Match) + " the licence's"
				break
			}
		}
	}
	if reason != "" {
		e.setAside[1], e.reasons[1] = q.licenceMatches, reason
	}
}

func matchPhrase(m string) string {
	if m == names.Lookalike {
		return "a lookalike of"
	}
	return "different from"
}

// setsAside says whether question qi's answer is set aside.
func (e *entityCheck) setsAside(qi int) bool {
	return qi >= 0 && (e.setAside[0] == qi || e.setAside[1] == qi)
}

// entity lays out the check as a result's section, nil when nothing was
// given. answers supply the set-aside answers' names.
func (rs *ruleSet) entity(e *entityCheck, answers []answer) *Entity {
	if !e.any {
		return nil
	}
	out := &Entity{Documents: append([]EntityDocument(nil), e.docs[:e.nDocs]...)}
	if e.hasUSCC {
		u := e.uscc
		out.USCC = &u
	}
	if qi := rs.entityQ.bankCountry; qi >= 0 && qi < len(answers) && answers[qi].set {
		out.BankCountry = rs.questions[qi].values[answers[qi].val].value
	}
	for k, qi := range e.setAside {
		if qi >= 0 {
			out.SetAside = append(out.SetAside, SetAside{Question: rs.questions[qi].id, Answer: rs.questions[qi].values[answers[qi].val].value, Reason: e.reasons[k]})
		}
	}
	return out
}
