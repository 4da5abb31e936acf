package checker

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"safesource.dev/safesource/checker/internal/rulestext"
)

// rules_data.go (and, in the WebAssembly build, rules_data_js.go) must
// match rules.json: run `go generate ./checker`.
func TestGeneratedRulesDataInSync(t *testing.T) {
	for _, f := range []struct {
		file, text string
		history    bool // generated with -history (see history.go)
	}{{"rules.json", rulesText, false}, {"history/rules-v1.json", rulesV1Text, true}, {"history/rules-v2.json", rulesV2Text, false}} {
		data, err := os.ReadFile(f.file)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case runtime.GOOS == "js" && f.history:
			data = rulestext.ForBrowserHistory(data)
		case runtime.GOOS == "js":
			data = rulestext.ForBrowser(data)
		}
		if string(data) != f.text {
			t.Errorf("the generated copy of %s is out of date: run `go generate ./checker`", f.file)
		}
	}
}

// The texts only the site reads (left out of the browser's copy) are all in
// rules.json: every rule cites its fact with a locator, every question has
// help, the method is written.
func TestRulesCarryTheirTexts(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("the browser's copy leaves these texts out")
	}
	rs := defaultRules
	if strings.TrimSpace(rs.method) == "" {
		t.Error("rules.json: method is empty")
	}
	for _, list := range [][]rule{rs.rules, rs.positives} {
		for _, r := range list {
			if strings.TrimSpace(r.fact) == "" || strings.TrimSpace(r.locator) == "" {
				t.Errorf("rule %s: give its fact and the locator of that fact in its source", r.id)
			}
		}
	}
	for _, q := range rs.questions {
		if strings.TrimSpace(q.help) == "" {
			t.Errorf("question %s: help is empty", q.id)
		}
		if strings.TrimSpace(q.label) == "" {
			t.Errorf("question %s: label is empty", q.id)
		}
		for _, v := range q.values {
			if strings.TrimSpace(v.label) == "" {
				t.Errorf("question %s: value %s has no label", q.id, v.value)
			}
		}
	}
	for _, b := range rs.bands {
		if strings.TrimSpace(b.label) == "" {
			t.Errorf("band %s: label is empty", b.name)
		}
	}
}

// Broken variants of testdata/rules_minimal.json must fail with the right
// message at the right line.
func TestRulesValidation(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "rules_minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	type bcase struct {
		Name    string   `json:"name"`
		Replace []string `json:"replace"`
		Errors  []string `json:"errors"`
	}
	for _, c := range loadJSONFile[[]bcase](t, filepath.Join("testdata", "bad_rules_cases.json")) {
		t.Run(c.Name, func(t *testing.T) {
			doc := string(base)
			for i := 0; i+1 < len(c.Replace); i += 2 {
				if !strings.Contains(doc, c.Replace[i]) {
					t.Fatalf("the minimal rules do not contain %q", c.Replace[i])
				}
				doc = strings.Replace(doc, c.Replace[i], c.Replace[i+1], 1)
			}
			_, err := parseRules("min.json", []byte(doc))
			var got []string
			var errs InputErrors
			if errors.As(err, &errs) {
				for _, e := range errs {
					got = append(got, e.Error())
				}
			} else if err != nil {
				t.Fatalf("error is %T, want InputErrors", err)
			}
			if !slices.Equal(got, c.Errors) && !(len(got) == 0 && len(c.Errors) == 0) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.Errors, "\n"))
			}
		})
	}
}

// RulesJSON has exactly the shape the site templates read.
func TestRulesJSONShape(t *testing.T) {
	data, err := RulesJSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("RulesJSON is not valid JSON: %v", err)
	}
	check := func(what string, got []string, want ...string) { checkKeys(t, what, got, want...) }
	check("top-level", keysOf(doc), "version", "date", "changelog", "method", "sections", "questions", "rules", "positives", "actions", "bands")
	if v, ok := doc["version"].(float64); !ok || int(v) != RulesVersion() {
		t.Errorf("version = %v, want %d", doc["version"], RulesVersion())
	}
	for _, c := range doc["changelog"].([]any) {
		check("changelog entry", keysOf(c), "version", "date", "summary")
	}

	var sections []string
	for _, s := range doc["sections"].([]any) {
		check("section", keysOf(s), "id", "title")
		sections = append(sections, s.(map[string]any)["id"].(string)+"="+s.(map[string]any)["title"].(string))
	}
	wantSections := []string{"registration=Registration", "store=Store & reputation", "factory=Factory",
		"product=Product & samples", "payment=Payment & contract", "logistics=Logistics"}
	if !slices.Equal(sections, wantSections) {
		t.Errorf("sections = %v, want %v", sections, wantSections)
	}

	var questionIDs []string
	for _, q := range doc["questions"].([]any) {
		m := q.(map[string]any)
		questionIDs = append(questionIDs, m["id"].(string))
		switch m["type"] {
		case "enum", "list":
			want := []string{"id", "section", "label", "help", "type", "values"}
			for _, optional := range []string{"improve", "unanswered_as"} {
				if _, ok := m[optional]; ok {
					want = append(want, optional)
				}
			}
			if imp, ok := m["improve"]; ok {
				check(m["id"].(string)+" improve", keysOf(imp), "to", "text", "guide")
			}
			check(m["id"].(string), keysOf(q), want...)
			for _, v := range m["values"].([]any) {
				check(m["id"].(string)+" value", keysOf(v), "value", "label")
			}
		case "number", "integer":
			want := []string{"id", "section", "label", "help", "type", "min", "unit"}
			if _, ok := m["max"]; ok {
				want = append(want, "max")
			}
			check(m["id"].(string), keysOf(q), want...)
		case "text":
			check(m["id"].(string), keysOf(q), "id", "section", "label", "help", "type")
		default:
			t.Errorf("question %v has type %v", m["id"], m["type"])
		}
		if id := m["id"]; (id == "supplier_name" || id == "platform" || id == "uscc") && m["section"] != "registration" {
			t.Errorf("%v is in section %v, want registration", id, m["section"])
		}
	}
	// The public contract's profile ids, in order.
	wantIDs := strings.Fields(`supplier_name platform uscc license_matches_registry registry_status court_enforcement
		years_registered store_years email_domain badges reviews claims_factory employees factory_check price_vs_market
		branded_goods samples test_reports order_value_usd deposit_percent payment_method payee bank_details_changed
		asked_to_pay_off_platform contract pressure_tactics tracking preshipment_inspection export_docs
		demands_after_payment licence_name contract_name contract_uscc seal_name payee_name payee_bank_country`)
	if !slices.Equal(questionIDs, wantIDs) {
		t.Errorf("question ids = %v\nwant %v", questionIDs, wantIDs)
	}

	checkRulesJSONEntries(t, doc, questionIDs)
}

