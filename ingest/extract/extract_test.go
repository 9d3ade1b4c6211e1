package extract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

var day = time.Date(2019, 6, 3, 12, 0, 0, 0, time.UTC)

type want struct {
	src, tgt, root string // countries ("-" for no target) and CAMEO root
}

func has(evs []model.Event, w want) bool {
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Country
		}
		if e.Source.Country == w.src && tgt == w.tgt && e.Root() == w.root {
			return true
		}
	}
	return false
}

func TestExtractRules(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name string
		text string
		want []want
		not  []want
	}{
		{"active", "Russia attacked Ukraine on Sunday.", []want{{"RUS", "UKR", "19"}}, nil},
		{"passive with agent", "Ukraine was attacked by Russia on Sunday.", []want{{"RUS", "UKR", "19"}}, []want{{"UKR", "RUS", "19"}}},
		{"negated", "Russia did not attack Ukraine.", nil, []want{{"RUS", "UKR", "19"}}},
		{"hypothetical", "Russia could attack Ukraine.", nil, []want{{"RUS", "UKR", "19"}}},
		{"conjoined targets", "Turkey urged Russia and Syria to stop the offensive.", []want{{"TUR", "RUS", "02"}, {"TUR", "SYR", "02"}}, nil},
		{"complement not coded", "Turkey urged Russia to stop bombing Idlib.", []want{{"TUR", "RUS", "02"}}, []want{{"RUS", "-", "19"}}},
		{"accuse only", "France accused Russia of attacking Mali.", []want{{"FRA", "RUS", "11"}}, []want{{"RUS", "MLI", "19"}}},
		{"denial", "Russia denied that its warplanes had bombed Turkey.", []want{{"RUS", "-", "12"}}, []want{{"RUS", "TUR", "19"}}},
		{"reported act", "Russia said its forces destroyed a Ukrainian warship.", []want{{"RUS", "UKR", "19"}}, []want{{"RUS", "-", "01"}}},
		{"joint agreement", "Russia and Turkey agreed on a ceasefire.", []want{{"RUS", "TUR", "05"}}, nil},
		{"relative clause skipped", "Iran, which backs Hamas, praised the attack.", []want{{"IRN", "-", "05"}}, []want{{"PSE", "-", "05"}}},
		{"statement", "Turkey said the talks were useful.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := x.ExtractText(tt.text, day)
			for _, w := range tt.want {
				if !has(evs, w) {
					t.Errorf("missing %v in %v", w, summary(evs))
				}
			}
			for _, w := range tt.not {
				if has(evs, w) {
					t.Errorf("unwanted %v in %v", w, summary(evs))
				}
			}
			checkEvents(t, tt.text, evs)
		})
	}
}

func summary(evs []model.Event) []string {
	var out []string
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Country
		}
		out = append(out, e.Source.Country+">"+tgt+":"+e.Code+"("+e.Mentions[0].Trigger+")")
	}
	return out
}

// checkEvents asserts what every event must hold: an id, one mention whose
// offsets point at its sentence, a trigger inside the sentence and a date.
func checkEvents(tb testing.TB, body string, evs []model.Event) {
	tb.Helper()
	for _, e := range evs {
		if e.ID == "" || len(e.Mentions) != 1 {
			tb.Fatalf("event without id or mention: %+v", e)
		}
		m := e.Mentions[0]
		if m.Start < 0 || m.End > len(body) || m.Start > m.End || body[m.Start:m.End] != m.Sentence {
			tb.Fatalf("bad offsets %d-%d for %q", m.Start, m.End, m.Sentence)
		}
		if _, ok := model.LookupCAMEO(e.Code); !ok {
			tb.Fatalf("unknown code %q", e.Code)
		}
	}
}

func TestExtractDates(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name, text, date string
	}{
		{"weekday", "Trump on Sunday urged Russia to stop the offensive.", "2019-06-02"},
		{"publication day", "Turkey urged Russia to stop the offensive.", "2019-06-03"},
		{"month", "Russia and Turkey reached a deal in September.", "2018-09"},
		{"past perfect takes the time just stated",
			"Sirens sounded across Kharkiv on Saturday. Kyiv said Russian forces had destroyed a Ukrainian depot.", "2019-06-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := x.ExtractText(tt.text, day)
			if len(evs) == 0 {
				t.Fatalf("no events")
			}
			if got := evs[0].Date.String(); got != tt.date {
				t.Errorf("date %s, want %s", got, tt.date)
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Russia was attacked by . by by the two sides ,, said")
	x := New(actor.Default())
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkEvents(t, text, x.ExtractText(text, day))
	})
}

func BenchmarkExtract(b *testing.B) {
	_, arts := MustArticles(b, corpus)
	x := New(actor.Default())
	n := 0
	for _, a := range arts {
		n += len(a.Body)
	}
	b.SetBytes(int64(n))
	// Wall time suffers when other processes share the machine; CPU time
	// gives the per-core throughput the target is stated in.
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.StopTimer()
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano()-before.Utime.Nano()) + time.Duration(after.Stime.Nano()-before.Stime.Nano())
	if cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu.Seconds(), "cpuMB/s")
	}
}
