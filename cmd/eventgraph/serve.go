package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/explorer"
)

func (a *app) serveCommand() *cobra.Command {
	var addr, title string
	cmd := &cobra.Command{
		Use:   "serve [--db F] [--addr 127.0.0.1:8080]",
		Short: "Explore the stored events in a browser, read-only",
		Long: `Serves the report's pages live from the database, opened read-only: filters
in the URL (from, to, actor, between, root, quad, outlet, min, q), linked
views of time and network at /explore.html, a JSON API (/api/events in
pages, each event with its first 10 mentions unless mentions=N says, and
/api/mentions for the rest; /api/actors, /api/graph) and downloads of the
current view. It listens on
the loopback address by default; nothing on the pages loads from another
origin. Stop it with Ctrl-C.`,
		Example: `  eventgraph serve --db idlib.db
  open 'http://127.0.0.1:8080/?actor=RUS,TUR&between=1&from=2018&to=2020&q=Idlib'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return usageError("--addr %q: want HOST:PORT, such as 127.0.0.1:8080", addr)
			}
			db, err := a.openReader()
			if err != nil {
				return err
			}
			defer db.Close()
			opt := explorer.Options{Title: title, Log: a.stderr}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				fmt.Fprintf(a.stderr, "warning: serving on %s, which other machines may reach; the explorer has no login\n", addr)
				opt.Hosts = []string{host}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			return serve(cmd.Context(), ln, explorer.New(db, opt), a)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (HOST:PORT)")
	cmd.Flags().StringVar(&title, "title", "", "title of the pages (default \"Event explorer\")")
	return cmd
}

// serve runs the explorer on ln until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, ln net.Listener, h http.Handler, a *app) error {
	srv := explorer.NewServer(ln.Addr().String(), h, a.stderr)
	fmt.Fprintf(a.stdout, "serving http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			return fmt.Errorf("serve: shut down: %w", err)
		}
		if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	}
}