func keysOf(v any) []string {
	var keys []string
	for k := range v.(map[string]any) {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func checkKeys(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s keys = %v, want %v", what, got, want)
	}
}

// checkRulesJSONEntries checks the findings, positives, actions and bands
// of RulesJSON.
func checkRulesJSONEntries(t *testing.T, doc map[string]any, questionIDs []string) {
	t.Helper()
	check := func(what string, got []string, want ...string) { checkKeys(t, what, got, want...) }
	for _, part := range []string{"rules", "positives"} {
		for _, r := range doc[part].([]any) {
			check(part, keysOf(r), "id", "severity", "points", "title", "why", "fact", "source", "locator", "guide", "when", "questions")
			checkRuleQuestions(t, r.(map[string]any), questionIDs)
			points := r.(map[string]any)["points"].(float64)
			if (part == "rules") != (points > 0) {
				t.Errorf("%s %v has %v points", part, r.(map[string]any)["id"], points)
			}
		}
	}
	for _, a := range doc["actions"].([]any) {
		check("action", keysOf(a), "id", "text", "guide", "when")
	}
	for _, b := range doc["bands"].([]any) {
		check("band", keysOf(b), "band", "min", "max", "label")
	}
}

// The enum values are exactly those of the public contract.
func TestContractValues(t *testing.T) {
	want := map[string]string{
		"platform":                  "1688 alibaba other",
		"license_matches_registry":  "yes no",
		"email_domain":              "company personal",
		"badges":                    "deep_factory_audit powerful_merchant brand_authorization delivery_guarantee verified_supplier trade_assurance chengxintong gold_supplier",
		"reviews":                   "consistent sudden_spike few_or_none mostly_negative",
		"claims_factory":            "yes no",
		"factory_check":             "in_person third_party_audit live_video photos_only refused not_done disproven",
		"branded_goods":             "yes no",
		"samples":                   "passed failed not_tested refused not_requested",
		"test_reports":              "verified unverified none not_needed forged",
		"payment_method":            "platform_escrow letter_of_credit credit_card paypal company_bank_transfer personal_account money_transfer",
		"asked_to_pay_off_platform": "yes no",
		"contract":                  "signed informal refused",
		"pressure_tactics":          "yes no",
		"tracking":                  "major_carrier dedicated_line none_yet",
		"preshipment_inspection":    "booked allowed refused not_planned",
		"export_docs":               "complete incomplete",
		"registry_status":           "active abnormal_operations revoked_or_cancelled not_found",
		"court_enforcement":         "none enforcement_records dishonest_debtor",
		"payee":                     "contract_company platform other_company individual",
		"bank_details_changed":      "no yes",
		"demands_after_payment":     "none extra_fees larger_order",
		"payee_bank_country":        "mainland_china hong_kong other",
	}
	for _, q := range defaultRules.questions {
		if q.typ != typeEnum && q.typ != typeList {
			continue
		}
		got := q.valueNames()
		slices.Sort(got)
		w := strings.Fields(want[q.id])
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s values = %v, want %v", q.id, got, w)
		}
	}
	ranges := map[string][2]float64{"years_registered": {0, -1}, "store_years": {0, -1}, "employees": {0, -1},
		"price_vs_market": {1, 1000}, "order_value_usd": {0, -1}, "deposit_percent": {0, 100}}
	for id, r := range ranges {
		q := defaultRules.questions[defaultRules.index[id]]
		if !q.hasMin || q.min != r[0] || q.hasMax != (r[1] >= 0) || (q.hasMax && q.max != r[1]) {
			t.Errorf("%s range is [%v, %v] (max set %v), want %v", id, q.min, q.max, q.hasMax, r)
		}
	}
}

// checkRuleQuestions checks that a rule's "questions" are exactly the
// question ids its "when" names, each once, in the order named; a derived
// value (money_at_risk_usd) names the questions it is worked out from, and a
// fact (name_mismatches) the questions it is read from.
func checkRuleQuestions(t *testing.T, r map[string]any, questionIDs []string) {
	t.Helper()
	var want []string
	for _, w := range strings.Fields(r["when"].(string)) {
		read := []string{w}
		for _, d := range derivedDefs {
			if d.id == w {
				read = d.of[:]
			}
		}
		for _, f := range factDefs {
			if f.id == w {
				read = f.reads
			}
		}
		for _, w := range read {
			if slices.Contains(questionIDs, w) && !slices.Contains(want, w) {
				want = append(want, w)
			}
		}
	}
	var got []string
	for _, q := range r["questions"].([]any) {
		got = append(got, q.(string))
	}
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("rule %v: questions = %q, want %q (from when %q)", r["id"], got, want, r["when"])
	}
}
