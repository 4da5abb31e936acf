package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"safesource.dev/safesource/checker"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

func TestCLI(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "cli_cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name         string   `json:"name"`
		Args         []string `json:"args"`
		Stdin        string   `json:"stdin"`
		Exit         int      `json:"exit"`
		Golden       string   `json:"golden"`
		Stderr       []string `json:"stderr"`
		StderrPrefix string   `json:"stderr_prefix"`
		StderrLines  int      `json:"stderr_lines"`
		StdoutHas    []string `json:"stdout_has"` // hand-written, checked beside the golden snapshot
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.Args, strings.NewReader(c.Stdin), &stdout, &stderr)
			if code != c.Exit {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.Exit, stderr.String())
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if stderr.Len() == 0 {
				lines = nil
			}
			switch {
			case c.Stderr != nil:
				if !slices.Equal(lines, c.Stderr) {
					t.Errorf("stderr:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(c.Stderr, "\n"))
				}
			case c.StderrPrefix != "":
				if !strings.HasPrefix(stderr.String(), c.StderrPrefix) {
					t.Errorf("stderr %q, want it to start with %q", stderr.String(), c.StderrPrefix)
				}
			case c.StderrLines > 0:
				if len(lines) != c.StderrLines {
					t.Errorf("%d stderr lines, want %d:\n%s", len(lines), c.StderrLines, stderr.String())
				}
			case stderr.Len() > 0:
				t.Errorf("unexpected stderr:\n%s", stderr.String())
			}
			for _, w := range c.StdoutHas {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			golden := filepath.Join("testdata", "golden", c.Golden)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./checker/cmd/checker -update to create it)", err)
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Errorf("stdout differs from %s:\n%s", golden, stdout.String())
			}
		})
	}
}

// rules --format json prints the same data as checker.RulesJSON, indented.
func TestRulesJSONCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"rules", "--format", "json"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want, _ := checker.RulesJSON()
	var compact bytes.Buffer
	if err := json.Compact(&compact, stdout.Bytes()); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if !bytes.Equal(compact.Bytes(), want) {
		t.Error("rules --format json differs from checker.RulesJSON")
	}
}

// JSON output is an array with one result per profile, in input order.
func TestJSONOutputOrder(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"score", "--format", "json", "testdata/inputs/risky.json", "testdata/inputs/careful-buyer.yaml"}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var results []struct {
		Findings []struct {
			ID string `json:"id"`
		} `json:"findings"`
		Band string `json:"band"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 || results[0].Findings[0].ID != "personal-account-payment" || results[1].Findings[0].ID != "branded-below-half-price" || results[2].Band != "low" {
		t.Errorf("unexpected results: %+v", results)
	}
}

func TestAppendConfidence(t *testing.T) {
	for k := 0; k <= 100; k++ {
		c := math.Round(float64(k)) / 100
		if got, want := string(appendConfidence(nil, c)), strconv.FormatFloat(c, 'f', -1, 64); got != want {
			t.Errorf("appendConfidence(%v) = %s, want %s", c, got, want)
		}
	}
}
