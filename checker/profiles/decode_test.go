package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

func TestDecodeCases(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name     string   `json:"name"`
		File     string   `json:"file"`
		Input    string   `json:"input"`
		Raw      bool     `json:"raw"` // \xNN in Input stands for that byte
		Profiles []string `json:"profiles"`
		Errors   []string `json:"errors"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			in := []byte(c.Input)
			if c.Raw {
				in = rawBytes(c.Input)
			}
			list, err := Decode(c.File, in)
			got := []string{}
			for _, p := range list {
				got = append(got, string(p.AppendJSON(nil)))
			}
			if !slices.Equal(got, c.Profiles) {
				t.Errorf("profiles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.Profiles, "\n"))
			}
			gotErrs := []string{}
			if err != nil {
				var list checker.InputErrors
				if !errors.As(err, &list) {
					t.Fatalf("error is %T, want checker.InputErrors: %v", err, err)
				}
				for _, e := range list {
					gotErrs = append(gotErrs, e.Error())
				}
			}
			if !slices.Equal(gotErrs, c.Errors) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(gotErrs, "\n"), strings.Join(c.Errors, "\n"))
			}
		})
	}
}

// The same profile written as JSON, YAML and CSV decodes to the same answers.
func TestFormatsAgree(t *testing.T) {
	var want string
	for _, name := range []string{"same.json", "same.yaml", "same.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		list, err := Decode(name, data)
		if err != nil || len(list) != 1 {
			t.Fatalf("%s: %v", name, err)
		}
		got := string(list[0].AppendJSON(nil))
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("%s decodes to\n%s\nbut same.json to\n%s", name, got, want)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	for _, c := range []struct {
		file, data string
		want       Format
	}{
		{"a.JSON", "", JSON}, {"a.yml", "{}", YAML}, {"a.yaml", "", YAML}, {"a.csv", "{", CSV},
		{"-", "\ufeff  {\"a\":1}", JSON}, {"-", "[1]", JSON}, {"-", "a: b", YAML}, {"profile", "", YAML},
	} {
		if got := DetectFormat(c.file, []byte(c.data)); got != c.want {
			t.Errorf("DetectFormat(%q, %q) = %v, want %v", c.file, c.data, got, c.want)
		}
	}
}

// roundTrips checks a decoded profile survives JSON and scores.
func roundTrips(t *testing.T, list []checker.Profile) {
	for _, p := range list {
		out := p.AppendJSON(nil)
		again, err := checker.DecodeJSON("again", out)
		if err != nil || len(again) != 1 || string(again[0].AppendJSON(nil)) != string(out) {
			t.Fatalf("round trip of %s failed: %v", out, err)
		}
		checker.Score(p)
	}
}

func FuzzDecodeYAML(f *testing.F) {
	for _, name := range []string{"same.yaml"} {
		data, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(data)
	}
	f.Add([]byte("- &a {platform: 1688}\n- *a\n- [x, *a]\n"))
	f.Add([]byte("badges: verified_supplier;chengxintong\nstore_years: !!str 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := DecodeYAML("fuzz.yaml", data)
		var errs checker.InputErrors
		if err != nil && !errors.As(err, &errs) {
			t.Fatalf("error is %T, want InputErrors", err)
		}
		roundTrips(t, list)
	})
}

func FuzzDecodeCSV(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "same.csv"))
	f.Add(data)
	f.Add([]byte("store_years,badges\n1,none\n\"2\",\"a;b\"\n3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := DecodeCSV("fuzz.csv", strings.NewReader(string(data)))
		var errs checker.InputErrors
		if err != nil && !errors.As(err, &errs) {
			t.Fatalf("error is %T, want InputErrors", err)
		}
		roundTrips(t, list)
	})
}

// rawBytes turns \xNN in a test input into that byte, for inputs that are
// not UTF-8 (JSON test files cannot hold them).
func rawBytes(s string) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && s[i+1] == 'x' {
			if v, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
				b = append(b, byte(v))
				i += 3
				continue
			}
		}
		b = append(b, s[i])
	}
	return b
}

// What EncodeCSV writes (the browser's CSV export) reads back to the
// same profiles, formulas neutralised on the way out and restored on the way in.
func TestEncodeCSVRoundTrip(t *testing.T) {
	in := `[{"supplier_name": "=CMD|' /C calc'!A0", "badges": [], "store_years": 2.5, "platform": "1688"},
		{"supplier_name": "Acme, \"Ltd\"\nline two", "uscc": "'-quoted", "payment_method": "paypal", "badges": ["trade_assurance", "chengxintong"]},
		{"employees": 0}]`
	list, err := checker.DecodeJSON("in.json", []byte(in))
	if err != nil || len(list) != 3 {
		t.Fatalf("%v %d", err, len(list))
	}
	var out bytes.Buffer
	if err := EncodeCSV(&out, list); err != nil {
		t.Fatal(err)
	}
	csvText := out.Bytes()
	if !strings.Contains(string(csvText), "\r\n'=CMD|' /C calc'!A0,") {
		t.Errorf("formula not neutralised:\n%s", csvText)
	}
	again, err := DecodeCSV("out.csv", strings.NewReader(string(csvText)))
	if err != nil || len(again) != len(list) {
		t.Fatalf("%v %d:\n%s", err, len(again), csvText)
	}
	for i := range list {
		if a, b := string(list[i].AppendJSON(nil)), string(again[i].AppendJSON(nil)); a != b {
			t.Errorf("profile %d: %s, read back as %s", i+1, a, b)
		}
	}
}
