package browsertest

import (
	"context"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// staleContextRetries is how many times [Retried] runs an action in all.
const staleContextRetries = 5

// StaleContext reports whether err is Chromium's answer to an evaluation
// sent to a JavaScript context that no longer exists. chromedp sends an
// evaluation to the page's context it last heard of; on a loaded machine
// the event that a navigation replaced that context can come after the
// evaluation was sent, and the page is then fine but the call fails.
func StaleContext(err error) bool {
	return err != nil && strings.Contains(err.Error(), "Cannot find context with specified id")
}

// Retried returns an action that runs a, and runs it again, a little
// later each time, while it fails with [StaleContext] (at most
// staleContextRetries runs in all). Every other error is returned at
// once, so a page that is really broken still fails its test.
func Retried[T any](a chromedp.Action[T]) chromedp.Action[T] {
	return func(ctx context.Context, t *chromedp.Target) (T, error) {
		for try := 1; ; try++ {
			v, err := a(ctx, t)
			if !StaleContext(err) || try == staleContextRetries {
				return v, err
			}
			select {
			case <-ctx.Done():
				return v, err
			case <-time.After(time.Duration(try) * 50 * time.Millisecond):
			}
		}
	}
}
