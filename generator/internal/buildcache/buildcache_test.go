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

func TestLoadSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "cache.gob")
	var got map[string]string
	if Load(path, "v1", &got) {
		t.Fatal("a missing file loaded")
	}
	if err := Save(path, "v1", map[string]string{"k": "v"}); err != nil {
		t.Fatal(err)
	}
	if !Load(path, "v1", &got) || got["k"] != "v" {
		t.Errorf("round trip: %v", got)
	}
	if Load(path, "v2", &got) {
		t.Error("a file with another salt loaded")
	}
	if err := os.WriteFile(path, []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Load(path, "v1", &got) {
		t.Error("a damaged file loaded")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
