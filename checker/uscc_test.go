package checker

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestValidateUSCC(t *testing.T) {
	type ucase struct {
		Input    string `json:"input"`
		Code     string `json:"code"`
		Valid    bool   `json:"valid"`
		Error    string `json:"error"`
		Province string `json:"province"`
	}
	for _, c := range loadJSONFile[[]ucase](t, filepath.Join("testdata", "uscc_cases.json")) {
		t.Run(c.Input, func(t *testing.T) {
			r := ValidateUSCC(c.Input)
			if r.Code != c.Code || r.Valid != c.Valid || r.Province != c.Province {
				t.Errorf("got %+v, want code %q valid %v province %q", r, c.Code, c.Valid, c.Province)
			}
			if c.Error != "" && r.Error != c.Error {
				t.Errorf("error %q, want %q", r.Error, c.Error)
			}
			if r.Valid != (r.Error == "") {
				t.Errorf("valid %v but error %q", r.Valid, r.Error)
			}
		})
	}
}

// Every province code 11-82 in GB/T 2260 has an English name.
func TestProvinceNames(t *testing.T) {
	codes := strings.Fields("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82")
	for _, c := range codes {
		if provinces[c] == "" {
			t.Errorf("no English name for province code %s", c)
		}
	}
	if len(provinces) != len(codes)+1 { // plus 10, the national level
		t.Errorf("%d province names, want %d", len(provinces), len(codes)+1)
	}
}

// Fixing the check character the validator asks for always yields a valid
// code: the check follows the standard's weights mod 31.
func TestUSCCCheckCharacterRoundTrip(t *testing.T) {
	for _, body := range []string{"91330100716105852", "91440300715267260", "52110000500000000", "Y1440300MA5D8RHJ0"} {
		for _, ch := range usccAlphabet {
			r := ValidateUSCC(body + string(ch))
			if r.Valid {
				continue
			}
			want, ok := strings.CutPrefix(r.Error, "check character should be ")
			if !ok {
				t.Fatalf("%s%c: unexpected error %q", body, ch, r.Error)
			}
			fixed := ValidateUSCC(body + want[:1])
			if !fixed.Valid {
				t.Fatalf("%s%s is still invalid: %s", body, want[:1], fixed.Error)
			}
		}
	}
}

func FuzzValidateUSCC(f *testing.F) {
	for _, s := range []string{"91330100716105852F", "9144-0300-7152-6726-xg", "", "91I30100716105852F", "9133０100716105852F", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ValidateUSCC(s)
		if again := ValidateUSCC(r.Code); again != r {
			t.Fatalf("normalising is not idempotent: %+v then %+v", r, again)
		}
		if r.Valid {
			if len(r.Code) != 18 || r.Province == "" || r.Error != "" {
				t.Fatalf("valid result looks wrong: %+v", r)
			}
			for i := 0; i < 18; i++ {
				if !strings.ContainsRune(usccAlphabet, rune(r.Code[i])) {
					t.Fatalf("valid code with character %q", r.Code[i])
				}
			}
		} else if r.Error == "" {
			t.Fatalf("invalid without an error: %+v", r)
		}
		if utf8.ValidString(s) && !utf8.ValidString(r.Error) {
			t.Fatalf("error text is not valid UTF-8: %q", r.Error)
		}
		if e := DecodeUSCC(r); r.Valid != (e.EntityType != "" && e.Area.Status != "" && e.Sentence(r.Province) != "") {
			t.Fatalf("valid %v but decoded %+v", r.Valid, e)
		}
		if utf8.ValidString(s) && !json.Valid(r.AppendDecodedJSON(nil)) {
			t.Fatalf("decoded JSON is not JSON: %s", r.AppendDecodedJSON(nil))
		}
	})
}
