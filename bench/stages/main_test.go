package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeBodies(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "bodies.jsonl")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadBodies(t *testing.T) {
	p := writeBodies(t, `{"date":"2020-03-05","text":"Turkish troops shelled Syrian positions on Thursday."}
{"date":"2021-01-02","text":"The UN called for a ceasefire."}
`)
	docs, err := readBodies(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[1].text != "The UN called for a ceasefire." || docs[0].published.Format("2006-01-02 15:04") != "2020-03-05 12:00" {
		t.Errorf("read %+v", docs)
	}
}

func TestReadBodiesNamesTheBadLine(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"bad json", "{\"date\":\"2020-03-05\",\"text\":\"x\"}\n{not json}\n", ":2: "},
		{"bad date", "{\"date\":\"5 March\",\"text\":\"x\"}\n", ":1: date"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeBodies(t, c.text)
			_, err := readBodies(p)
			if err == nil || !strings.Contains(err.Error(), p+c.want) {
				t.Errorf("error %v, want it to name %s%s", err, p, c.want)
			}
		})
	}
}

// Every stage finds something in a sentence that has an actor, an event
// and a date; an unknown stage is refused.
func TestStages(t *testing.T) {
	d := doc{text: "Turkish troops shelled Syrian government positions on Thursday.", published: mustDay(t, "2020-03-07")}
	for _, name := range []string{"timex", "actors", "extract"} {
		run, err := stage(name)
		if err != nil {
			t.Fatal(err)
		}
		if n := run(d); n == 0 {
			t.Errorf("%s found nothing in %q", name, d.text)
		}
	}
	if _, err := stage("parse"); err == nil {
		t.Error("an unknown stage was accepted")
	}
}

func mustDay(t *testing.T, s string) (d time.Time) {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
