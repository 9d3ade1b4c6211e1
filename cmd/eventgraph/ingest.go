package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/extract"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/pipeline"
)

func (a *app) ingestCommand() *cobra.Command {
	var actorsFile, cpuProfile, memProfile string
	cmd := &cobra.Command{
		Use:   "ingest [--db F] [--actors FILE] PATH...",
		Short: "Read articles, extract their events and store them",
		Long: `Reads files, folders (recursively) or - (standard input) in any supported
format: the text layout of the sample articles, plain text, HTML, JSON or
JSON lines, RSS/Atom. Re-ingesting the same content adds nothing. In
folders, files without an article extension and evaluation answers
(*.gold.json) are skipped with a note. A rejected file is named on stderr,
the others still go through, and the exit status is 2.`,
		Example: `  eventgraph ingest testdata/articles
  eventgraph ingest --db conflict.db --actors my-actors.yaml feeds/ story.html
  curl -s https://example.org/feed.xml | eventgraph ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			defer a.ingestGC()()
			defer a.ingestMemoryLimit()()
			x, err := a.extractor(actorsFile)
			if err != nil {
				return err
			}
			db, err := a.openStore()
			if err != nil {
				return err
			}
			defer db.Close()
			st, err := ingestPaths(cmd.Context(), db, x, args, a.stdin, a.stderr)
			fmt.Fprintln(a.stderr, st.summary())
			if memProfile != "" {
				if perr := writeHeapProfile(memProfile); perr != nil {
					return errors.Join(err, perr)
				}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&actorsFile, "actors", "", "YAML file of actors that adds to or overrides the built-in gazetteer")
	// Hidden: for finding where ingest spends its time (go tool pprof).
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the ingest to `FILE`")
	_ = cmd.Flags().MarkHidden("cpuprofile")
	cmd.Flags().StringVar(&memProfile, "memprofile", "", "write a heap profile to `FILE` when the ingest ends, with the store still open")
	_ = cmd.Flags().MarkHidden("memprofile")
	return cmd
}

// writeHeapProfile writes what is live on the heap after a collection:
// with the store still open, that is the writer's caches at their
// fullest.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("--memprofile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// extractor builds the event extractor from the built-in gazetteer and an
// optional user file of actors.
func (a *app) extractor(actorsFile string) (*extract.Extractor, error) {
	g := actor.Default()
	if actorsFile != "" {
		if err := g.AddFile(actorsFile); err != nil {
			return nil, fmt.Errorf("--actors: %w", err)
		}
	}
	return extract.New(g), nil
}

// noteSkipped says once per reason which files were skipped, so that a
// folder of articles with their answer files does not bury real errors.
func noteSkipped(w io.Writer, skipped map[string][]string) {
	reasons := make([]string, 0, len(skipped))
	for r := range skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		paths := skipped[r]
		if len(paths) == 1 {
			fmt.Fprintf(w, "skipped %s: %s\n", paths[0], r)
			continue
		}
		fmt.Fprintf(w, "skipped %d files: %s (%s, ...)\n", len(paths), r, filepath.Base(paths[0]))
	}
}

// ingestStats counts what an ingest run did.
type ingestStats struct{ pipeline.Stats }

func (s ingestStats) summary() string {
	return fmt.Sprintf("ingested %d new articles with %d events from %d files (%d already stored, %d files rejected, %d skipped)",
		s.Articles, s.Events, s.Files, s.Duplicates, s.Rejected, s.Skipped)
}

// ingestPaths reads every input, extracts its events on every core and
// stores each article in its own transaction, in input order. A bad file is
// named on stderr and the rest go on; the returned error wraps errRejected
// when any file was rejected, so the command exits 2.
func ingestPaths(ctx context.Context, w model.ArticleWriter, x *extract.Extractor, paths []string, stdin io.Reader, stderr io.Writer) (ingestStats, error) {
	skipped := map[string][]string{} // reason -> paths, noted once per reason
	bar := newProgress(stderr, paths)
	st, err := pipeline.Run(ctx, pipeline.Config{
		Paths: paths, Stdin: stdin, Extractor: x, Writer: w,
		OnFile: func(f pipeline.FileResult) {
			bar.file(f.Path, f.Added+f.Duplicates)
			switch {
			case f.Skipped != "":
				skipped[f.Skipped] = append(skipped[f.Skipped], f.Path)
			case f.Err != nil:
				fmt.Fprintf(stderr, "error: %v\n", f.Err)
			}
		},
	})
	bar.finish()
	noteSkipped(stderr, skipped)
	if errors.Is(err, pipeline.ErrRejected) {
		err = fmt.Errorf("%d of %d files: %w", st.Rejected, st.Files, errRejected)
	}
	if ctx.Err() != nil && err != nil {
		// Every article counted is stored whole, and storing the same
		// content again adds nothing, so running again goes on.
		err = fmt.Errorf("interrupted: the %d articles counted are stored; the same command again stores the rest", st.Articles)
	}
	return ingestStats{st}, err
}

// ingestGC sets the garbage collector for an ingest and returns the undo.
// Most of an ingest's garbage is short-lived (the stored reports read back
// to merge with): collecting at three times the live heap rather than
// twice took about 6% less CPU on a 2k-article ingest for 16 MB more peak
// RSS. GOGC, when set, still decides.
func (a *app) ingestGC() (restore func()) {
	if a.getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(200)
	return func() { debug.SetGCPercent(old) }
}

// ingestMemoryLimit sets a soft limit on the Go heap for the ingest
// command and returns the undo. Three times the live heap (GOGC=200) is
// more memory than the work needs: without a limit a 10k ingest peaked at
// 540 MB. The limit and SQLite's page cache (32 MiB, store) are set
// together, to keep peak RSS near 300 MB: at 100k articles the live heap
// is 140-150 MB, and with 192 MiB (and 64 MiB of page cache) the
// collector ran every 10 MB or so of allocation, 18,475 times, a quarter
// of the CPU; with 224 MiB it ran 6,190 times and the ingest took 20%
// less CPU, peak RSS 352 MB instead of 394. The store's merge cache is
// flat and the collector does not scan it. Only ingest sets it: build
// goes on to write a report, whose live heap on a large store may pass
// any fixed limit and would then be collected over and over. GOMEMLIMIT,
// when set, still decides.
func (a *app) ingestMemoryLimit() (restore func()) {
	if a.getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(224 << 20)
	return func() { debug.SetMemoryLimit(old) }
}
