package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// MustMany returns n distinct dated events among six actors over two
// years, one mention each.
func MustMany(tb testing.TB, n int) []model.Event {
	tb.Helper()
	actors := []model.Actor{assad, hts, kremlin, turkey, un, whiteH}
	codes := []string{"010", "036", "042", "111", "190"}
	events := make([]model.Event, n)
	for i := range events {
		d := model.DayOf(2019, time.January, 1).Start.AddDate(0, 0, i%730)
		m := mention(fmt.Sprint("a", i), "Outlet", "https://example.com/", "2019-01-01", fmt.Sprint("Sentence ", i, "."))
		events[i] = event(model.DayOf(d.Year(), d.Month(), d.Day()), actors[i%6], ptr(actors[(i/6+1)%6]), codes[i%5], "", m)
	}
	return events
}

// Beyond maxTimelinePoints dated events the timeline draws bins, and every
// event is counted once in its source's lane and once in its target's
// (when that is another lane).
func TestTimelineBins(t *testing.T) {
	for _, n := range []int{maxTimelinePoints, maxTimelinePoints + 1} {
		events := MustMany(t, n)
		_, tips, _, binned := timelineChart(events, 12)
		if n <= maxTimelinePoints {
			if binned != "" || len(tips) != n {
				t.Errorf("%d events: binned %q with %d tips, want one tip per event", n, binned, len(tips))
			}
			continue
		}
		if binned != "month" || len(tips) >= n/2 {
			t.Fatalf("%d events: binned %q with %d tips, want months and far fewer tips", n, binned, len(tips))
		}
		acted, targeted, wantTargeted := 0, 0, 0
		for _, e := range events {
			if e.Target.ID != e.Source.ID {
				wantTargeted++
			}
		}
		for _, tip := range tips {
			if tip.Quote != "" || tip.Page != "" {
				t.Fatalf("a bin carries an event's text: %+v", tip)
			}
			if tip.Role == "targeted" {
				targeted += tip.Count
			} else {
				acted += tip.Count
			}
		}
		if acted != n || targeted != wantTargeted {
			t.Errorf("bins count %d acted and %d targeted, want %d and %d", acted, targeted, n, wantTargeted)
		}
	}
}

// A long event list is cut into pages that link to each other and
// together hold every event once, oldest first.
func TestEventListPages(t *testing.T) {
	events := MustMany(t, 2*listRows+5)
	s, err := NewSite(events, Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := s.Pages()
	for _, want := range []string{"events-2.html", "events-3.html"} {
		if !contains(names, want) {
			t.Errorf("Pages() lacks %s", want)
		}
	}
	if contains(names, "events-4.html") {
		t.Error("Pages() has an empty events-4.html")
	}
	seen := 0
	for n := 1; n <= 3; n++ {
		l := s.list(n)
		if l.Pager == nil || l.Pager.Page != n || l.Pager.Pages != 3 || l.Pager.Total != len(events) {
			t.Fatalf("page %d: pager %+v", n, l.Pager)
		}
		for _, r := range l.Rows {
			if r.ID != s.Events()[seen].ID {
				t.Fatalf("page %d: row %s, want %s", n, r.ID, s.Events()[seen].ID)
			}
			seen++
		}
		b, err := s.Render(listPage(n))
		if err != nil {
			t.Fatal(err)
		}
		if next := listPage(n + 1); n < 3 && !strings.Contains(string(b), `href="`+next+`"`) {
			t.Errorf("page %d does not link to %s", n, next)
		}
	}
	if seen != len(events) {
		t.Errorf("pages hold %d events, want %d", seen, len(events))
	}
	for _, bad := range []string{"events-1.html", "events-4.html", "events-02.html", "events-x.html"} {
		if _, err := s.Render(bad); err == nil {
			t.Errorf("Render(%s) gave a page", bad)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
