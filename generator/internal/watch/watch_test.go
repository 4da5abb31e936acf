package watch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestDebouncerCoalescesBursts(t *testing.T) {
	d := NewDebouncer(50 * time.Millisecond)
	var runs atomic.Int32
	for range 10 {
		d.Trigger(func() { runs.Add(1) })
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	if n := runs.Load(); n != 1 {
		t.Errorf("a burst of 10 triggers ran %d times, want 1", n)
	}
	d.Trigger(func() { runs.Add(1) })
	time.Sleep(300 * time.Millisecond)
	if n := runs.Load(); n != 2 {
		t.Errorf("a later trigger: %d runs in all, want 2", n)
	}
}

func TestTreeReportsKeptChangesInNewFolders(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan []string, 10)
	ready := make(chan struct{})
	keep := func(p string) bool { return strings.HasSuffix(p, ".go") }
	go func() {
		if err := Tree(ctx, []string{dir}, keep, 100*time.Millisecond, func(p []string) { got <- p }, ready); err != nil {
			t.Error(err)
		}
	}()
	<-ready
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the new folder is being watched
	for _, name := range []string{"a.go", "notes.txt", "sub/b.go"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("package x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var seen []string
	deadline := time.After(10 * time.Second)
	for len(seen) < 2 {
		select {
		case p := <-got:
			seen = append(seen, p...)
		case <-deadline:
			t.Fatalf("saw %v, want a.go and sub/b.go", seen)
		}
	}
	joined := strings.Join(seen, " ")
	if !strings.Contains(joined, filepath.Join(dir, "a.go")) || !strings.Contains(joined, filepath.Join(sub, "b.go")) || strings.Contains(joined, "notes.txt") {
		t.Errorf("changes reported: %v", seen)
	}
}
