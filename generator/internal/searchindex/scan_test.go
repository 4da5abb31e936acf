package searchindex

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"safesource.dev/safesource/generator/internal/htmltok"
)

// TestScan: the scanner accepts exactly the pages it can read without the HTML
// tree, and reads those as the tree gives them.
func TestScan(t *testing.T) {
	var cases []struct {
		Name    string
		HTML    string
		Regular bool
	}
	readJSON(t, "scan.json", &cases)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			r := NewPageReader("/x/", []byte(tc.HTML))
			if err := htmltok.Read([]byte(tc.HTML), r.Token); err != nil {
				t.Fatal(err)
			}
			x, err := r.s.x, r.s.done()
			if (err == nil) != tc.Regular {
				t.Fatalf("scan: %v, want regular %v", err, tc.Regular)
			}
			want, wantOK, wantErr := fromTree(t, tc.HTML)
			got, ok, gotErr := Extract("/x/", []byte(tc.HTML))
			if !reflect.DeepEqual(got, want) || ok != wantOK || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("Extract = %+v %v %v\nfrom the tree %+v %v %v", got, ok, gotErr, want, wantOK, wantErr)
			}
			if tc.Regular {
				p, ok, err := x.finish()
				if !reflect.DeepEqual(p, want) || ok != wantOK || (err == nil) != (wantErr == nil) {
					t.Errorf("scan = %+v %v %v\nfrom the tree %+v %v %v", p, ok, err, want, wantOK, wantErr)
				}
			}
		})
	}
}

// fromTree extracts a page from the tree html.Parse builds.
func fromTree(t *testing.T, src string) (Page, bool, error) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	p := Page{URL: "/x/"}
	x := newExtractor(&p)
	walkTree(doc, x)
	return x.finish()
}
