package actor

import (
	"os"
	"strings"
	"testing"
)

// TestDebugFind prints the matches of the sentences in $DEV_TEXT (split on
// " || ") as one document dated $DEV_DATE, for working on the rules.
func TestDebugFind(t *testing.T) {
	txt := os.Getenv("DEV_TEXT")
	if txt == "" {
		t.Skip("set DEV_TEXT to sentences separated by ' || '")
	}
	date := os.Getenv("DEV_DATE")
	if date == "" {
		date = "2020-03-05"
	}
	d := Default().NewDocument(day(date))
	for _, s := range strings.Split(txt, " || ") {
		t.Logf("sentence: %s", s)
		for _, m := range d.Find(s) {
			t.Logf("  %q kind=%s %s/%s name=%q hint=%s resolved=%v", m.Text, m.Kind, m.Actor.Country, m.Actor.Role, m.Actor.Name, m.Hint, m.Resolved)
		}
	}
}
