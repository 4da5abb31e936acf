// Package browser is the checker as the site's pages call it through the
// WebAssembly build (checker/wasm): every call takes JSON or bytes and
// returns JSON, and every problem has one shape, {"line", "field",
// "problem"} (line 0 and field "" where not known). It only composes
// package checker and checker/profiles, the code the command-line tool
// runs, so a profile is read and scored the same way in the browser and on
// the command line; checker/wasm only moves values across.
//
//	Score(profile, v)     {"profile":{…},"result":{…},"refused":[problem…]}, with "rescore" when v
//	                      is an older rules version, or {"errors":[problem…]}
//	USCC(code)            {"code","valid","error","province","authority","entity_type","area_code","area","summary"}
//	Decode(name, bytes)   {"profiles":[{…}…],"errors":[problem…]}
//	Link(pairs)           {"profile":{…},"errors":[problem…]}
//	CSV(profiles)         {"csv":"…"} or {"errors":[problem…]}
package browser

import (
	"bytes"
	"errors"

	"safesource.dev/safesource/checker"
	"safesource.dev/safesource/checker/profiles"
)

// Score reads one profile object and scores it, in one call: a saved
// supplier or the questionnaire's answers cross from JavaScript once. It is
// lenient (see checker.DecodeProfile): answers the checker refuses are left
// out and listed in "refused", and the rest is scored; "profile" is what was
// read, in canonical form. Input that is not one profile object yields
// {"errors":[…]}.
//
// When from names a rules version other than the current one (a saved
// supplier or a share link from older rules; 0 for none), the reply also
// has "rescore": what changed since (checker.Rescore.AppendJSON), or
// {"errors":[…]} for a version the checker does not know.
func Score(profileJSON []byte, from int) []byte {
	p, refused, err := checker.DecodeProfile(profileJSON)
	if err != nil {
		return failed(err)
	}
	r := checker.Score(p)
	b := make([]byte, 0, 4096)
	b = append(b, `{"profile":`...)
	b = p.AppendJSON(b)
	b = append(b, `,"result":`...)
	b = r.AppendJSON(b)
	b = append(b, `,"refused":`...)
	b = refused.AppendJSON(b)
	if from != 0 && from != checker.RulesVersion() {
		b = append(b, `,"rescore":`...)
		if again, err := checker.ScoreAgain(p, from); err != nil {
			b = append(b, failed(err)...)
		} else {
			b = again.AppendJSON(b)
		}
	}
	return append(b, '}')
}

// USCC validates a credit code and says what a valid one tells of its
// holder, as `checker uscc --format json` does (checker.ValidateUSCC,
// USCCResult.AppendDecodedJSON).
func USCC(code string) []byte {
	r := checker.ValidateUSCC(code)
	return r.AppendDecodedJSON(nil)
}

// Decode reads an imported file as `checker score FILE` does: the format
// from the file name's extension (JSON when content starts with { or [), and
// every profile and every problem, placed with its line.
func Decode(name string, data []byte) []byte {
	list, err := profiles.Decode(name, data)
	b := append(make([]byte, 0, 256*len(list)+64), `{"profiles":[`...)
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = list[i].AppendJSON(b)
	}
	b = append(b, `],"errors":`...)
	b = inputErrors(name, err).AppendJSON(b)
	return append(b, '}')
}

// Link reads a share link's answers ([id, value] pairs) leniently; see
// checker.DecodeLink.
func Link(pairs [][2]string) []byte {
	p, errs := checker.DecodeLink(pairs)
	b := append(make([]byte, 0, 1024), `{"profile":`...)
	b = p.AppendJSON(b)
	b = append(b, `,"errors":`...)
	b = errs.AppendJSON(b)
	return append(b, '}')
}

// bom starts the CSV export so that spreadsheets read Chinese names as
// UTF-8; the CSV reader skips it.
const bom = "\uFEFF"

// CSV writes profiles, given as a JSON list, as the CSV the command-line
// checker reads.
func CSV(profilesJSON []byte) []byte {
	list, err := checker.DecodeJSON("", profilesJSON)
	if err != nil {
		return failed(err)
	}
	var buf bytes.Buffer
	buf.WriteString(bom)
	if err := profiles.EncodeCSV(&buf, list); err != nil {
		return failed(&checker.InputError{Problem: "writing CSV: " + err.Error()})
	}
	b := append(make([]byte, 0, buf.Len()+buf.Len()/8+16), `{"csv":`...)
	b = checker.AppendJSONString(b, buf.String())
	return append(b, '}')
}

// failed is the reply of a call that failed: {"errors":[…]}, every
// problem of err (see inputErrors).
func failed(err error) []byte {
	errs := inputErrors("", err)
	b := append(make([]byte, 0, 128*len(errs)+16), `{"errors":`...)
	b = errs.AppendJSON(b)
	return append(b, '}')
}

// inputErrors flattens a decoder's error into the list of problems, each
// placed as the decoder placed it.
func inputErrors(name string, err error) checker.InputErrors {
	if err == nil {
		return nil
	}
	var list checker.InputErrors
	if errors.As(err, &list) {
		return list
	}
	var one *checker.InputError
	if errors.As(err, &one) {
		return checker.InputErrors{one}
	}
	return checker.InputErrors{{File: name, Problem: err.Error()}}
}
