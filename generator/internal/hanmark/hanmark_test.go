package hanmark

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func load[T any](t *testing.T, file string) []T {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []T
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cases
}

// The runs found in text; the theme's lang.ts is tested on the same file.
func TestRuns(t *testing.T) {
	for _, c := range load[struct {
		Text string   `json:"text"`
		Runs []string `json:"runs"`
	}](t, "testdata/runs.json") {
		got := []string{}
		for _, r := range Runs([]byte(c.Text)) {
			got = append(got, c.Text[r[0]:r[1]])
		}
		if strings.Join(got, "|") != strings.Join(c.Runs, "|") {
			t.Errorf("%q: runs %q, want %q", c.Text, got, c.Runs)
		}
		if HasHan([]byte(c.Text)) != (len(c.Runs) > 0) {
			t.Errorf("%q: HasHan is %v", c.Text, !(len(c.Runs) > 0))
		}
	}
}

// Out empty means the page is unchanged; Err is part of the expected error.
func TestPage(t *testing.T) {
	for _, c := range load[struct {
		Name string `json:"name"`
		In   string `json:"in"`
		Out  string `json:"out"`
		Err  string `json:"err"`
	}](t, "testdata/pages.json") {
		t.Run(c.Name, func(t *testing.T) {
			got, changed, err := Page([]byte(c.In))
			if c.Err != "" {
				if err == nil || !strings.Contains(err.Error(), c.Err) {
					t.Fatalf("error %v, want one naming %s", err, c.Err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := c.Out
			if want == "" {
				want = c.In
			}
			if string(got) != want || changed != (c.Out != "" && c.Out != c.In) {
				t.Errorf("got (changed %v)\n%s\nwant\n%s", changed, got, want)
			}
			if again, changed, err := Page(got); err != nil || changed || string(again) != string(got) {
				t.Errorf("marking the output again changed it (%v): %s", err, again)
			}
		})
	}
}

func TestChinese(t *testing.T) {
	for lang, want := range map[string]bool{"zh": true, "zh-Hans": true, "ZH-hans": true, "zh-CN": true, "zh-Latn-pinyin": false, "en": false, "": false, "zho": false} {
		if Chinese(lang) != want {
			t.Errorf("Chinese(%q) = %v", lang, !want)
		}
	}
}
