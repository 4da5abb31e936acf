// Package buildcache keeps a build's results for the next build, keyed by
// a hash of what they were computed from, so a rebuild redoes only the work
// whose input changed. A salt (the build program's own hash) drops a whole
// file when the code that computed its results may have changed. Files are
// written in a compact binary form (binary.go).
package buildcache

import (
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Entries holds results by key: those an earlier build saved and those
// this build used. Only the used ones are worth saving.
type Entries[V any] struct {
	mu   sync.Mutex
	old  map[string]V
	used map[string]V
}

// New starts a build's entries from the results an earlier build saved
// (nil for none).
func New[V any](loaded map[string]V) *Entries[V] {
	if loaded == nil {
		loaded = map[string]V{}
	}
	return &Entries[V]{old: loaded, used: map[string]V{}}
}

// Get returns the result for key, from an earlier build or else computed
// by compute (an error is returned and nothing is kept).
func (e *Entries[V]) Get(key string, compute func() (V, error)) (V, error) {
	e.mu.Lock()
	v, ok := e.old[key]
	e.mu.Unlock()
	if !ok {
		var err error
		if v, err = compute(); err != nil {
			return v, err
		}
	}
	e.mu.Lock()
	e.used[key] = v
	e.mu.Unlock()
	return v, nil
}

// Load starts a build's entries from the file Save wrote with the same
// salt, each value read by read; a missing, damaged or differently salted
// file gives none.
func Load[V any](path, salt string, read func(d *Decoder, table []string) V) *Entries[V] {
	loaded, _ := LoadMap(path, salt, read)
	return New(loaded)
}

// Save writes the results this build used, each value by write; when they
// are exactly those loaded, the file already holds them and is left alone.
func (e *Entries[V]) Save(path, salt string, write func(*Encoder, *StringTable, V)) error {
	used, changed := e.Used()
	if !changed {
		return nil
	}
	return SaveMap(path, salt, used, write)
}

// Loaded is how many results the earlier build saved.
func (e *Entries[V]) Loaded() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.old)
}

// Used returns the results this build used, and whether they differ from
// those loaded: when they do not, the file already holds them.
func (e *Entries[V]) Used() (map[string]V, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	changed := len(e.used) != len(e.old)
	for k := range e.used {
		if _, ok := e.old[k]; !ok {
			changed = true
			break
		}
	}
	return e.used, changed
}

// WriteAtomic replaces path with data through a temporary file in the same
// folder, so builds running at once never read half a file.
func WriteAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomic is WriteAtomic, the content written by write.
func writeAtomic(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; a cache is as readable as the rest of build/.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
