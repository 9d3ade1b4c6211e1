package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Kind is what sort of [Problem] a page had.
type Kind string

// The kinds of problem [MustListen] records.
const (
	Console   Kind = "console"   // console.error or console.warn
	Exception Kind = "exception" // an uncaught exception
	Log       Kind = "log"       // a browser log entry at error or warning level
	Failed    Kind = "failed"    // a request that failed or was blocked
	Outside   Kind = "outside"   // a request to a URL the test does not count as local
	Dialog    Kind = "dialog"    // alert, confirm or prompt
)

// Problem is one thing that went wrong on a page.
type Problem struct {
	Kind Kind
	Text string
}

func (p Problem) String() string { return string(p.Kind) + ": " + p.Text }

// Problems collects the problems of a browser's pages as they happen.
type Problems struct {
	mu   sync.Mutex
	list []Problem
}

func (p *Problems) add(k Kind, format string, args ...any) {
	p.mu.Lock()
	p.list = append(p.list, Problem{k, fmt.Sprintf(format, args...)})
	p.mu.Unlock()
}

// Take returns the problems recorded since the last call, of the given
// kinds or, with none given, of every kind, and forgets them all.
func (p *Problems) Take(kinds ...Kind) []Problem {
	p.mu.Lock()
	defer p.mu.Unlock()
	all := p.list
	p.list = nil
	if len(kinds) == 0 {
		return all
	}
	var out []Problem
	for _, pr := range all {
		for _, k := range kinds {
			if pr.Kind == k {
				out = append(out, pr)
				break
			}
		}
	}
	return out
}

// MustListen records the problems of the pages of ctx, a browser of
// [MustStart]; local says which request URLs a page may load. Dialogs are
// dismissed as they open.
func MustListen(tb testing.TB, ctx context.Context, local func(url string) bool) *Problems {
	tb.Helper()
	p := &Problems{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.add(Console, "console.%s: %s", e.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			desc := ""
			if d.Exception != nil {
				desc = d.Exception.Description
			}
			p.add(Exception, "%s %s (%s:%d)", d.Text, desc, d.URL, d.LineNumber)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				p.add(Log, "%s (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL)
			}
		case *network.EventLoadingFailed:
			p.add(Failed, "%s %s", e.ErrorText, e.BlockedReason)
		case *network.EventRequestWillBeSent:
			if !local(e.Request.URL) {
				p.add(Outside, "request to %s", e.Request.URL)
			}
		case *page.EventJavascriptDialogOpening:
			p.add(Dialog, "%q", e.Message)
			// Dismissed from another goroutine: the listener must not
			// block on a call to the browser.
			go chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}
	})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
