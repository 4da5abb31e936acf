package checker

import "strconv"

// Entry points for moving profiles in and out of the browser (imports,
// share links, saved suppliers, exports). They take and return strings so
// the WebAssembly build can expose them unchanged, and they use the same
// decoder as the command line, so both accept and reject the same input.

// ImportJSON decodes one profile or a list of them and returns
// {"profiles":[…],"errors":[{"line","field","problem"}…]}: the normalised
// form of every good profile (as Profile.AppendJSON writes it), in input
// order, and the first 100 problems (then one saying how many more).
func ImportJSON(data []byte) []byte {
	var errs InputErrors
	ps := collect(&errs, maxCollected)
	b := []byte(`{"profiles":[`)
	n := 0
	for _, p := range ReadJSON("", data, ps) {
		if n > 0 {
			b = append(b, ',')
		}
		b = p.AppendJSON(b)
		n++
	}
	if e := ps.OmittedError(); e != nil {
		errs = append(errs, e)
	}
	b = append(b, `],"errors":[`...)
	for i, e := range errs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONKey(append(b, '{'), "line", true)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		b = appendJSONKey(b, "field", false)
		b = appendJSONString(b, clip(e.Field))
		b = appendJSONKey(b, "problem", false)
		b = appendJSONString(b, e.Problem)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// ExportCSV turns profiles given as JSON (one or a list) into the CSV that
// EncodeCSV writes. When the JSON has problems it returns nil and the
// problems as {"errors":[…]}, as ScoreJSON does.
func ExportCSV(data []byte) (csv, problems []byte) {
	list, err := DecodeJSON("", data)
	if err != nil {
		return nil, errorsJSON(asInputErrors(err))
	}
	return EncodeCSV(list), nil
}
