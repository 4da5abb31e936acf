package area

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	type lcase struct {
		Code        string    `json:"code"`
		Status      string    `json:"status"`
		ListedUntil string    `json:"listed_until"`
		Province    [2]string `json:"province"`
		City        [2]string `json:"city"`
		District    [2]string `json:"district"`
	}
	data, err := os.ReadFile(filepath.Join("testdata", "lookup_cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []lcase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("testdata/lookup_cases.json: %v", err)
	}
	for _, c := range cases {
		t.Run(c.Code, func(t *testing.T) {
			r := Lookup(c.Code)
			got := lcase{c.Code, r.Status, r.ListedUntil, pair(r.Province), pair(r.City), pair(r.District)}
			if got != c {
				t.Errorf("got %+v, want %+v", got, c)
			}
		})
	}
}

func pair(p Place) [2]string { return [2]string{p.Name, p.Pinyin} }

// Every line of the generated table has a six-digit code, a name and a
// romanisation (and, for a retired code, a six-digit revision), in strictly
// increasing code order, so the binary search finds every code it lists.
func TestTableShape(t *testing.T) {
	lines := strings.Split(table, "\n")
	if len(lines) < 3000 {
		t.Fatalf("%d lines: the table looks truncated", len(lines))
	}
	prev := ""
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 3 || len(f) > 4 || len(f[0]) != 6 || !digits(f[0]) || f[1] == "" || f[2] == "" {
			t.Fatalf("line %d (%q) is not code, name, pinyin[, revision]", i+1, l)
		}
		if len(f) == 4 && (len(f[3]) != 6 || !digits(f[3])) {
			t.Errorf("line %d: revision %q is not YYYYMM", i+1, f[3])
		}
		if f[0] <= prev {
			t.Errorf("line %d: code %s does not follow %s", i+1, f[0], prev)
		}
		prev = f[0]
		if e, ok := find(f[0]); !ok || e.name != f[1] {
			t.Errorf("find(%s) = %+v, %v", f[0], e, ok)
		}
	}
}

// area_data.go must be what genarea.mjs writes from the installed packages
// (npm ci, which `make gotest` runs first): run `go generate
// ./checker/internal/area` after updating them.
func TestGeneratedAreaDataInSync(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is needed to check area_data.go against its packages: %v", err)
	}
	out, err := exec.Command(node, "genarea.mjs", "-check").CombinedOutput()
	if err != nil {
		t.Fatalf("genarea.mjs -check: %v\n%s", err, out)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"330782", "100000", "", "99999x", "000000", "\xff\xff\xff\xff\xff\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Lookup(s)
		switch r.Status {
		case Listed, Retired, Unknown, National:
		default:
			t.Fatalf("status %q", r.Status)
		}
		if (r.Status == Retired) != (r.ListedUntil != "") {
			t.Fatalf("status %s with listed_until %q", r.Status, r.ListedUntil)
		}
		if r.District.Name != "" && r.Status == Unknown {
			t.Fatalf("unknown code %q with a district %q", s, r.District.Name)
		}
	})
}
