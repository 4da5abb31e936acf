// Package work spreads independent jobs over a bounded pool of goroutines,
// one per core, so the build's page-by-page stages use the whole machine
// without starting a goroutine per page; Memo does shared work once.
package work

import (
	"errors"
	"runtime"
	"sync"
)

// EachErr is Each for jobs that can fail: it returns every error, joined
// in the order of i (nil when none failed).
func EachErr(n int, f func(i int) error) error {
	errs := make([]error, n)
	Each(n, func(i int) { errs[i] = f(i) })
	return errors.Join(errs...)
}

// Each calls f(0), …, f(n-1) on up to GOMAXPROCS goroutines and returns
// when all calls have. f must be safe to call concurrently.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
