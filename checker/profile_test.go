package checker

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestDecodeJSONErrors(t *testing.T) {
	type dcase struct {
		Name   string   `json:"name"`
		Input  string   `json:"input"`
		Good   int      `json:"good"`
		Errors []string `json:"errors"`
	}
	for _, c := range loadJSONFile[[]dcase](t, filepath.Join("testdata", "json_decode_cases.json")) {
		t.Run(c.Name, func(t *testing.T) {
			list, err := DecodeJSON("in.json", []byte(c.Input))
			var got []string
			if err != nil {
				var errs InputErrors
				if !errors.As(err, &errs) {
					t.Fatalf("error is %T, want InputErrors", err)
				}
				for _, e := range errs {
					got = append(got, e.Error())
				}
			}
			if !slices.Equal(got, c.Errors) && !(len(got) == 0 && len(c.Errors) == 0) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.Errors, "\n"))
			}
			if len(list) != c.Good {
				t.Errorf("%d good profiles, want %d", len(list), c.Good)
			}
		})
	}
}

func TestFriendlyJSONForms(t *testing.T) {
	list, err := DecodeJSON("in.json", []byte(`{"platform": 1688, "claims_factory": true, "uscc": 914403001922038216,
		"badges": "verified_supplier; trade_assurance", "email_domain": "", "store_years": null, "employees": "unknown"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"platform":"1688","uscc":"914403001922038216","badges":["verified_supplier","trade_assurance"],"claims_factory":"yes"}`
	if got := string(list[0].AppendJSON(nil)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestSetAndGet(t *testing.T) {
	var p Profile
	for _, kv := range [][2]string{
		{"supplier_name", "  Acme  "}, {"store_years", "2.5"}, {"badges", "chengxintong;;trade_assurance;"},
		{"samples", "passed"}, {"asked_to_pay_off_platform", "false"},
	} {
		if err := p.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set(%q, %q): %v", kv[0], kv[1], err)
		}
	}
	for field, want := range map[string]string{
		"supplier_name": "Acme", "store_years": "2.5", "badges": "trade_assurance;chengxintong",
		"samples": "passed", "asked_to_pay_off_platform": "no", "contract": "",
	} {
		if got := p.Get(field); got != want {
			t.Errorf("Get(%q) = %q, want %q", field, got, want)
		}
	}
	if err := p.Set("badges", "none"); err != nil || p.Get("badges") != "none" {
		t.Errorf("badges none: %v, %q", err, p.Get("badges"))
	}
	if err := p.Set("store_years", "unknown"); err != nil || p.Get("store_years") != "" {
		t.Errorf("clearing: %v, %q", err, p.Get("store_years"))
	}
	for _, kv := range [][3]string{
		{"store_years", "0x10", `store_years: expected a number, got "0x10" (allowed: 0 or more)`},
		{"store_years", "NaN", `store_years: expected a number, got "NaN" (allowed: 0 or more)`},
		{"store_years", "1e999", `store_years: expected a number, got "1e999" (allowed: 0 or more)`},
		{"employees", "7.5", `employees: 7.5 is not a whole number (allowed: whole numbers, 0 or more)`},
		{"samples", "yes", `samples: unknown value "yes" (allowed: passed, not_tested, not_requested, refused, failed, unknown)`},
		{"sample", "passed", `sample: unknown field (did you mean "samples"?)`},
	} {
		err := p.Set(kv[0], kv[1])
		if err == nil || err.Error() != kv[2] {
			t.Errorf("Set(%q, %q) = %v, want %s", kv[0], kv[1], err, kv[2])
		}
	}
	if err := p.SetNumber("samples", 3); err == nil {
		t.Error("SetNumber on an enum should fail")
	}
	if err := p.SetList("samples", []string{"passed"}); err == nil {
		t.Error("SetList on an enum should fail")
	}
	if got := Fields(); len(got) != 36 || got[0] != "supplier_name" || got[29] != "demands_after_payment" || got[35] != "payee_bank_country" {
		t.Errorf("Fields() = %v", got)
	}
}

// The JSON reader agrees with encoding/json on what is valid and on what
// strings mean, and appendJSONString writes what encoding/json reads back.
func FuzzJSONReader(f *testing.F) {
	for _, s := range []string{`{"a": "b\u00e9\ud83d\ude00", "n": -1.5e3, "l": [true, false, null]}`, `[1, 2`, `"\ud800"`,
		"\"\xff\"", `{"a":1}x`, `01`, `1.`, `-`, `"\u2028"`, "{\"x\":\"\t\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parseJSON(data)
		if (err == nil) != json.Valid(data) {
			if err != nil && strings.Contains(err.Error(), "nested more than") {
				return // deliberately stricter than encoding/json
			}
			if len(data) >= 3 && string(data[:3]) == "\xef\xbb\xbf" {
				return // a byte order mark is accepted here, not there
			}
			if err != nil && (strings.Contains(err.Error(), "not UTF-8") || strings.Contains(err.Error(), "surrogate")) {
				return // deliberately stricter: encoding/json turns these into U+FFFD
			}
			t.Fatalf("parseJSON error %v, json.Valid %v for %q", err, json.Valid(data), data)
		}
		if err != nil {
			return
		}
		var want any
		if err := json.Unmarshal(data, &want); err != nil {
			var rangeErr *json.UnmarshalTypeError
			if errors.As(err, &rangeErr) && strings.HasPrefix(rangeErr.Value, "number") {
				return // a number too large for float64: valid JSON, but not comparable
			}
			t.Fatal(err)
		}
		got := toAny(v)
		gotJSON, _ := json.Marshal(got)
		wantJSON, _ := json.Marshal(want)
		if string(gotJSON) != string(wantJSON) {
			t.Fatalf("parsed %s, encoding/json %s", gotJSON, wantJSON)
		}
		if s, ok := want.(string); ok {
			var back string
			if err := json.Unmarshal(appendJSONString(nil, s), &back); err != nil || back != s {
				t.Fatalf("appendJSONString(%q) reads back as %q (%v)", s, back, err)
			}
		}
	})
}

// toAny converts a parsed value to what encoding/json would produce.
func toAny(v jsonValue) any {
	switch v.kind {
	case jsonNull:
		return nil
	case jsonBool:
		return v.text == "true"
	case jsonNumber:
		var f float64
		json.Unmarshal([]byte(v.text), &f)
		return f
	case jsonString:
		return v.text
	case jsonArray:
		out := []any{}
		for _, it := range v.items {
			out = append(out, toAny(it))
		}
		return out
	default:
		out := map[string]any{}
		for _, m := range v.members {
			out[m.key] = toAny(m.value)
		}
		return out
	}
}

// Decoding never panics, and whatever decodes round-trips through JSON.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"supplier_name":"A","badges":["chengxintong"],"store_years":2,"platform":1688}`))
	f.Add([]byte(`[{"uscc":"91330100716105852F"},{"employees":3.5}]`))
	f.Add([]byte(`{"deposit_percent": 1e400}`))
	f.Add([]byte(`{"claims_factory": false, "badges": "none"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, _ := DecodeJSON("fuzz.json", data)
		for _, p := range list {
			out := p.AppendJSON(nil)
			again, err := DecodeJSON("again.json", out)
			if err != nil || len(again) != 1 || string(again[0].AppendJSON(nil)) != string(out) {
				t.Fatalf("round trip of %s failed: %v", out, err)
			}
			Score(p)
		}
		if p, _, err := DecodeProfile(data); err == nil {
			Score(p)
		}
	})
}

// shortDecimal agrees with strconv.ParseFloat wherever it answers.
func FuzzShortDecimal(f *testing.F) {
	for _, s := range []string{"0", "12", "2.75", "0.1", "999999999999999", "123456789.123456", ".5", "5.", "1.2.3", "-1", "007.50"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := shortDecimal(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || v != want {
			t.Fatalf("shortDecimal(%q) = %v, strconv gives %v (%v)", s, v, want, err)
		}
	})
}
