package checker

import "safesource.dev/safesource/checker/internal/names"

// One legal entity behind every document: the checker reads the licence's
// credit code (usccentity.go), compares the names the buyer copied from the
// licence, the contract, its seal and the payment instructions, and the
// contract's credit code with the licence's. What it finds sets the facts
// rules test (facts.go) and, when the typed documents contradict a
// reassuring judgement of the buyer's (that the account is in the contract
// company's name, that the licence matches the registry), that answer is
// set aside: scored as not answered, and the result says which and why.

// Entity is the result's entity section: the licence's credit code, one row
// per document given, the account's country, and the answers set aside.
type Entity struct {
	USCC        *USCCResult      // the licence's code, when given (decoded on output)
	Documents   []EntityDocument // in the order licence, contract, seal, payee, contract code
	BankCountry string           // payee_bank_country, "" when not given
	SetAside    []SetAside       // allocated only when an answer is set aside (rare)

	// Backing store, so that a result's entity and its code are one
	// allocation; the rows are small (one string each) because scoring
	// lays out an entity for most profiles.
	uscc USCCResult
	docs [len(entityDocs)]EntityDocument
}

// EntityDocument is one document the buyer copied a name or code from.
// Apart from the typed value, a row is three small codes; its methods give
// their names.
type EntityDocument struct {
	Value string // what was typed
	doc   int8   // index in entityDocs
	with  int8   // the document compared with, -1 for none
	match uint8  // index in matchNames
}

// Document is licence, contract, seal, payee or contract_code.
func (d *EntityDocument) Document() string { return entityDocs[d.doc] }

// Field is the question id the value was typed in.
func (d *EntityDocument) Field() string { return entityFields[d.doc] }

// Match is reference, same, lookalike, different, not_comparable or
// not_compared.
func (d *EntityDocument) Match() string { return matchNames[d.match] }

// ComparedWith is the document it was compared with (licence, contract),
// "" when none.
func (d *EntityDocument) ComparedWith() string {
	if d.with < 0 {
		return ""
	}
	return entityDocs[d.with]
}

// SetAside is a judgement answer the typed documents overrode.
type SetAside struct {
	Question string // question id
	Answer   string // the answer set aside
	Reason   string // why, in a sentence
}

// The documents, in row order, and the matches a row can have: names.Compare's
// results, plus the reference the others are compared with and a document
// with nothing to compare it with, or a code compared with the licence's.
var (
	entityDocs   = [...]string{"licence", "contract", "seal", "payee", "contract_code"}
	entityFields = [len(entityDocs)]string{"licence_name", "contract_name", "seal_name", "payee_name", "contract_uscc"}
	matchNames   = [...]string{"", MatchReference, MatchNotCompared, names.Same, names.Lookalike, names.Different, names.NotComparable}
)

const (
	docLicence = iota
	docContract
	docSeal
	docPayee
	docCode
)

const (
	matchNone = iota
	matchReference
	matchNotCompared
	matchSame
	matchLookalike
	matchDifferent
	matchNotComparable
)

// The Match values beyond names.Compare's.
const (
	MatchReference   = "reference"    // the document the others are compared with
	MatchNotCompared = "not_compared" // nothing given to compare it with
)

// entityQuestions are the indices of the questions the entity check reads
// in one rule set, -1 when the set lacks one (earlier versions).
type entityQuestions struct {
	docs                           [len(entityDocs)]int
	bankCountry, payee, licenceYes int
}

func (rs *ruleSet) resolveEntity() {
	at := func(id string) int {
		if i, ok := rs.index[id]; ok {
			return i
		}
		return -1
	}
	for d, id := range entityFields {
		rs.entityQ.docs[d] = at(id)
	}
	rs.entityQ.bankCountry, rs.entityQ.payee, rs.entityQ.licenceYes = at("payee_bank_country"), at("payee"), at("license_matches_registry")
}

