// Package area resolves a GB/T 2260 administrative-area code (characters 3-8
// of a credit code) to its province, city and district, in Chinese and in
// pinyin. The table is generated from npm packages by genarea.mjs (see there
// for the sources); nothing in it is typed by hand.
package area

import "strings"

//go:generate node genarea.mjs

// Status says what the table knows of a code.
const (
	Listed   = "listed"   // in the newest list the packages carry (see genarea.mjs)
	Retired  = "retired"  // only in an earlier revision (ListedUntil)
	Unknown  = "unknown"  // in neither: unknown, or created and retired between the two lists
	National = "national" // 100000, the central level, which GB/T 2260 does not list
)

// Place is one level of an area: its Chinese name as the list writes it and
// a romanisation ("义乌市", "Yiwu"); both empty when the level is not known.
type Place struct {
	Name   string
	Pinyin string
}

// Result is what a code resolves to. Province, City and District are filled
// as far as the table lists them: a municipality such as 北京市 has no city
// level, and a code ending in 00 names no district.
type Result struct {
	Code        string
	Status      string
	ListedUntil string // YYYYMM of the last revision listing a retired code
	Province    Place
	City        Place
	District    Place
}

// Lookup resolves a six-digit code. Anything else is Unknown with no names.
func Lookup(code string) Result {
	r := Result{Code: code, Status: Unknown}
	if len(code) != 6 || !digits(code) {
		return r
	}
	if code == "100000" {
		r.Status = National
		return r
	}
	if e, ok := find(code); ok {
		r.Status = Listed
		if e.until != "" {
			r.Status, r.ListedUntil = Retired, e.until
		}
	}
	r.Province = place(code[:2] + "0000")
	if code[2:4] != "00" {
		r.City = place(code[:4] + "00")
	}
	if code[4:6] != "00" {
		r.District = place(code)
	}
	return r
}

func place(code string) Place {
	e, _ := find(code)
	return Place{Name: e.name, Pinyin: e.pinyin}
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// placeSuffixes are the generic terms a place name may be written without
// (深圳市, 深圳; 香港特别行政区, 香港), longest first.
var placeSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "地区", "新区", "省", "市", "区", "县", "盟", "旗"}

// places is the set of names IsPlace knows, built on first use.
var places map[string]bool

// IsPlace reports whether s is the name of an area in the table, in Chinese
// with or without its last generic character (深圳市, 深圳) or in its
// romanisation upper-cased without spaces or apostrophes (SHENZHEN).
func IsPlace(s string) bool {
	if places == nil {
		places = placeSet()
	}
	return places[s]
}

func placeSet() map[string]bool {
	set := make(map[string]bool, 3*len(index()))
	for _, start := range index() {
		e := parse(line(start))
		set[e.name] = true
		for _, suffix := range placeSuffixes {
			if rest, ok := strings.CutSuffix(e.name, suffix); ok && len([]rune(rest)) >= 2 {
				set[rest] = true
				break
			}
		}
		set[strings.NewReplacer(" ", "", "'", "").Replace(strings.ToUpper(e.pinyin))] = true
	}
	return set
}
