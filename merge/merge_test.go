package merge

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

var (
	kremlin = model.NewActor("Kremlin", "RUS", model.RoleGOV)
	russia  = model.NewActor("Russia", "RUS", model.RoleGOV)
	trump   = model.NewActor("Donald Trump", "USA", model.RoleGOV)
	turkey  = model.NewActor("Turkey", "TUR", model.RoleGOV)
	syrAF   = model.NewActor("Syrian warplanes", "SYR", model.RoleMIL)
	un      = model.NewActor("United Nations", "IGO", model.RoleIGO)
	nato    = model.NewActor("Nato", "IGO", model.RoleIGO)
)

// MustReport builds a report: one mention in article art at offset start.
func MustReport(tb testing.TB, src model.Actor, tgt *model.Actor, code string, d model.Date, art, outlet, pub string, start int) model.Event {
	tb.Helper()
	return model.Event{Source: src, Target: tgt, Code: code, Date: d, Mentions: []model.Mention{{
		ArticleID: art, Outlet: outlet, Published: pub, Start: start, End: start + 10, Sentence: "s",
	}}}
}

// later moves a report's article to the next publication day.
func later(e model.Event) model.Event {
	e.Mentions[0].Published = "2019-06-04"
	return e
}

func day(d int) model.Date { return model.DayOf(2019, 6, d) }

func TestCompatible(t *testing.T) {
	r := func(src model.Actor, tgt *model.Actor, code string, d model.Date, art string) model.Event {
		return MustReport(t, src, tgt, code, d, art, "X", "2019-06-03", 0)
	}
	tests := []struct {
		name string
		a, b model.Event
		want bool
	}{
		{"same code, different actors of one code", r(kremlin, &trump, "120", day(3), "a"), r(russia, &trump, "12", day(3), "b"), true},
		{"day inside month", r(kremlin, &trump, "120", day(3), "a"), r(russia, &trump, "120", model.Month(2019, 6), "b"), true},
		{"statement on the next day", r(kremlin, &trump, "120", day(3), "a"), later(r(russia, &trump, "120", day(4), "b")), false},
		{"strike on the next day, told a day later", r(syrAF, &turkey, "195", day(3), "a"), later(r(syrAF, &turkey, "195", day(4), "b")), true},
		{"strike two days apart", r(syrAF, &turkey, "195", day(3), "a"), later(r(syrAF, &turkey, "195", day(5), "b")), false},
		{"strikes on two days, same publication day", r(syrAF, &turkey, "195", day(3), "a"), r(syrAF, &turkey, "195", day(4), "b"), false},
		{"related roots 18/19", r(syrAF, &turkey, "195", day(3), "a"), r(syrAF, &turkey, "183", day(3), "b"), true},
		{"unrelated roots", r(kremlin, &trump, "120", day(3), "a"), r(kremlin, &trump, "111", day(3), "b"), false},
		{"symmetric deal reversed", r(russia, &turkey, "057", day(3), "a"), r(turkey, &kremlin, "057", day(3), "b"), true},
		{"directed act reversed", r(russia, &turkey, "120", day(3), "a"), r(turkey, &russia, "120", day(3), "b"), false},
		{"role-less country", r(russia, &turkey, "057", day(3), "a"), r(model.NewActor("Russians", "RUS", ""), &turkey, "057", day(3), "b"), true},
		{"two international bodies", r(un, nil, "010", day(3), "a"), r(nato, nil, "010", day(3), "b"), false},
		{"target and none", r(turkey, &russia, "057", day(3), "a"), r(turkey, nil, "057", day(3), "b"), false},
		{"undated and dated", r(turkey, nil, "010", model.Date{}, "a"), r(turkey, nil, "010", day(3), "b"), false},
		{"two acts of one family in one sentence", r(turkey, &russia, "055", day(3), "a"), r(turkey, &russia, "031", day(3), "a"), false},
		{"the same two acts told by two articles", r(turkey, &russia, "055", day(3), "a"), r(turkey, &russia, "031", day(3), "b"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compatible(tt.a, tt.b); got != tt.want {
				t.Errorf("Compatible = %v, want %v", got, tt.want)
			}
			if got := Compatible(tt.b, tt.a); got != tt.want {
				t.Errorf("Compatible (swapped) = %v, want %v", got, tt.want)
			}
		})
	}
	placed := r(kremlin, &trump, "120", day(3), "a")
	placed.Location = "Idlib"
	other := r(kremlin, &trump, "120", day(3), "b")
	other.Location = "Aleppo"
	if Compatible(placed, other) {
		t.Error("different places merged")
	}
	other.Location = ""
	if !Compatible(placed, other) {
		t.Error("a report without a place did not join one with a place")
	}
}

