package searchindex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// readJSON reads testdata/name into v.
func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, v); err != nil {
		t.Fatalf("testdata/%s: %v", name, err)
	}
}
