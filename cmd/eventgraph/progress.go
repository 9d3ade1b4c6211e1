package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"

	"github.com/eventgraph/eventgraph/ingest"
)

// progress shows an ingest run on a terminal: bytes done of the total,
// articles per second and the time left. It is silent when stderr is not
// a terminal, so logs and pipes get only the summary.
type progress struct {
	bar      *progressbar.ProgressBar
	sizes    map[string]int64
	start    time.Time
	articles int
}

func newProgress(stderr io.Writer, paths []string) *progress {
	f, ok := stderr.(*os.File)
	if !ok || !(isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		return nil
	}
	sizes, total := inputSizes(paths)
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription("ingesting"),
	)
	return &progress{bar: bar, sizes: sizes, start: time.Now()}
}

// inputSizes sizes the files a walk will read; folders are walked once
// more here, which costs little beside reading and parsing them.
func inputSizes(paths []string) (map[string]int64, int64) {
	sizes := map[string]int64{}
	var total int64
	for _, p := range paths {
		if p == "-" {
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil && (path == p || ingest.IsArticleExt(path)) {
				sizes[path] = info.Size()
				total += info.Size()
			}
			return nil
		})
	}
	return sizes, total
}

// file records one finished file.
func (p *progress) file(path string, articles int) {
	if p == nil {
		return
	}
	p.articles += articles
	rate := float64(p.articles) / max(time.Since(p.start).Seconds(), 1e-3)
	p.bar.Describe(fmt.Sprintf("%d articles, %.0f/s", p.articles, rate))
	p.bar.Add64(p.sizes[path])
}

func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
	}
}
