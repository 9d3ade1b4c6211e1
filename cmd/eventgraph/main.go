// Command eventgraph turns conflict news articles into a dated, sourced
// record of who did what to whom, and shows it as timelines and actor
// networks. See README.md for the commands and CONTRACT.md for the
// interface that scripts rely on.
//
// Exit status: 0 when everything went through, 1 on a usage or fatal error,
// 2 when some inputs were rejected (each named on stderr) and the rest went
// through.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
