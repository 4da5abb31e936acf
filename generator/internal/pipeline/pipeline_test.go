package pipeline

import (
	"errors"
	"strings"
	"testing"
)

func TestRunStopsAtFirstFailure(t *testing.T) {
	var ran []string
	boom := errors.New("boom")
	stages := []Stage{
		{"one", func() error { ran = append(ran, "one"); return nil }},
		{"two", func() error { ran = append(ran, "two"); return boom }},
		{"three", func() error { ran = append(ran, "three"); return nil }},
	}
	var out strings.Builder
	err := Run(&out, stages)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want wrapping boom", err)
	}
	if !strings.Contains(err.Error(), "stage two") {
		t.Errorf("error %q does not name the stage", err)
	}
	if strings.Join(ran, ",") != "one,two" {
		t.Errorf("ran %v, want one,two", ran)
	}
	if !strings.Contains(out.String(), "two") || !strings.Contains(out.String(), "FAILED") {
		t.Errorf("output does not report the failed stage:\n%s", out.String())
	}
}

func TestRunReportsEveryStage(t *testing.T) {
	var out strings.Builder
	if err := Run(&out, []Stage{{"alpha", func() error { return nil }}, {"beta", func() error { return nil }}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"alpha", "beta", "done in"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
