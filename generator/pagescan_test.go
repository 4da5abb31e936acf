package main

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"safesource.dev/safesource/generator/internal/htmltok"
	"safesource.dev/safesource/generator/internal/searchindex"
	"safesource.dev/safesource/generator/internal/sitecheck"
)

// TestPageScans: reading a page once for both stages gives each what it
// reads alone, for well-formed pages and for those the search reads
// through html.Parse (the search index's scanner cases).
func TestPageScans(t *testing.T) {
	data, err := os.ReadFile("internal/searchindex/testdata/scan.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Name, HTML string }
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			src := []byte(tc.HTML)
			var s pageScans
			p, ok, err := s.searchPage("/x/", src)
			wantP, wantOK, wantErr := searchindex.Extract("/x/", src)
			if !reflect.DeepEqual(p, wantP) || ok != wantOK || (err == nil) != (wantErr == nil) {
				t.Errorf("search: %+v %v %v, alone %+v %v %v", p, ok, err, wantP, wantOK, wantErr)
			}
			alone := sitecheck.NewPageReader()
			if err := htmltok.Read(src, alone.Token); err != nil {
				t.Fatal(err)
			}
			if got := s.checkPage("/x/", src); !reflect.DeepEqual(got, alone.Parsed()) {
				t.Errorf("check: %+v, alone %+v", got, alone.Parsed())
			}
		})
	}
}
