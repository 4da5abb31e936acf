package checker

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Money at risk is known only when both answers are, and is the order value
// times the share paid up front (testdata/derived_cases.json).
func TestDerivedValue(t *testing.T) {
	var cases []struct {
		Name    string          `json:"name"`
		Profile json.RawMessage `json:"profile"`
		Value   float64         `json:"value"`
		Known   bool            `json:"known"`
	}
	data, err := os.ReadFile(filepath.Join("testdata", "derived_cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			p := mustDecode(t, string(tc.Profile))
			v, known := DerivedValue(p, "money_at_risk_usd")
			if v != tc.Value || known != tc.Known {
				t.Errorf("money_at_risk_usd = %v, %v; want %v, %v", v, known, tc.Value, tc.Known)
			}
		})
	}
	if _, known := DerivedValue(Profile{}, "no_such_value"); known {
		t.Error("an unknown derived value is known")
	}
}
