package htmltok

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// describe writes a token as the test data lists it.
func describe(t *Token) string {
	switch t.Type {
	case html.TextToken:
		return "text " + string(t.Text)
	case html.EndTagToken:
		return "end " + string(t.Name)
	case html.CommentToken:
		return "comment"
	case html.DoctypeToken:
		return "doctype"
	}
	kind := "start"
	if t.Type == html.SelfClosingTagToken {
		kind = "self"
	}
	parts := []string{kind, string(t.Name)}
	for _, a := range t.Attrs {
		parts = append(parts, string(a.Key)+"="+string(a.Val))
	}
	return strings.Join(parts, " ")
}

func TestRead(t *testing.T) {
	data, err := os.ReadFile("testdata/read.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name, HTML string
		Tokens     []string
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var all, first []string
			// One reader takes every token; the other stops after the first,
			// which must not stop the first reader.
			err := Read([]byte(tc.HTML),
				func(t *Token) bool { all = append(all, describe(t)); return true },
				func(t *Token) bool { first = append(first, describe(t)); return false })
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(all, tc.Tokens) {
				t.Errorf("tokens %q, want %q", all, tc.Tokens)
			}
			if len(first) != 1 || first[0] != tc.Tokens[0] {
				t.Errorf("the reader that stops got %q, want only %q", first, tc.Tokens[0])
			}
		})
	}
}
