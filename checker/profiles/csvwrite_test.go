package profiles

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

// Profiles written by EncodeCSV read back equal, whatever their text holds.
func TestCSVWriteReadsBack(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "csvwrite.json"))
	if err != nil {
		t.Fatal(err)
	}
	list, err := checker.DecodeJSON("csvwrite.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := EncodeCSV(&buf, list); err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(buf.String(), "\r\n")
	if want := strings.Join(checker.Fields(), ","); header != want {
		t.Errorf("header %q, want every field id in order %q", header, want)
	}
	back, err := DecodeCSV("out.csv", &buf)
	if err != nil {
		t.Fatalf("reading the written CSV: %v\n%s", err, buf.String())
	}
	if len(back) != len(list) {
		t.Fatalf("read %d profiles, wrote %d", len(back), len(list))
	}
	for i := range list {
		if got, want := string(back[i].AppendJSON(nil)), string(list[i].AppendJSON(nil)); got != want {
			t.Errorf("profile %d:\n got %s\nwant %s", i+1, got, want)
		}
	}
}
