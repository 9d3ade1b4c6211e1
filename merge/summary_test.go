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

// world is what sets small worlds apart: a blame word in one sentence of
// cue, and whether it is crowded: two actors, three codes, two days and
// three places, so that many events that differ only in place have
// anchors of one key (Cluster then derives their ids).
type world struct {
	cue     int
	crowded bool
}

// denseArticle is one article of a small world where reports often meet:
// few actors, codes, days and places, dates of every precision.
func denseArticle(tb testing.TB, rng *rand.Rand, art int, w world) []model.Event {
	actors := []model.Actor{kremlin, russia, trump, turkey, syrAF, un}
	codes := []string{"120", "111", "190", "195", "183", "057", "042", "173"}
	places := []string{"", "", "Idlib", "idlib", "Aleppo"}
	sentences := []string{"Jets struck.", "Talks went on."}
	dates := []model.Date{day(2), day(3), day(3), day(4), day(5), model.Month(2019, 6), model.Date{},
		model.Range(time.Date(2019, 6, 3, 0, 0, 0, 0, time.UTC), time.Date(2019, 6, 6, 0, 0, 0, 0, time.UTC))}
	if w.crowded {
		actors, codes, places, dates = actors[:2], codes[:3], []string{"Idlib", "Aleppo", "Homs"}, dates[1:4]
	}
	pub := fmt.Sprintf("2019-06-%02d", 3+rng.Intn(3))
	if rng.Intn(10) == 0 {
		pub = ""
	}
	id := fmt.Sprintf("r-%04d", art)
	var out []model.Event
	for j := range 1 + rng.Intn(4) {
		var tgt *model.Actor
		if rng.Intn(5) > 0 {
			t := actors[rng.Intn(len(actors))]
			tgt = &t
		}
		e := MustReport(tb, actors[rng.Intn(len(actors))], tgt, codes[rng.Intn(len(codes))], dates[rng.Intn(len(dates))],
			id, "X", pub, 40*j)
		e.Location = places[rng.Intn(len(places))]
		e.Mentions[0].Sentence = sentences[rng.Intn(len(sentences))]
		if rng.Intn(w.cue) == 0 {
			e.Mentions[0].Sentence = "The army denied the strike."
		}
		e.Mentions[0].Path = fmt.Sprintf("p/%03d", rng.Intn(1000))
		out = append(out, e)
	}
	if rng.Intn(20) == 0 { // one sentence, two acts
		twin := out[0]
		twin.Code = "111"
		twin.Mentions = append([]model.Mention(nil), twin.Mentions...)
		out = append(out, twin)
	}
	return out
}

// reportSet is the ids of an event's reports, sorted.
func reportSet(e model.Event) []string {
	var ids []string
	for _, r := range Reports([]model.Event{e}) {
		ids = append(ids, ReportID(r))
	}
	sort.Strings(ids)
	return ids
}

// Add must place an article's reports exactly as clustering everything
// again does, whenever it does not decline; and it must not decline so
// often that the check means nothing.
func TestAdd_SameAsCluster(t *testing.T) {
	for _, onlyMet := range []bool{false, true} {
		t.Run(fmt.Sprint("only events met: ", onlyMet), func(t *testing.T) { testAddSameAsCluster(t, onlyMet) })
	}
}

// testAddSameAsCluster is TestAdd_SameAsCluster, giving Add every stored
// event or (onlyMet) those a store filtering by [Probe.MayMeet] gives.
func testAddSameAsCluster(t *testing.T, onlyMet bool) {
	placed, declined, contested, replaced, derived := 0, 0, 0, 0, 0
	for seed := range int64(1500) {
		rng := rand.New(rand.NewSource(seed))
		// Blame words in a third of the sentences, or rarely: most events
		// of blame acts then have none, and Add checks them (mayJoin).
		w := world{cue: []int{3, 12, 60}[seed%3], crowded: seed%4 == 3}
		var stored []model.Event
		for art := range 5 + rng.Intn(60) {
			stored = append(stored, denseArticle(t, rng, art, w)...)
		}
		news := denseArticle(t, rng, 9999, world{cue: 3, crowded: w.crowded}) // often giving an event its first blame word
		out, ok := mustAddAsClusterGiven(t, fmt.Sprintf("seed %d", seed), stored, news, onlyMet)
		if !ok {
			declined++
			continue
		}
		placed++
		for _, p := range out {
			if p.Summary.contested {
				contested++
			}
			if p.Summary.ID != p.Summary.natural {
				derived++
			}
			if p.Replaces != "" {
				replaced++
			}
		}
	}
	t.Logf("placed %d declined %d, %d events of blame acts placed, %d with a new id, %d with a derived id", placed, declined, contested, replaced, derived)
	if placed < 10 || declined < 2 || contested < 2 || replaced < 2 || derived < 2 {
		t.Errorf("placed %d (%d events of blame acts, %d with a new id, %d with a derived id), declined %d: the check exercises too little",
			placed, contested, replaced, derived, declined)
	}
}

func sameSummary(a, b *Summary) bool {
	ids := func(rs []*report) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.id)
		}
		sort.Strings(out)
		return out
	}
	located := func(s *Summary) string {
		if s.located == nil {
			return ""
		}
		return s.located.id
	}
	return a.ID == b.ID && a.bucket == b.bucket && a.seed.id == b.seed.id && a.anchor.id == b.anchor.id &&
		located(a) == located(b) && a.articles == b.articles && a.natural == b.natural &&
		a.contested == b.contested && a.mixed == b.mixed && a.joined == b.joined && a.cue == b.cue &&
		a.first.Equal(b.first) && a.last.Equal(b.last) && reflect.DeepEqual(ids(a.kinds), ids(b.kinds))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
