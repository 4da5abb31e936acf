package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

// callCase is one row of testdata/calls.json: a call, its input, and what
// its JSON reply must hold.
type callCase struct {
	Name     string      `json:"name"`
	Call     string      `json:"call"`    // score, uscc, decode, link or csv
	Input    string      `json:"input"`   // profile JSON, a code, a file's text, or a JSON list of profiles
	File     string      `json:"file"`    // decode: the file name
	Version  int         `json:"version"` // score: the rules version the profile was scored with
	Current  bool        `json:"current"` // score: scored with the current rules version
	Pairs    [][2]string `json:"pairs"`   // link
	Keys     []string    `json:"keys"`    // the reply's top-level keys, exactly
	Contains []string    `json:"contains"`
	Refused  int         `json:"refused"` // score: how many answers are refused
}

func loadJSON[T any](t *testing.T, path string) T {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func (c *callCase) run() []byte {
	switch c.Call {
	case "score":
		if c.Current {
			c.Version = checker.RulesVersion()
		}
		return Score([]byte(c.Input), c.Version)
	case "uscc":
		return USCC(c.Input)
	case "decode":
		return Decode(c.File, []byte(c.Input))
	case "link":
		return Link(c.Pairs)
	case "csv":
		return CSV([]byte(c.Input))
	}
	return nil
}

// TestCalls makes every call of testdata/calls.json and checks the reply's
// shape and content. Every problem, whichever call reports it, has the one
// shape {line, field, problem}.
func TestCalls(t *testing.T) {
	for _, c := range loadJSON[[]callCase](t, filepath.Join("testdata", "calls.json")) {
		t.Run(c.Name, func(t *testing.T) {
			out := c.run()
			if out == nil {
				t.Fatalf("unknown call %q", c.Call)
			}
			var reply map[string]json.RawMessage
			if err := json.Unmarshal(out, &reply); err != nil {
				t.Fatalf("not a JSON object: %v\n%s", err, out)
			}
			if c.Keys != nil && strings.Join(keys(reply), " ") != strings.Join(c.Keys, " ") {
				t.Errorf("keys %q, want %q\n%s", keys(reply), c.Keys, out)
			}
			for _, w := range c.Contains {
				if !strings.Contains(string(out), w) {
					t.Errorf("reply lacks %s:\n%s", w, out)
				}
			}
			for _, k := range []string{"errors", "refused"} {
				if raw, ok := reply[k]; ok {
					checkProblems(t, k, raw)
				}
			}
			if c.Call == "score" && reply["refused"] != nil {
				var refused []json.RawMessage
				json.Unmarshal(reply["refused"], &refused)
				if len(refused) != c.Refused {
					t.Errorf("%d answers refused, want %d:\n%s", len(refused), c.Refused, out)
				}
			}
		})
	}
}

func keys(m map[string]json.RawMessage) []string {
	var ks []string
	for _, k := range []string{"profile", "profiles", "result", "refused", "rescore", "errors", "csv", "code"} {
		if _, ok := m[k]; ok {
			ks = append(ks, k)
		}
	}
	return ks
}

// checkProblems requires the one problem shape: exactly line, field, problem.
func checkProblems(t *testing.T, key string, raw json.RawMessage) {
	t.Helper()
	var list []map[string]any
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatalf("%s is not a list of objects: %s", key, raw)
	}
	for _, p := range list {
		_, line := p["line"].(float64)
		_, field := p["field"].(string)
		problem, _ := p["problem"].(string)
		if len(p) != 3 || !line || !field || problem == "" {
			t.Errorf("%s: %v is not {line, field, problem}", key, p)
		}
	}
}

// Score's result is the checker's own for what it read: the lenient
// reading leaves refused answers out and changes nothing else.
func TestScoreIsTheCheckersResult(t *testing.T) {
	in := `{"platform": "alibaba", "store_years": 0.5, "deposit_percent": 150, "payment_method": "personal_account", "nonsense": 1}`
	var reply struct {
		Profile json.RawMessage `json:"profile"`
		Result  json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(Score([]byte(in), 0), &reply); err != nil {
		t.Fatal(err)
	}
	clean := `{"platform": "alibaba", "store_years": 0.5, "payment_method": "personal_account"}`
	list, err := checker.DecodeJSON("clean.json", []byte(clean))
	if err != nil {
		t.Fatal(err)
	}
	want := checker.Score(list[0])
	if string(reply.Result) != string(want.AppendJSON(nil)) {
		t.Errorf("result %s\nwant %s", reply.Result, want.AppendJSON(nil))
	}
	if string(reply.Profile) != string(list[0].AppendJSON(nil)) {
		t.Errorf("profile %s, want %s", reply.Profile, list[0].AppendJSON(nil))
	}
}
