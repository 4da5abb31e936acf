package checker

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The codes in testdata/uscc_entity_cases.json are synthetic: characters
// 1-8 chosen per case, "MA00000nn" as the organisation part, and the check
// character the validator computes; none is a real company's code. Each
// case is decoded both directly and through the public JSON.
func TestDecodeUSCC(t *testing.T) {
	type ecase struct {
		Code        string    `json:"code"`
		Why         string    `json:"why"`
		Valid       bool      `json:"valid"`
		Authority   string    `json:"authority"`
		EntityType  string    `json:"entity_type"`
		AreaCode    string    `json:"area_code"`
		Status      string    `json:"status"`
		ListedUntil string    `json:"listed_until"`
		Area        [6]string `json:"area"`
		Summary     string    `json:"summary"`
	}
	seen := map[string]bool{}
	for _, c := range loadJSONFile[[]ecase](t, filepath.Join("testdata", "uscc_entity_cases.json")) {
		t.Run(c.Code, func(t *testing.T) {
			r := ValidateUSCC(c.Code)
			if r.Valid != c.Valid {
				t.Fatalf("valid %v (%s), want %v", r.Valid, r.Error, c.Valid)
			}
			e := DecodeUSCC(r)
			a := e.Area
			got := ecase{c.Code, c.Why, r.Valid, e.Authority, e.EntityType, e.AreaCode, a.Status, a.ListedUntil,
				[6]string{a.Province.Name, a.Province.Pinyin, a.City.Name, a.City.Pinyin, a.District.Name, a.District.Pinyin}, e.Sentence(r.Province)}
			if got != c {
				t.Errorf("got  %+v\nwant %+v", got, c)
			}
			var js struct {
				Province   string `json:"province"`
				Authority  string `json:"authority"`
				EntityType string `json:"entity_type"`
				AreaCode   string `json:"area_code"`
				Area       struct {
					Status   string `json:"status"`
					District string `json:"district"`
					Pinyin   string `json:"district_pinyin"`
				} `json:"area"`
				Summary string `json:"summary"`
			}
			if err := json.Unmarshal(r.AppendDecodedJSON(nil), &js); err != nil {
				t.Fatalf("AppendDecodedJSON is not JSON: %v", err)
			}
			if js.Province != r.Province || js.Authority != c.Authority || js.EntityType != c.EntityType || js.AreaCode != c.AreaCode ||
				js.Area.Status != c.Status || js.Area.District != c.Area[4] || js.Area.Pinyin != c.Area[5] || js.Summary != c.Summary {
				t.Errorf("JSON disagrees with the decoder: %+v", js)
			}
		})
		seen[c.EntityType] = true
	}
	for _, want := range []string{EntityEnterprise, EntityIndividualBusiness, EntityFarmersCooperative, EntityGovernmentOrPublic, EntitySocialOrganisation, EntityOther} {
		if !seen[want] {
			t.Errorf("no case decodes to %s", want)
		}
	}
}

// The decoded JSON starts with exactly the keys of the validator's JSON, so
// callers of the older shape keep working.
func TestDecodedJSONKeepsTheOldKeys(t *testing.T) {
	for _, code := range []string{"91330782MA00000017", "91330782MA00000018", ""} {
		r := ValidateUSCC(code)
		old := string(r.AppendJSON(nil))
		got := string(r.AppendDecodedJSON(nil))
		if !strings.HasPrefix(got, old[:len(old)-1]+`,"authority":`) {
			t.Errorf("%q: %s does not extend %s", code, got, old)
		}
	}
}

// Every authority's fallback and kinds map to one of the six entity types.
func TestUSCCAuthoritiesMapToEntityTypes(t *testing.T) {
	for ch, a := range usccAuthorities {
		if !strings.ContainsRune(usccAlphabet, rune(ch)) {
			t.Errorf("authority %c is not a code character", ch)
		}
		for _, typ := range append([]string{a.other}, values(a.kinds)...) {
			if entityPhrases[typ] == "" {
				t.Errorf("authority %c (%s): entity type %q has no phrase", ch, a.id, typ)
			}
		}
	}
}

func values(m map[byte]string) []string {
	var v []string
	for _, s := range m {
		v = append(v, s)
	}
	return v
}
