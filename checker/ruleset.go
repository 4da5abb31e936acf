package checker

// The rule set: the types the rules data is loaded into (load.go) and that
// scoring reads (score.go), with the embedded rules.
//
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

type rule struct {
	id, title, why, fact, source, locator, guide string
	severity                                     int // band index; findings only
	points                                       int
	when                                         condition
	finding                                      Finding // prebuilt result entry
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
	derived                  []derivedPlan    // derived values the conditions compare (derived.go)
	facts                    []factPlan       // facts the conditions test (facts.go)
	entityQ                  entityQuestions  // the questions the entity check reads (entity.go)
	always                   satisfied        // bits of conditions that always hold
	multi                    [3][]multiClause // by word: conditions with extra clauses
	nExtra                   int              // extra clause bits in use
	totalWeight              float64
	keyQuestions             int   // questions that matter most: weight keyWeight or more
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

// keyWeight is the weight of the questions that matter most: a Result says
// how many of them were answered (Result.Known of Result.KnownOf).
const keyWeight = 2

// maxRules keeps fired sets in one machine word.
const maxRules = 64
