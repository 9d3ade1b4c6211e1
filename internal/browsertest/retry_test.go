package browsertest

import (
	"context"
	"errors"
	"testing"

	"github.com/chromedp/chromedp"
)

// failing is an action that fails with err its first n runs, then
// returns 42; runs counts them.
func failing(n int, err error, runs *int) chromedp.Action[int] {
	return func(context.Context, *chromedp.Target) (int, error) {
		*runs++
		if *runs <= n {
			return 0, err
		}
		return 42, nil
	}
}

var errStale = errors.New(`exception "Uncaught" (0:0): {"code":-32000,"message":"Cannot find context with specified id"}`)

func TestRetried(t *testing.T) {
	other := errors.New("ReferenceError: draw is not defined")
	cases := []struct {
		name     string
		failures int
		err      error
		want     int
		wantErr  error
		wantRuns int
	}{
		{"succeeds at once", 0, errStale, 42, nil, 1},
		{"stale twice, then succeeds", 2, errStale, 42, nil, 3},
		{"stale every time gives up", 100, errStale, 0, errStale, staleContextRetries},
		{"another error is not retried", 100, other, 0, other, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runs := 0
			got, err := Retried(failing(c.failures, c.err, &runs))(context.Background(), nil)
			if got != c.want || !errors.Is(err, c.wantErr) || runs != c.wantRuns {
				t.Errorf("got %d, %v after %d runs; want %d, %v after %d", got, err, runs, c.want, c.wantErr, c.wantRuns)
			}
		})
	}
}

func TestRetriedStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	runs := 0
	if _, err := Retried(failing(100, errStale, &runs))(ctx, nil); !StaleContext(err) || runs != 1 {
		t.Errorf("cancelled context: %v after %d runs, want the stale error after 1", err, runs)
	}
}
