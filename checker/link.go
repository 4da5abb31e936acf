package checker

import (
	"strconv"
	"strings"
)

// DecodeLink reads the answers of a share link (#id=value&id=value, already
// split into key/value pairs by the page). Values are written as in a CSV
// cell, except that list items are separated by "," (";" is accepted too).
// A link is read leniently: every answer that is valid is kept, and each
// problem (an unknown field, a field given twice, a bad value) is returned
// beside the profile, so the page can restore the rest and say what it left out.
func DecodeLink(pairs [][2]string) (Profile, InputErrors) {
	var p Profile
	var errs InputErrors
	seen := make(map[string]int, len(pairs))
	for n, kv := range pairs {
		key, value := kv[0], kv[1]
		if key == "" {
			continue
		}
		if first, dup := seen[key]; dup {
			errs = append(errs, &InputError{Field: key, Problem: "given twice (first as answer " + strconv.Itoa(first) + "); the first is kept"})
			continue
		}
		seen[key] = n + 1
		i, ok := defaultRules.index[key]
		if !ok {
			errs = append(errs, unknownFieldError(key))
			continue
		}
		if defaultRules.questions[i].typ == typeList {
			value = strings.ReplaceAll(value, ",", ";")
		}
		if problem := p.setText(i, value, true); problem != "" {
			errs = append(errs, &InputError{Field: key, Problem: problem})
		}
	}
	return p, errs
}
