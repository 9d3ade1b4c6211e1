package graph

import (
	"syscall"
	"testing"
	"time"
)

// cpuTimer reports the process's CPU time per operation as "cpu-ns/op".
// Wall time is what users feel, but on a shared machine it swings with
// whatever else runs; CPU time (user and system, every thread, the garbage
// collector included) is the steadier figure to compare versions by.
type cpuTimer struct {
	b     *testing.B
	start time.Duration
}

func startCPU(b *testing.B) *cpuTimer { return &cpuTimer{b: b, start: processCPU()} }

// stop reports the CPU time since startCPU divided by b.N.
func (c *cpuTimer) stop() {
	if c.b.N > 0 {
		c.b.ReportMetric(float64(processCPU()-c.start)/float64(c.b.N), "cpu-ns/op")
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
