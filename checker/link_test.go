package checker

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDecodeLink runs testdata/link_cases.json: share-link pairs, the profile
// kept and the problems reported beside it.
func TestDecodeLink(t *testing.T) {
	cases := loadJSONFile[[]struct {
		Name    string      `json:"name"`
		Pairs   [][2]string `json:"pairs"`
		Profile string      `json:"profile"`
		Errors  []string    `json:"errors"`
	}](t, filepath.Join("testdata", "link_cases.json"))
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			p, errs := DecodeLink(c.Pairs)
			if got := string(p.AppendJSON(nil)); got != c.Profile {
				t.Errorf("profile %s, want %s", got, c.Profile)
			}
			got := []string{}
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if !slices.Equal(got, c.Errors) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.Errors, "\n"))
			}
		})
	}
}