// entityCheck is what one profile's documents say, kept small: scoring
// makes one for every profile.
type entityCheck struct {
	uscc       USCCResult
	hasUSCC    bool
	any        bool // a document, code or bank country was given
	entityType string
	mismatches uint64                 // name_mismatches value bits
	match      [len(entityDocs)]uint8 // match code by document, matchNone when not given
	with       [len(entityDocs)]int8  // the document compared with, -1 for none
	setAside   [2]int16               // question indices set aside (payee, licence), -1 for none
	why        [2]string              // why each was set aside
}

// check reads the documents of answers into e.
func (rs *ruleSet) check(answers []answer, e *entityCheck) {
	*e = entityCheck{setAside: [2]int16{-1, -1}, with: [len(entityDocs)]int8{-1, -1, -1, -1, -1}}
	text := func(qi int) string {
		if a := given(answers, qi); a != nil {
			return a.text
		}
		return ""
	}
	if code := text(rs.usccQ); code != "" {
		e.uscc, e.hasUSCC, e.any = ValidateUSCC(code), true, true
		if e.uscc.Valid {
			_, e.entityType = usccKind(e.uscc.Code)
		}
	}
	q := &rs.entityQ
	// A name is normalised when first compared, once, however many names
	// it is compared with.
	var norm normalisedNames
	v := &norm.text
	for d := range v {
		v[d] = text(q.docs[d])
		if v[d] != "" {
			e.any = true
			e.match[d] = matchNotCompared
		}
	}
	if v[docLicence] != "" {
		e.match[docLicence] = matchReference
	}
	if v[docContract] != "" {
		if v[docLicence] == "" {
			e.match[docContract] = matchReference
		} else {
			e.compare(docContract, docLicence, &norm, 1)
		}
	}
	// The seal and the payee are compared with the licence and the
	// contract, whichever are given, and a mismatch with either counts: a
	// name left out can then only take findings away. The row shows the
	// most serious of the two.
	// bit: the document's place in name_mismatches (payee, contract, seal).
	for _, x := range [...]struct{ doc, bit int }{{docPayee, 0}, {docSeal, 2}} {
		if v[x.doc] == "" {
			continue
		}
		for _, ref := range [...]int{docLicence, docContract} {
			if v[ref] != "" {
				e.compare(x.doc, ref, &norm, x.bit)
			}
		}
	}
	if v[docCode] != "" && e.hasUSCC {
		e.match[docCode], e.with[docCode] = matchDifferent, docLicence
		if NormaliseUSCC(v[docCode]) == e.uscc.Code {
			e.match[docCode] = matchSame
		}
	}
	if given(answers, q.bankCountry) != nil {
		e.any = true
	}
	rs.overrides(e, answers)
}

// compare compares document d's name with document ref's, keeps the more
// serious result on d's row and sets the name_mismatches bit of bitDoc.
func (e *entityCheck) compare(d, ref int, v *normalisedNames, bitDoc int) {
	m := matchCode(names.CompareNormalised(v.get(d), v.get(ref)))
	if m >= matchLookalike {
		e.mismatches |= 1 << (bitDoc*len(mismatchKinds) + int(m-matchLookalike))
	}
	if e.with[d] < 0 || matchRank(m) > matchRank(e.match[d]) {
		e.match[d], e.with[d] = m, int8(ref)
	}
}

func matchCode(m string) uint8 {
	for i, n := range matchNames {
		if n == m && i > 0 {
			return uint8(i)
		}
	}
	return matchNone
}

// matchRank orders comparison results by how serious they are: a lookalike
// (critical) before a different name, before one that cannot be compared.
func matchRank(m uint8) int {
	switch m {
	case matchLookalike:
		return 3
	case matchDifferent:
		return 2
	case matchNotComparable:
		return 1
	}
	return 0
}

func mismatched(m uint8) bool { return m == matchLookalike || m == matchDifferent }

