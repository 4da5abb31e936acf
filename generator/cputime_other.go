//go:build !unix

package main

import "time"

// cpuTime is unknown on this system.
func cpuTime() (self, children time.Duration, ok bool) { return 0, 0, false }
