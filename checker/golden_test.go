package checker

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current results")

// corpus lists the profiles scored by the golden and parity tests.
func corpus(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "profiles", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no profiles in testdata/profiles: %v", err)
	}
	return files
}

// TestGolden scores every profile in testdata/profiles through ScoreJSON,
// exactly as the browser does, and compares with testdata/golden.
func TestGolden(t *testing.T) {
	for _, file := range corpus(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out := ScoreJSON(in)
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, out, "", "  "); err != nil {
				t.Fatalf("ScoreJSON wrote invalid JSON: %v\n%s", err, out)
			}
			pretty.WriteByte('\n')
			golden := filepath.Join("testdata", "golden", filepath.Base(file))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./checker -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("result differs from %s (if the change is intended, rerun with -update and review the diff):\n%s", golden, pretty.Bytes())
			}
			// For a valid profile object, the JSON is exactly Score's result.
			if list, err := DecodeJSON(file, in); err == nil && bytes.HasPrefix(bytes.TrimSpace(in), []byte("{")) {
				r := Score(list[0])
				if direct := r.AppendJSON(nil); !bytes.Equal(direct, out) {
					t.Errorf("ScoreJSON and Score disagree:\n%s\n%s", out, direct)
				}
			}
		})
	}
}