// overrides sets aside the reassuring judgement answers the typed documents
// contradict: an account said to be in the contract company's name when
// the typed name is a lookalike or another name, and a licence said to
// match the registry when its code fails or the contract's code or names
// are another company's. Only reassuring answers are set aside: a typed
// name that matches does not clear an account the buyer judged to be a
// person's or another company's (the name alone cannot show whose account
// it is), so a name left out can never add a finding and a personal
// account stays critical.
func (rs *ruleSet) overrides(e *entityCheck, answers []answer) {
	q := &rs.entityQ
	if m := e.match[docPayee]; mismatched(m) && rs.choice(answers, q.payee) == "contract_company" {
		e.setAside[0] = int16(q.payee)
		e.why[0] = "the account holder's name you typed is " + matchPhrase(m) + " the " + entityDocs[e.with[docPayee]] + "'s company name"
	}
	if rs.choice(answers, q.licenceYes) != "yes" {
		return
	}
	why := ""
	switch {
	case e.match[docCode] == matchDifferent:
		why = "the credit code on the contract is not the licence's"
	case e.hasUSCC && !e.uscc.Valid:
		why = "the licence's credit code fails its check, so no registry record can match it"
	case mismatched(e.match[docContract]):
		why = "the name on the contract is " + matchPhrase(e.match[docContract]) + " the licence's"
	case mismatched(e.match[docSeal]) && e.with[docSeal] == docLicence:
		why = "the name on the seal is " + matchPhrase(e.match[docSeal]) + " the licence's"
	}
	if why != "" {
		e.setAside[1], e.why[1] = int16(q.licenceYes), why
	}
}

func matchPhrase(m uint8) string {
	if m == matchLookalike {
		return "a lookalike of"
	}
	return "different from"
}

// given is the answer to question qi, nil when it is not answered or the
// rules lack the question (qi < 0).
func given(answers []answer, qi int) *answer {
	if qi < 0 || qi >= len(answers) || !answers[qi].set {
		return nil
	}
	return &answers[qi]
}

// choice is the value of enum question qi's answer, "" when not given.
func (rs *ruleSet) choice(answers []answer, qi int) string {
	if a := given(answers, qi); a != nil {
		return rs.questions[qi].values[a.val].value
	}
	return ""
}

// setsAside says whether question qi's answer is set aside.
func (e *entityCheck) setsAside(qi int) bool {
	return e.setAside[0] == int16(qi) || e.setAside[1] == int16(qi)
}

// entity lays out the check as a result's section in out (a new one when
// out is nil), or returns nil when nothing was given. answers supply the
// typed values and the names of the answers set aside.
func (rs *ruleSet) entity(e *entityCheck, answers []answer, out *Entity) *Entity {
	if !e.any {
		return nil
	}
	if out == nil {
		out = new(Entity)
	} else {
		*out = Entity{}
	}
	if e.hasUSCC {
		out.uscc = e.uscc
		out.USCC = &out.uscc
	}
	n := 0
	for d, m := range e.match {
		if m != matchNone {
			out.docs[n] = EntityDocument{Value: answers[rs.entityQ.docs[d]].text, doc: int8(d), with: e.with[d], match: m}
			n++
		}
	}
	out.Documents = out.docs[:n:n]
	out.BankCountry = rs.choice(answers, rs.entityQ.bankCountry)
	for i, qi := range e.setAside {
		if qi >= 0 {
			out.SetAside = append(out.SetAside, SetAside{Question: rs.questions[qi].id, Answer: rs.choice(answers, int(qi)), Reason: e.why[i]})
		}
	}
	return out
}

// normalisedNames normalises each document's name on first use.
type normalisedNames struct {
	text [len(entityDocs)]string // held here, not pointed to, so none of it escapes
	done [len(entityDocs)]bool
	norm [len(entityDocs)]names.Normalised
}

func (n *normalisedNames) get(d int) names.Normalised {
	if !n.done[d] {
		n.norm[d], n.done[d] = names.Normalise(n.text[d]), true
	}
	return n.norm[d]
}
