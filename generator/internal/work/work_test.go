package work

import (
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: f(%d) called %d times, want 1", n, i, c)
			}
		}
	}
}

func TestEachBoundsConcurrency(t *testing.T) {
	var running, peak atomic.Int32
	Each(200, func(int) {
		r := running.Add(1)
		for {
			p := peak.Load()
			if r <= p || peak.CompareAndSwap(p, r) {
				break
			}
		}
		runtime.Gosched()
		running.Add(-1)
	})
	if p := int(peak.Load()); p > runtime.GOMAXPROCS(0) {
		t.Errorf("%d calls ran at once, more than GOMAXPROCS (%d)", p, runtime.GOMAXPROCS(0))
	}
}

// Many goroutines asking for the same key compute it once and all get its
// value (and its error); other keys are computed apart.
func TestMemoComputesEachKeyOnce(t *testing.T) {
	var m Memo[string, int]
	var calls atomic.Int32
	got := make([]int, 100)
	errs := make([]error, 100)
	Each(100, func(i int) {
		key := []string{"a", "b"}[i%2]
		got[i], errs[i] = m.Get(key, func() (int, error) {
			calls.Add(1)
			if key == "b" {
				return 0, errBad
			}
			return len(key) + 41, nil
		})
	})
	if n := calls.Load(); n != 2 {
		t.Errorf("computed %d times, want once per key (2)", n)
	}
	for i := range got {
		if i%2 == 0 && (got[i] != 42 || errs[i] != nil) {
			t.Fatalf("key a: got %d, %v; want 42", got[i], errs[i])
		}
		if i%2 == 1 && errs[i] != errBad {
			t.Fatalf("key b: error %v, want the computed one", errs[i])
		}
	}
}

var errBad = errors.New("bad")

// EachErr runs every job, failed or not, and joins the errors in order.
func TestEachErrJoinsInOrder(t *testing.T) {
	var ran atomic.Int32
	err := EachErr(10, func(i int) error {
		ran.Add(1)
		if i%4 == 1 {
			return fmt.Errorf("job %d", i)
		}
		return nil
	})
	if ran.Load() != 10 {
		t.Errorf("ran %d jobs, want 10", ran.Load())
	}
	if err == nil || err.Error() != "job 1\njob 5\njob 9" {
		t.Errorf("error %q, want jobs 1, 5 and 9 in order", err)
	}
	if err := EachErr(3, func(int) error { return nil }); err != nil {
		t.Errorf("no job failed, error %v", err)
	}
}
