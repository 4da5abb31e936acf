package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunStopsAtFirstFailure(t *testing.T) {
	var ran []string
	boom := errors.New("boom")
	stage := func(name string, err error) Stage {
		return Stage{Name: name, Run: func(io.Writer) error { ran = append(ran, name); return err }}
	}
	var out strings.Builder
	_, err := Run(&out, []Stage{stage("one", nil), stage("two", boom), stage("three", nil)})
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
	ok := func(io.Writer) error { return nil }
	times, err := Run(&out, []Stage{{Name: "alpha", Run: ok}, {Name: "beta", Run: ok}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"alpha", "beta", "done in"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	var names []string
	for _, tm := range times {
		names = append(names, tm.Name)
	}
	if got := strings.Join(names, ","); got != "alpha,beta,total" {
		t.Errorf("timings %s, want alpha,beta,total", got)
	}
}

// Concurrent stages must overlap: each waits until both have started, which
// would never happen if they ran one after the other.
func TestConcurrentStagesOverlap(t *testing.T) {
	var started atomic.Int32
	both := make(chan struct{})
	stage := func(name string) Stage {
		return Stage{Name: name, Run: func(w io.Writer) error {
			if started.Add(1) == 2 {
				close(both)
			}
			select {
			case <-both:
			case <-time.After(10 * time.Second):
				return errors.New("the other stage never started")
			}
			fmt.Fprintf(w, "summary of %s ", name)
			return nil
		}}
	}
	var out strings.Builder
	times, err := Run(&out, []Stage{{Name: "after", Concurrent: []Stage{stage("left"), stage("right")}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"▸ left     summary of left ok", "▸ right    summary of right ok", "left, right ran concurrently"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	var names []string
	for _, tm := range times {
		names = append(names, tm.Name)
	}
	if got := strings.Join(names, ","); got != "left,right,after,total" {
		t.Errorf("timings %s, want left,right,after,total", got)
	}
}

func TestConcurrentFailureNamesEveryFailedStage(t *testing.T) {
	fail := func(name string) Stage {
		return Stage{Name: name, Run: func(io.Writer) error { return errors.New(name + " broke") }}
	}
	ranAfter := false
	var out strings.Builder
	_, err := Run(&out, []Stage{
		{Name: "group", Concurrent: []Stage{fail("a"), fail("b")}},
		{Name: "later", Run: func(io.Writer) error { ranAfter = true; return nil }},
	})
	if err == nil || !strings.Contains(err.Error(), "stage a: a broke") || !strings.Contains(err.Error(), "stage b: b broke") {
		t.Fatalf("err = %v, want both failures named", err)
	}
	if ranAfter {
		t.Error("a stage after a failed group ran")
	}
}
