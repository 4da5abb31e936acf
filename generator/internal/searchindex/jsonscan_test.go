package searchindex

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzJSONString checks the scanner's strings against encoding/json as an
// oracle: a JSON string it accepts decodes to the same text, and it never
// panics or reads past the input on one it rejects.
func FuzzJSONString(f *testing.F) {
	for _, seed := range []string{`"lawyer"`, `"a\"b"`, `"\u5f8b\u5e08"`, `"\ud83d\ude00"`, `"\ud800"`, `"\x"`, `"open`, `"tab\there"`, `""`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := &jsonScanner{src: []byte(src)}
		got, err := s.str()
		if s.i > len(src) {
			t.Fatalf("%q: read to %d of %d bytes", src, s.i, len(src))
		}
		if err != nil {
			return
		}
		var want string
		if json.Unmarshal([]byte(src[:s.i]), &want) != nil {
			// encoding/json refuses what the scanner took: only a raw
			// control character or invalid UTF-8, which the scanner passes
			// through as it stands, may differ.
			if utf8.ValidString(src[:s.i]) && !hasControl(src[:s.i]) {
				t.Fatalf("%q: scanner accepted %q, encoding/json refuses it", src, src[:s.i])
			}
			return
		}
		if utf8.ValidString(src[:s.i]) && string(got) != want {
			t.Fatalf("%q: got %q, encoding/json %q", src, got, want)
		}
	})
}

func hasControl(s string) bool {
	for i := range len(s) {
		if s[i] < 0x20 {
			return true
		}
	}
	return false
}
