package place

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkFind runs Find over the dev corpus; b.SetBytes makes the
// result a throughput (the target is above 20 MB/s). cpuMB/s divides by
// the process's CPU time instead of the wall clock, which other work on
// a shared machine inflates.
func BenchmarkFind(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no articles in testdata")
	}
	var texts []string
	n := 0
	for _, p := range files {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	g := Default()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var before, after syscall.Rusage
	b.ResetTimer()
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	for range b.N {
		for _, t := range texts {
			g.Find(t)
		}
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	if cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}
