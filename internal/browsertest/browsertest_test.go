package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const badPage = `<!DOCTYPE html><html><body><script>
console.error('an error');
console.warn('a warning');
alert('hello');
new Image().src = 'http://example.invalid/pixel.png';
setTimeout(() => { window.done = true; throw new Error('boom'); }, 0);
</script></body></html>`

const cleanPage = `<!DOCTYPE html><html><body><p>nothing to see</p>
<script>window.done = true;</script></body></html>`

func mustOpen(t *testing.T, ctx context.Context, html string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(wait, chromedp.Navigate(FileURL(path))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(wait, chromedp.Poll[bool](`window.done === true`)); err != nil {
		t.Fatal(err)
	}
	// The failed request and the exception arrive after the script ran.
	chromedp.Do(wait, chromedp.Sleep(500*time.Millisecond))
}

func TestMustListen(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := MustStart(t, NoLoopback)
	probs := MustListen(t, ctx, func(u string) bool { return strings.HasPrefix(u, "file://") })

	t.Run("clean page", func(t *testing.T) {
		mustOpen(t, ctx, cleanPage)
		if got := probs.Take(); len(got) > 0 {
			t.Errorf("problems on a clean page: %v", got)
		}
	})
	t.Run("every kind recorded", func(t *testing.T) {
		mustOpen(t, ctx, badPage)
		got := probs.Take()
		var kinds []Kind
		for _, p := range got {
			kinds = append(kinds, p.Kind)
		}
		for _, k := range []Kind{Console, Exception, Outside, Failed, Dialog} {
			if !slices.Contains(kinds, k) {
				t.Errorf("no %s problem recorded; got %v", k, got)
			}
		}
		if again := probs.Take(); len(again) > 0 {
			t.Errorf("Take did not forget: %v", again)
		}
	})
	t.Run("take by kind", func(t *testing.T) {
		mustOpen(t, ctx, badPage)
		got := probs.Take(Dialog)
		if len(got) != 1 || got[0].Text != `"hello"` {
			t.Errorf("Take(Dialog) = %v, want the one alert", got)
		}
	})
}
