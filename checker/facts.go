package checker

// Facts are what the checker reads from the documents the buyer typed: the
// kind of entity the credit code was issued to, whether the contract's code
// is the licence's, and how each document's name compares with the
// licence's (entity.go). Nobody answers them. Rules test them with "is" and
// "has" like an enum or a list question ("uscc_entity is
// individual_business", "name_mismatches has payee_lookalike"); they are
// known only when the answers they are read from are given. Like derived
// values they live here, not in the rules data: the checker owns every
// comparison, and templates and scripts only read the rules that name them.

// factDef is one fact: its values (an enum, or a list when several can
// hold at once) and the questions it is read from.
type factDef struct {
	id     string
	list   bool
	values []string
	reads  []string
	bits   func(e *entityCheck) uint64 // the values that hold, bit j for values[j]
}

// The documents whose names are compared with the licence's, in the order
// name_mismatches lists their values.
var nameDocuments = [...]string{"payee", "contract", "seal"}

// The comparison results that are a mismatch, in value order within a
// document.
var mismatchKinds = [...]string{"lookalike", "different", "not_comparable"}

// entityTypes are uscc_entity's values.
var entityTypes = []string{EntityEnterprise, EntityIndividualBusiness, EntityFarmersCooperative, EntityGovernmentOrPublic, EntitySocialOrganisation, EntityOther}

var factDefs = [...]factDef{
	{id: "uscc_entity", values: entityTypes, reads: []string{"uscc"}, bits: entityTypeBits},
	{id: "contract_uscc_match", values: []string{"same", "different"}, reads: []string{"uscc", "contract_uscc"}, bits: codeMatchBits},
	{id: "name_mismatches", list: true, values: mismatchValues(), reads: []string{"licence_name", "contract_name", "seal_name", "payee_name"},
		bits: func(e *entityCheck) uint64 { return e.mismatches }},
}

// mismatchValues names every document-and-kind pair: payee_lookalike,
// payee_different, payee_not_comparable, contract_lookalike, …
func mismatchValues() []string {
	out := make([]string, 0, len(nameDocuments)*len(mismatchKinds))
	for _, d := range nameDocuments {
		for _, k := range mismatchKinds {
			out = append(out, d+"_"+k)
		}
	}
	return out
}

// factPlan is a fact resolved against a rule set: a question-shaped
// description for the condition parser, and its table (see plan).
type factPlan struct {
	def     *factDef
	q       question
	byValue []satisfied
}

// factIndex resolves a fact by id for rs, adding it to rs.facts on first
// use. It returns its index, or -1 and "" for an id that is not a fact, or
// -1 and a problem when the rules data lacks a question it is read from.
func (rs *ruleSet) factIndex(id string) (int, string) {
	for i := range rs.facts {
		if rs.facts[i].def.id == id {
			return i, ""
		}
	}
	for k := range factDefs {
		d := &factDefs[k]
		if d.id != id {
			continue
		}
		for _, r := range d.reads {
			if _, ok := rs.index[r]; !ok {
				return -1, id + " is read from the question " + r + ", which these rules lack"
			}
		}
		fp := factPlan{def: d, byValue: make([]satisfied, len(d.values))}
		fp.q = question{id: d.id, typ: typeEnum, unansweredAs: -1}
		if d.list {
			fp.q.typ = typeList
		}
		for _, v := range d.values {
			fp.q.values = append(fp.q.values, valueDef{value: v})
			fp.q.keys = append(fp.q.keys, valueKey(v))
		}
		rs.facts = append(rs.facts, fp)
		return len(rs.facts) - 1, ""
	}
	return -1, ""
}

// satisfyFacts sets the clause bits of the facts' values that hold for the
// profile e has read; a fact that is not known sets none.
func (rs *ruleSet) satisfyFacts(e *entityCheck, sat *satisfied) {
	for i := range rs.facts {
		f := &rs.facts[i]
		m := f.def.bits(e)
		for j := range f.byValue {
			if m&(1<<j) != 0 {
				sat.or(&f.byValue[j])
			}
		}
	}
}

// entityTypeBits: the kind of entity a valid credit code was issued to.
func entityTypeBits(e *entityCheck) uint64 {
	if e.uscc.Valid {
		for j, v := range entityTypes {
			if v == e.entityType {
				return 1 << j
			}
		}
	}
	return 0
}

// codeMatchBits: whether the contract's credit code is the licence's.
func codeMatchBits(e *entityCheck) uint64 {
	switch e.match[docCode] {
	case matchSame:
		return 1
	case matchDifferent:
		return 2
	}
	return 0
}
