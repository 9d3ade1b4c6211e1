package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
)

// Exit codes of the command-line contract.
const (
	exitOK       = 0
	exitFatal    = 1
	exitRejected = 2
)

// errRejected marks a run in which some inputs were rejected while the rest
// went through; the rejected inputs have been named on stderr already.
var errRejected = errors.New("some inputs were rejected")

// app carries what every subcommand needs, injected so tests can run
// commands in-process with their own streams, clock and environment.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
	getenv func(string) string
	db     string // --db
}

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, getenv: os.Getenv}
	return a.run(ctx, args)
}

func (a *app) run(ctx context.Context, args []string) int {
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errRejected):
		fmt.Fprintln(a.stderr, "eventgraph:", err)
		return exitRejected
	default:
		fmt.Fprintln(a.stderr, "eventgraph:", err)
		return exitFatal
	}
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "eventgraph",
		Short: "Turn conflict news articles into a dated, sourced record of who did what to whom",
		Long: `eventgraph reads news articles, codes the events in them with CAMEO codes,
dates every event against the article's publication date, keeps the sentence
that reports it, and shows the result as a timeline and an actor network.

Start with:  eventgraph build testdata/articles   (then open out/index.html)`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&a.db, "db", "", "SQLite database file (default $EVENTGRAPH_DB, else eventgraph.db)")
	root.AddCommand(
		a.buildCommand(),
		a.ingestCommand(),
		a.extractCommand(),
		a.timexCommand(),
		a.eventsCommand(),
		a.actorsCommand(),
		a.articlesCommand(),
		a.exportCommand(),
		a.reportCommand(),
		a.serveCommand(),
		a.evalCommand(),
		a.reviewCommand(),
		a.genCorpusCommand(),
		a.pathCommand(),
	)
	return root
}

// dbPath resolves the database path: --db, then $EVENTGRAPH_DB, then
// eventgraph.db in the current folder.
func (a *app) dbPath() string {
	if a.db != "" {
		return a.db
	}
	if env := a.getenv("EVENTGRAPH_DB"); env != "" {
		return env
	}
	return "eventgraph.db"
}

// usageError is a mistake on the command line: exit status 1 with a hint.
func usageError(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}
