package browsertest

import (
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// browserNames are the names Chromium is installed under, tried in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome"}

// Find returns the path of Chromium, or an error saying how to install it.
func Find() (string, error) {
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found (apt-get install -y chromium)")
}

// Chromium returns the path of the browser to test with. When there is
// none it skips the test, or fails it when the CI environment variable is
// set: a CI run that silently skipped the browser tests would prove
// nothing.
func Chromium(tb testing.TB) string {
	tb.Helper()
	p, err := Find()
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("%v; CI must install it", err)
	}
	tb.Skip(err)
	return ""
}

// Width and Height are the window and viewport size of [MustStart]'s
// browser, in CSS pixels.
const Width, Height = 1280, 900

// NoLoopback sends loopback requests to the dead proxy too, for pages
// opened from file:// that must fetch nothing over the network at all.
// Without it Chromium reaches loopback directly, where a test's server
// listens.
var NoLoopback = chromedp.Flag("proxy-bypass-list", "<-loopback>")

// Options are the allocator options of a headless browser at path with
// its profile in the folder profile (which should be empty) and the
// network cut off beyond loopback (see [NoLoopback]). [MustStart] uses
// them; so can a program that measures pages.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// Pixel checks of charts must not depend on the display's profile.
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(Width, Height),
	}
}

// MustStart starts headless Chromium with a fresh profile in a temporary
// folder and no network beyond loopback (see [NoLoopback]), with extra
// allocator options added after the defaults. The browser is stopped when
// the test ends. It skips or fails as [Chromium] does, and fails the test
// when the browser does not start.
func MustStart(tb testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	opts := append(Options(Chromium(tb), tb.TempDir()), extra...)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancelB(); cancelA() })
	// The first action launches the browser.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(Width, Height)); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// FileURL is the file:// URL of a local path, for [chromedp.Navigate].
func FileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
