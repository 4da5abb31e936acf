package work

import (
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