func TestClusterCompleteLinkage(t *testing.T) {
	// A September report fits the 3rd and the 20th; it joins one of them
	// and does not chain them into one event.
	reps := []model.Event{
		MustReport(t, syrAF, &turkey, "195", model.DayOf(2018, 9, 3), "a", "AFP", "2018-09-04", 0),
		MustReport(t, syrAF, &turkey, "195", model.DayOf(2018, 9, 20), "b", "AFP", "2018-09-21", 0),
		MustReport(t, syrAF, &turkey, "190", model.Month(2018, 9), "c", "BBC", "2018-10-01", 0),
	}
	got := Cluster(reps)
	if len(got) != 2 {
		t.Fatalf("got %d events, want 2", len(got))
	}
	if len(got[0].Mentions) != 2 || got[0].Date != model.DayOf(2018, 9, 3) || len(got[0].Disputes) != 0 {
		t.Errorf("first event = %+v", got[0])
	}
}

func TestClusterOrderIndependent(t *testing.T) {
	reps := syntheticReports(2000, 7)
	want := ids(Cluster(reps))
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		rng.Shuffle(len(reps), func(a, b int) { reps[a], reps[b] = reps[b], reps[a] })
		if got := ids(Cluster(reps)); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffle %d: clusters differ", i)
		}
	}
	// Clustering the result again changes nothing.
	if got := ids(Cluster(Cluster(reps))); !reflect.DeepEqual(got, want) {
		t.Fatal("re-clustering merged events changed them")
	}
}

func TestClusterLaterArticleKeepsID(t *testing.T) {
	first := MustReport(t, kremlin, &trump, "120", day(3), "r-a", "Reuters", "2019-06-03", 5)
	id := Cluster([]model.Event{first})[0].ID
	later := MustReport(t, russia, &trump, "120", day(3), "r-b", "Al Jazeera", "2019-06-04", 9)
	got := Cluster([]model.Event{later, first})
	if len(got) != 1 || got[0].ID != id || got[0].Sources() != 2 {
		t.Fatalf("got %+v, want one event with id %s", got, id)
	}
}

func TestResolveDisputes(t *testing.T) {
	a := MustReport(t, syrAF, &turkey, "195", model.DayOf(2020, 2, 27), "r-a", "Reuters", "2020-02-28", 0)
	a.Mentions[0].Figures = []model.Figure{{Kind: model.FigureKilled, Value: 33, Low: 33, High: 33, Unit: "soldiers"}}
	b := MustReport(t, syrAF, &turkey, "195", model.DayOf(2020, 2, 28), "r-b", "AP", "2020-02-29", 0)
	b.Mentions[0].Figures = []model.Figure{{Kind: model.FigureKilled, Value: 22, Low: 22, High: 22, Unit: "soldiers"}}
	got := Cluster([]model.Event{a, b})
	if len(got) != 1 {
		t.Fatalf("got %d events, want 1", len(got))
	}
	e := got[0]
	if !e.Disputed() || len(e.Disputes) != 2 {
		t.Fatalf("disputes = %+v", e.Disputes)
	}
	if e.Disputes[0].Kind != model.DisputeDate || e.Date != model.Range(time.Date(2020, 2, 27, 0, 0, 0, 0, time.UTC), time.Date(2020, 2, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date dispute %+v, date %v", e.Disputes[0], e.Date)
	}
	f := e.Disputes[1]
	if f.Kind != model.DisputeFigure || len(f.Versions) != 2 || f.Versions[0].Sources[0] != "Reuters" || f.Versions[1].Value != "22 soldiers" {
		t.Errorf("figure dispute %+v", f)
	}
	if figs := e.Figures(); len(figs) != 2 || figs[1].Source != "AP" {
		t.Errorf("figures %+v", figs)
	}
}

func ids(events []model.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = fmt.Sprintf("%s:%d", e.ID, len(e.Mentions))
	}
	return out
}

// syntheticReports makes n reports among a few dozen actors over two years,
// many of them retellings of one another, as a news corpus has.
func syntheticReports(n int, seed int64) []model.Event {
	rng := rand.New(rand.NewSource(seed))
	countries := []string{"RUS", "TUR", "SYR", "USA", "UKR", "ISR", "IRN", "SDN", "YEM", "SAU", "FRA", "DEU"}
	roles := []model.Role{model.RoleGOV, model.RoleMIL, model.RoleREB, ""}
	codes := []string{"010", "020", "036", "040", "057", "111", "120", "130", "173", "190", "195", "183"}
	outlets := []string{"Reuters", "AP", "AFP", "BBC News", "Al Jazeera", "The Guardian"}
	var actors []model.Actor
	for _, c := range countries {
		for _, r := range roles {
			actors = append(actors, model.NewActor(c+string(r)+" actor", c, r))
		}
	}
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]model.Event, 0, n)
	for i := 0; i < n; i++ {
		src := actors[rng.Intn(len(actors))]
		tgt := actors[rng.Intn(len(actors))]
		when := base.AddDate(0, 0, rng.Intn(730))
		d := model.Day(when)
		if rng.Intn(10) == 0 {
			d = model.Month(when.Year(), when.Month())
		}
		pub := when.AddDate(0, 0, rng.Intn(3)).Format("2006-01-02")
		art := fmt.Sprintf("r-%06d", i/8)
		out = append(out, model.Event{Source: src, Target: &tgt, Code: codes[rng.Intn(len(codes))], Date: d,
			Mentions: []model.Mention{{ArticleID: art, Outlet: outlets[rng.Intn(len(outlets))], Published: pub, Start: i * 100, Sentence: "s"}}})
	}
	return out
}

