//go:build !linux

package outfs

import "time"

// measure runs fn and returns its wall time: only Linux reports one
// thread's CPU time.
func measure(fn func()) time.Duration {
	start := time.Now()
	fn()
	return time.Since(start)
}
