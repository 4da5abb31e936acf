package rulestext

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The browser's copy differs from rules.json only in the emptied fields and
// keeps every line where it was.
func TestForBrowser(t *testing.T) {
	for _, file := range []string{"../../rules.json", "../../history/rules-v1.json", "../../history/rules-v2.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		slim := ForBrowser(data)
		if bytes.Count(slim, []byte("\n")) != bytes.Count(data, []byte("\n")) {
			t.Errorf("%s: the browser's copy moved lines", filepath.Base(file))
		}
		var full, got map[string]any
		if err := json.Unmarshal(data, &full); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(slim, &got); err != nil {
			t.Fatalf("%s: the browser's copy is not JSON: %v", file, err)
		}
		blank(full)
		if !reflect.DeepEqual(full, got) {
			t.Errorf("%s: the browser's copy differs from rules.json in more than the emptied fields", filepath.Base(file))
		}
		if len(slim) >= len(data) {
			t.Errorf("%s: nothing was left out", filepath.Base(file))
		}
		if bytes.Contains(slim, []byte("\n ")) || bytes.Contains(slim, []byte("\n\t")) {
			t.Errorf("%s: the browser's copy keeps indentation", filepath.Base(file))
		}
	}
}

// An earlier version's copy differs from the browser's copy only in the
// texts it marks "-", and keeps every line where it was.
func TestForBrowserHistory(t *testing.T) {
	for _, file := range []string{"../../history/rules-v1.json", "../../history/rules-v2.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		slim := ForBrowserHistory(data)
		if bytes.Count(slim, []byte("\n")) != bytes.Count(data, []byte("\n")) {
			t.Errorf("%s: the history copy moved lines", filepath.Base(file))
		}
		var full, got map[string]any
		if err := json.Unmarshal(data, &full); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(slim, &got); err != nil {
			t.Fatalf("%s: the history copy is not JSON: %v", file, err)
		}
		blank(full)
		mark(full)
		if !reflect.DeepEqual(full, got) {
			t.Errorf("%s: the history copy differs in more than the emptied and marked fields", filepath.Base(file))
		}
	}
}

// mark replaces the why and text fields of rules, positives and actions
// (the objects with an id) with "-".
func mark(v any) {
	switch v := v.(type) {
	case map[string]any:
		_, hasID := v["id"]
		for k, x := range v {
			if _, ok := x.(string); ok && hasID && (k == "why" || k == "text") {
				v[k] = "-"
				continue
			}
			mark(x)
		}
	case []any:
		for _, x := range v {
			mark(x)
		}
	}
}

// blank empties the browser-only fields anywhere in a decoded document.
func blank(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch k {
			case "fact", "locator", "help", "method", "label":
				if _, ok := x.(string); ok {
					v[k] = ""
					continue
				}
			}
			blank(x)
		}
	case []any:
		for _, x := range v {
			blank(x)
		}
	}
}

// A value with escaped quotes is emptied whole; a key inside a string is not
// a key; indentation goes.
func TestForBrowserEscapes(t *testing.T) {
	in := "{\n  \"why\": \"say \\\"fact\\\": \\\"x\\\"\",\n  \"fact\": \"a \\\"b\\\" c\\\\\",\n  \"locator\": \"art. 5\"\n}\n"
	want := "{\n\"why\": \"say \\\"fact\\\": \\\"x\\\"\",\n\"fact\": \"\",\n\"locator\": \"\"\n}\n"
	if got := string(ForBrowser([]byte(in))); got != want {
		t.Errorf("ForBrowser:\n got %s\nwant %s", got, want)
	}
}