// BenchmarkCluster100k merges 100,000 reports (12,500 articles) into events.
func BenchmarkCluster100k(b *testing.B) {
	reps := syntheticReports(100_000, 42)
	benchCluster(b, reps)
}

// TestClusterOneSentenceTwoActs: "Turkey apologised and offered to pay
// compensation" is two acts of one family; they stay two events, and a
// second outlet's report of one of them still joins one.
func TestClusterOneSentenceTwoActs(t *testing.T) {
	reps := []model.Event{
		MustReport(t, turkey, &russia, "055", day(3), "a", "AFP", "2019-06-03", 40),
		MustReport(t, turkey, &russia, "031", day(3), "a", "AFP", "2019-06-03", 40),
		MustReport(t, turkey, &russia, "031", day(3), "b", "BBC", "2019-06-03", 0),
	}
	got := Cluster(reps)
	if len(got) != 2 {
		t.Fatalf("got %d events, want 2: %+v", len(got), got)
	}
	mentions := len(got[0].Mentions) + len(got[1].Mentions)
	if mentions != 3 || (len(got[0].Mentions) != 2 && len(got[1].Mentions) != 2) {
		t.Errorf("mentions per event %d and %d, want 2 and 1", len(got[0].Mentions), len(got[1].Mentions))
	}
	for _, e := range got {
		arts := map[string]bool{}
		for _, m := range e.Mentions {
			if arts[m.ArticleID] {
				t.Errorf("event %s holds two reports of article %s's one sentence", e.ID, m.ArticleID)
			}
			arts[m.ArticleID] = true
		}
	}
}

// benchCluster times Cluster of reps and reports the events it makes.
func benchCluster(b *testing.B, reps []model.Event) {
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for i := 0; i < b.N; i++ {
		n = len(Cluster(reps))
	}
	b.ReportMetric(float64(n), "events")
}

