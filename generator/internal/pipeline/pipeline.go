// Package pipeline runs the build's stages in order, timing each one, and
// stops at the first failure. Independent stages can form a group that runs
// concurrently.
package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Stage is one named step of the build: either Run, or a group of stages
// (Concurrent) that run at the same time.
type Stage struct {
	Name string
	// Run does the work; what it writes to w (a short summary) is printed
	// after the stage's name.
	Run func(w io.Writer) error
	// Concurrent stages start together; the group ends when all have, and
	// fails if any does.
	Concurrent []Stage
}

// Timing is how long a stage (or a concurrent group, by its name) took.
type Timing struct {
	Name     string
	Duration time.Duration
}

// Run executes stages in order, printing each stage's name and duration to
// w. It returns the time of every stage and group run, and the first error,
// wrapped with the stage's name.
func Run(w io.Writer, stages []Stage) ([]Timing, error) {
	total := time.Now()
	var times []Timing
	for _, s := range stages {
		start := time.Now()
		var err error
		if len(s.Concurrent) > 0 {
			var sub []Timing
			sub, err = runConcurrent(w, s.Concurrent)
			times = append(times, sub...)
		} else {
			fmt.Fprintf(w, "▸ %-8s ", s.Name)
			if err = s.Run(w); err != nil {
				fmt.Fprintf(w, "FAILED after %s\n", round(time.Since(start)))
				err = fmt.Errorf("stage %s: %w", s.Name, err)
			} else {
				fmt.Fprintf(w, "ok  %s\n", round(time.Since(start)))
			}
		}
		times = append(times, Timing{s.Name, time.Since(start)})
		if err != nil {
			return times, err
		}
	}
	elapsed := time.Since(total)
	fmt.Fprintf(w, "✔ done in %s\n", round(elapsed))
	return append(times, Timing{"total", elapsed}), nil
}

// runConcurrent runs stages at the same time, each writing to its own
// buffer, then prints their lines in the declared order.
func runConcurrent(w io.Writer, stages []Stage) ([]Timing, error) {
	start := time.Now()
	outs := make([]bytes.Buffer, len(stages))
	times := make([]Timing, len(stages))
	errs := make([]error, len(stages))
	var wg sync.WaitGroup
	for i, s := range stages {
		wg.Go(func() {
			t := time.Now()
			errs[i] = s.Run(&outs[i])
			times[i] = Timing{s.Name, time.Since(t)}
		})
	}
	wg.Wait()
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = s.Name
		status := "ok  "
		if errs[i] != nil {
			status = "FAILED after "
			errs[i] = fmt.Errorf("stage %s: %w", s.Name, errs[i])
		}
		fmt.Fprintf(w, "▸ %-8s %s%s%s\n", s.Name, outs[i].String(), status, round(times[i].Duration))
	}
	fmt.Fprintf(w, "  (%s ran concurrently: %s)\n", strings.Join(names, ", "), round(time.Since(start)))
	return times, errors.Join(errs...)
}

func round(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(10 * time.Millisecond)
}
