package checker

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// USCCResult is the outcome of checking a Unified Social Credit Code
// (统一社会信用代码) against GB 32100-2015.
type USCCResult struct {
	Code     string // normalised: see NormaliseUSCC
	Valid    bool
	Error    string // which rule failed and how to fix it; "" when valid
	Province string // English name from characters 3-4, "" when not readable
}

// usccAlphabet lists the 31 characters a code may use, in value order: the
// digits and the capital letters except I, O, S, V and Z.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccValues maps a byte to its value in usccAlphabet, or -1.
var usccValues = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for v := 0; v < len(usccAlphabet); v++ {
		t[usccAlphabet[v]] = int8(v)
	}
	return t
}()

// usccWeights are the standard's weights for characters 1-17 (3^(i-1) mod 31).
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// provinces maps the first two digits of the administrative division code
// (GB/T 2260), characters 3-4 of the credit code. 10 is the national level,
// used by bodies registered with central authorities.
var provinces = map[string]string{
	"10": "National (central level)",
	"11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia",
	"21": "Liaoning", "22": "Jilin", "23": "Heilongjiang",
	"31": "Shanghai", "32": "Jiangsu", "33": "Zhejiang", "34": "Anhui", "35": "Fujian", "36": "Jiangxi", "37": "Shandong",
	"41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong", "45": "Guangxi", "46": "Hainan",
	"50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan", "54": "Tibet (Xizang)",
	"61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia", "65": "Xinjiang",
	"71": "Taiwan", "81": "Hong Kong", "82": "Macao",
}

// provinceNames is provinces indexed by number, for a lookup without hashing.
var provinceNames = func() (t [100]string) {
	for code, name := range provinces {
		t[int(code[0]-'0')*10+int(code[1]-'0')] = name
	}
	return t
}()

// NormaliseUSCC trims a code, turns full-width digits and letters (typed
// with Chinese input methods) into ASCII, upper-cases letters, and drops
// spaces, hyphens and dashes (people type codes in groups) and zero-width
// characters (invisible, but they would count towards the 18).
func NormaliseUSCC(s string) string {
	if isNormalUSCC(s) {
		return s // the common case: nothing to change, nothing to allocate
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFF01 - '!' // full-width forms from Chinese input methods: ０-９, Ａ-Ｚ, ａ-ｚ, －
		}
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '-' || r == '\u00a0' || r == '\u3000' || r >= '\u2010' && r <= '\u2015':
			// separators people type or paste between groups
		case r >= '\u200b' && r <= '\u200d' || r == '\u2060' || r == '\ufeff':
			// zero-width characters pasted along with a code: invisible, so not counted
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ValidateUSCC normalises and checks a credit code: 18 characters from
// 0-9A-HJ-NPQRTUWXY, characters 3-8 digits naming a real province, and the
// check character computed with the standard's weights mod 31. Error names
// the first rule that failed.
func ValidateUSCC(code string) USCCResult {
	c := NormaliseUSCC(code)
	r := USCCResult{Code: c}
	n := utf8.RuneCountInString(c)
	if n == 0 {
		r.Error = "no code given: enter the 18-character code from the business licence"
		return r
	}
	if len(c) >= 4 && isDigits(c[2:4]) {
		r.Province = provinceNames[int(c[2]-'0')*10+int(c[3]-'0')]
	}
	if n != 18 {
		r.Error = "must be 18 characters, got " + strconv.Itoa(n)
		return r
	}
	values := [18]int{}
	i := 0
	for _, ch := range c { // runes, so a non-ASCII character is named whole
		values[i] = -1
		if ch < utf8.RuneSelf {
			values[i] = int(usccValues[ch])
		}
		if values[i] < 0 {
			r.Error = "character " + strconv.Itoa(i+1) + " (" + quoteRune(ch) + ") is not allowed: codes use 0-9 and the capital letters except I, O, S, V and Z"
			return r
		}
		i++
	}
	for i := 2; i < 8; i++ {
		if c[i] < '0' || c[i] > '9' {
			r.Error = "characters 3-8 are the region code and must be digits; character " + strconv.Itoa(i+1) + " is " + quoteRune(rune(c[i]))
			return r
		}
	}
	if r.Province == "" {
		r.Error = "characters 3-4 (" + c[2:4] + ") are not a Chinese province code"
		return r
	}
	sum := 0
	for i, w := range usccWeights {
		sum += values[i] * w
	}
	want := usccAlphabet[(31-sum%31)%31]
	if c[17] != want {
		r.Error = "check character should be " + string(want) + ", not " + string(c[17]) + ": a character was probably mistyped"
		return r
	}
	r.Valid = true
	return r
}

// isNormalUSCC reports whether s has no separators or lower-case letters.
func isNormalUSCC(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c >= 'a' && c <= 'z' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// AppendJSON appends {"code","valid","error","province"}; every key is
// always present so JavaScript callers can rely on the shape.
func (r *USCCResult) AppendJSON(b []byte) []byte {
	b = appendJSONKey(append(b, '{'), "code", true)
	b = appendJSONString(b, r.Code)
	b = appendJSONKey(b, "valid", false)
	b = appendJSONBool(b, r.Valid)
	b = appendJSONKey(b, "error", false)
	b = appendJSONString(b, r.Error)
	b = appendJSONKey(b, "province", false)
	b = appendJSONString(b, r.Province)
	return append(b, '}')
}

// MarshalJSON writes the result in the public JSON shape.
func (r USCCResult) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(nil), nil
}