// TestClusterSome: the events ClusterSome keeps are Cluster's own, asked
// about with Cluster's ids and report ids, and the ids it lists are all of
// Cluster's.
// A pool grown a few reports at a time, and clustered after each, makes
// what clustering all the reports given so far makes, in the order
// given: a report given twice is the first one given.
func TestPool_GrownAsAtOnce(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	// Few actors, codes and days, so that most reports meet others and
	// the order they are clustered in decides events.
	actors := []model.Actor{model.NewActor("Kremlin", "RUS", model.RoleGOV),
		model.NewActor("Kyiv", "UKR", model.RoleGOV), model.NewActor("rebels", "SYR", model.RoleREB)}
	codes := []string{"190", "195", "111", "036"}
	base := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)
	var all []model.Event
	for _, r := range syntheticReports(600, 7) {
		r.Source, r.Target = actors[rng.Intn(3)], &actors[rng.Intn(3)]
		r.Code = codes[rng.Intn(len(codes))]
		switch when := base.AddDate(0, 0, rng.Intn(20)); rng.Intn(6) {
		case 0:
			r.Date = model.Month(when.Year(), when.Month())
		case 1:
			r.Date = model.Year(when.Year())
		default:
			r.Date = model.Day(when)
		}
		all = append(all, r)
		if rng.Intn(10) == 0 {
			// The same report again (same id), told otherwise.
			again := r
			again.Mentions = []model.Mention{r.Mentions[0]}
			again.Mentions[0].Sentence = "Told again: " + again.Mentions[0].Sentence
			all = append(all, again)
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	p := Default.NewPool()
	given := 0
	for given < len(all) {
		n := min(len(all)-given, 1+rng.Intn(120))
		p.Add(all[given : given+n])
		given += n
		got, _ := p.ClusterSome(nil)
		if want := Cluster(all[:given]); !reflect.DeepEqual(got, want) {
			t.Fatalf("after %d reports, the pool made %d events, Cluster %d (or they differ)", given, len(got), len(want))
		}
	}
	if p.Len() == len(all) {
		t.Fatal("no report given twice: the test checks too little")
	}
}

func TestClusterSome(t *testing.T) {
	var reps []model.Event
	for i, r := range syntheticReports(1000, 5) {
		reps = append(reps, r)
		// A retelling a day later in another article, which makes a
		// date dispute of a strike and one of two days of a statement.
		again := r
		again.Mentions = []model.Mention{r.Mentions[0]}
		again.Mentions[0].ArticleID, again.Mentions[0].Start = fmt.Sprintf("again-%d", i), 0
		if !r.Date.IsZero() && r.Date.Precision == model.PrecisionDay {
			again.Date = model.Day(r.Date.Start.AddDate(0, 0, 1))
			again.Mentions[0].Published = r.Date.Start.AddDate(0, 0, 3).Format("2006-01-02")
		}
		reps = append(reps, again)
	}
	want := map[string]model.Event{}
	for _, e := range Cluster(reps) {
		want[e.ID] = e
	}
	asked := 0
	picked := func(id string) bool { return id[len(id)-1]%2 == 0 }
	kept, ids := Default.ClusterSome(reps, func(id string, reports []string) bool {
		asked++
		w, ok := want[id]
		if !ok {
			t.Fatalf("asked about event %s, which is not one of Cluster's", id)
		}
		got := append([]string(nil), reports...)
		sort.Strings(got)
		if !reflect.DeepEqual(got, reportSet(w)) {
			t.Fatalf("asked about event %s with reports %v, Cluster gave it %v", id, got, reportSet(w))
		}
		return picked(id)
	})
	for _, e := range kept {
		if !picked(e.ID) {
			t.Fatalf("event %s kept, though not picked", e.ID)
		}
		if w := want[e.ID]; !reflect.DeepEqual(e, w) {
			t.Fatalf("kept event %s = %+v, Cluster made %+v", e.ID, e, w)
		}
	}
	all := map[string]bool{}
	for _, id := range ids {
		all[id] = true
	}
	if len(all) != len(want) || len(ids) != len(want) || asked != len(want) {
		t.Fatalf("%d ids (%d distinct) and %d asked of Cluster's %d events", len(ids), len(all), asked, len(want))
	}
	for id := range want {
		if !all[id] {
			t.Fatalf("event %s is not listed", id)
		}
	}
	if len(kept) == 0 || len(kept) == len(want) {
		t.Fatalf("kept %d of %d events: the test checks too little", len(kept), len(want))
	}
	var order []model.Event
	for _, e := range Cluster(reps) {
		if picked(e.ID) {
			order = append(order, e)
		}
	}
	if !reflect.DeepEqual(kept, order) {
		t.Fatal("the events kept are not in Cluster's order")
	}
}

// TestMentionReportID: the id worked out from an event's mention is the
// id of the report Reports makes of it, for mentions with and without a
// coding of their own.
func TestMentionReportID(t *testing.T) {
	events := Cluster(syntheticReports(3000, 9))
	own := 0
	for _, e := range events {
		reps := Reports([]model.Event{e})
		for i := range e.Mentions {
			if e.Mentions[i].Code != "" && e.Mentions[i].Code != e.Code {
				own++
			}
			if got, want := MentionReportID(&e, &e.Mentions[i]), ReportID(reps[i]); got != want {
				t.Fatalf("event %s mention %d: MentionReportID %s, ReportID %s", e.ID, i, got, want)
			}
		}
	}
	if own == 0 {
		t.Fatal("no mention coded apart from its event: the test checks too little")
	}
}

// TestFiguresConflictAsEveryPair: comparing the distinct figures decides
// as comparing every pair of them did, malformed ranges included.
func TestFiguresConflictAsEveryPair(t *testing.T) {
	everyPair := func(fs []sourced) bool {
		for i := range fs {
			for j := i + 1; j < len(fs); j++ {
				if fs[i].src != fs[j].src && !fs[i].f.Agrees(fs[j].f) {
					return true
				}
			}
		}
		return false
	}
	rng := rand.New(rand.NewSource(31))
	units := []string{"people", "soldiers", "USD", "tonnes"}
	draw := func() []sourced {
		var fs []sourced
		for range 1 + rng.Intn(7) {
			low := float64(rng.Intn(4) * 10)
			high := low + float64(rng.Intn(3)*10)
			if rng.Intn(10) == 0 {
				high = low - 5 // malformed: agrees with nothing that reaches below it
			}
			if rng.Intn(5) == 0 {
				high = 0 // no upper bound
			}
			f := model.Figure{Kind: model.FigureKilled, Value: low, Low: low, High: high, Unit: units[rng.Intn(len(units))]}
			fs = append(fs, sourced{f, fmt.Sprint("src ", rng.Intn(3))})
		}
		return fs
	}
	mustDecideAsEveryPair(t, "figuresConflict", draw, figuresConflict, everyPair)
}
