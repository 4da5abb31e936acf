// Package watch reports changes to files under folders, in batches: a burst
// of events (an editor saving, a compiler writing) becomes one call once
// the files have been quiet for a moment.
package watch

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Tree watches every folder under roots (new ones included) and calls
// onChange with the changed files that keep reports, after quiet has passed
// without a further change. Calls never overlap. It returns when ctx ends.
// ready, if not nil, is closed once the watches are in place.
func Tree(ctx context.Context, roots []string, keep func(path string) bool, quiet time.Duration, onChange func(paths []string), ready chan<- struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching for changes: %w", err)
	}
	defer w.Close()
	for _, r := range roots {
		if err := addTree(w, r); err != nil {
			return err
		}
	}
	if ready != nil {
		close(ready)
	}
	d := NewDebouncer(quiet)
	defer d.Stop()
	var mu sync.Mutex
	changed := map[string]bool{}
	flush := func() {
		mu.Lock()
		paths := make([]string, 0, len(changed))
		for p := range changed {
			paths = append(paths, p)
		}
		clear(changed)
		mu.Unlock()
		if len(paths) > 0 {
			sort.Strings(paths)
			onChange(paths)
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			return fmt.Errorf("watching for changes: %w", err)
		case ev := <-w.Events:
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					_ = addTree(w, ev.Name)
					continue
				}
			}
			if ev.Op == fsnotify.Chmod || !keep(ev.Name) {
				continue
			}
			mu.Lock()
			changed[ev.Name] = true
			mu.Unlock()
			d.Trigger(flush)
		}
	}
}

func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				return fmt.Errorf("watching %s: %w", p, err)
			}
		}
		return nil
	})
}

// Debouncer runs a function once triggers have stopped for a quiet period,
// never two runs at once: a trigger during a run schedules one more run.
type Debouncer struct {
	quiet time.Duration
	mu    sync.Mutex
	timer *time.Timer
	run   sync.Mutex // held while f runs
}

// NewDebouncer returns a Debouncer that waits quiet after the last trigger.
func NewDebouncer(quiet time.Duration) *Debouncer { return &Debouncer{quiet: quiet} }

// Trigger (re)starts the quiet period, after which f runs.
func (d *Debouncer) Trigger(f func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.quiet, func() {
		d.run.Lock()
		defer d.run.Unlock()
		f()
	})
}

// Stop cancels a pending run.
func (d *Debouncer) Stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
}
