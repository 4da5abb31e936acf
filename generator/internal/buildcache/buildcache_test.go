package buildcache

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestEntries(t *testing.T) {
	e := New(map[string]int{"a": 1, "b": 2})
	calls := 0
	compute := func(v int) func() (int, error) { return func() (int, error) { calls++; return v, nil } }
	if v, _ := e.Get("a", compute(9)); v != 1 || calls != 0 {
		t.Errorf("a saved result: %d after %d computations, want 1 after 0", v, calls)
	}
	if v, _ := e.Get("c", compute(3)); v != 3 || calls != 1 {
		t.Errorf("a new key: %d after %d computations, want 3 after 1", v, calls)
	}
	if _, err := e.Get("d", func() (int, error) { return 0, errors.New("bad page") }); err == nil {
		t.Error("an error was not returned")
	}
	used, changed := e.Used()
	if len(used) != 2 || !changed || e.Loaded() != 2 {
		t.Errorf("used %v (changed %v, loaded %d), want a and c, changed, 2 loaded", used, changed, e.Loaded())
	}
	same := New(map[string]int{"a": 1})
	_, _ = same.Get("a", compute(0))
	if _, changed := same.Used(); changed {
		t.Error("a build that used exactly what it loaded reports a change")
	}
}

// WriteAtomic replaces the file and leaves no temporary file behind.
func TestWriteAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "cache.bin")
	for _, data := range []string{"first", "second"} {
		if err := WriteAtomic(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != data {
			t.Errorf("%q, want %q", got, data)
		}
	}
	if info, _ := os.Stat(path); info == nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
