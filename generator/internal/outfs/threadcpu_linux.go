package outfs

import (
	"runtime"
	"syscall"
	"time"
)

// rusageThread is Linux's RUSAGE_THREAD: the calling thread's usage.
const rusageThread = 1

// measure runs fn on one OS thread and returns the CPU time (user + system)
// that thread spent in it, so the time a page's rewrite costs is counted
// apart from the time other goroutines had the core.
func measure(fn func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, ok := threadCPU()
	fn()
	after, ok2 := threadCPU()
	if !ok || !ok2 {
		return 0
	}
	return after - before
}

func threadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(rusageThread, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
