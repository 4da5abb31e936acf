package checker

import "strconv"

// The question schema: what a question is (its type, its values, its
// bounds) and how a value is found and named. The rules data defines the
// questions (see loadquestions.go); profiles and conditions read them.

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

func (q *question) valueIndex(v string) int {
	if v == "" {
		return -1
	}
	k := valueKey(v)
	for i := range q.keys {
		if q.keys[i] == k && q.values[i].value == v {
			return i
		}
	}
	return -1
}

// valueKey packs a value's length, first and last byte: comparing keys
// rules out almost every wrong value without comparing strings.
func valueKey(v string) uint32 {
	return uint32(len(v))<<16 | uint32(v[0])<<8 | uint32(v[len(v)-1])
}

func (q *question) valueNames() []string {
	names := make([]string, len(q.values))
	for i := range q.values {
		names[i] = q.values[i].value
	}
	return names
}

// rangeText describes a number question's allowed range.
func rangeText(q *question) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	switch {
	case q.hasMin && q.hasMax:
		return f(q.min) + " to " + f(q.max)
	case q.hasMin:
		return f(q.min) + " or more"
	case q.hasMax:
		return f(q.max) + " or less"
	default:
		return "any number"
	}
}
