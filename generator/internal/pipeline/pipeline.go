// Package pipeline runs the build's stages in order, timing each one, and
// stops at the first failure.
package pipeline

import (
	"fmt"
	"io"
	"time"
)

// Stage is one named step of the build.
type Stage struct {
	Name string
	Run  func() error
}

// Run executes stages in order, printing each stage's name and duration to
// w. It returns the first error, wrapped with the stage's name.
func Run(w io.Writer, stages []Stage) error {
	total := time.Now()
	for _, s := range stages {
		start := time.Now()
		fmt.Fprintf(w, "▸ %-8s ", s.Name)
		if err := s.Run(); err != nil {
			fmt.Fprintf(w, "FAILED after %s\n", round(time.Since(start)))
			return fmt.Errorf("stage %s: %w", s.Name, err)
		}
		fmt.Fprintf(w, "ok  %s\n", round(time.Since(start)))
	}
	fmt.Fprintf(w, "✔ done in %s\n", round(time.Since(total)))
	return nil
}

func round(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(10 * time.Millisecond)
}
