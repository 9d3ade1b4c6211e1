package merge

import (
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// The rule as it was written before keys were precomputed, pair by pair
// on whole events: the reference the precomputed rule must agree with.

func refCompatible(r Rule, a, b model.Event) bool {
	if Family(a.Code) != Family(b.Code) {
		return false
	}
	refVenue := func(e model.Event) bool { return Symmetric(e.Code) && e.CAMEO().Quad == 1 }
	if !(a.Location == "" || b.Location == "" || strings.EqualFold(a.Location, b.Location)) && !(refVenue(a) && refVenue(b)) {
		return false
	}
	if !refDatesMatch(r, a.Date, b.Date, refTolerant(a, b)) {
		return false
	}
	if actorsMatch(&a.Source, &b.Source) && actorsMatch(a.Target, b.Target) {
		return true
	}
	return Symmetric(a.Code) && Symmetric(b.Code) && b.Target != nil && a.Target != nil &&
		actorsMatch(&a.Source, b.Target) && actorsMatch(a.Target, &b.Source)
}

// refSameSentence: two reports of one sentence are two acts.
func refSameSentence(a, b model.Event) bool {
	return len(a.Mentions) > 0 && len(b.Mentions) > 0 &&
		a.Mentions[0].ArticleID == b.Mentions[0].ArticleID && a.Mentions[0].Start == b.Mentions[0].Start
}

func refOtherHand(r Rule, a, b model.Event) bool {
	return blameFamilies[Family(a.Code)] && Family(a.Code) == Family(b.Code) &&
		a.Target != nil && b.Target != nil && actorsMatch(a.Target, b.Target) &&
		a.Location != "" && strings.EqualFold(a.Location, b.Location) &&
		a.Date.Precision == model.PrecisionDay && b.Date.Precision == model.PrecisionDay && !a.Date.IsZero() && !b.Date.IsZero() &&
		refDatesMatch(r, a.Date, b.Date, refTolerant(a, b))
}

func refDatesMatch(r Rule, a, b model.Date, slack bool) bool {
	if a.IsZero() || b.IsZero() {
		return a.IsZero() && b.IsZero()
	}
	if a.Precision == model.PrecisionDay && b.Precision == model.PrecisionDay && slack {
		return absDays(a, b) <= r.DayTolerance
	}
	return a.Overlaps(b)
}

func refTolerant(a, b model.Event) bool {
	if len(a.Mentions) == 0 || len(b.Mentions) == 0 || a.Mentions[0].Published == b.Mentions[0].Published {
		return false
	}
	qa, qb := a.CAMEO().Quad, b.CAMEO().Quad
	return (qa == 2 || qa == 4) && (qb == 2 || qb == 4)
}

// randomReport draws a report from small pools, so that random pairs are
// often alike, often compatible and often one field apart.
func randomReport(rng *rand.Rand) model.Event {
	actors := []model.Actor{
		model.NewActor("Zembla army", "ZMB", model.RoleMIL), model.NewActor("Zembla", "ZMB", model.RoleGOV),
		model.NewActor("Zemblans", "ZMB", ""), model.NewActor("Ruritania", "RUR", model.RoleGOV),
		model.NewActor("Ruritanian rebels", "RUR", model.RoleREB), model.NewActor("League of States", "IGO", model.RoleIGO),
		model.NewActor("Council of Towns", "IGO", model.RoleIGO), {ID: "a-nameless", Name: "a militia"},
	}
	codes := []string{"010", "020", "100", "036", "040", "057", "050", "120", "173", "183", "190", "193", "195", "0871", "042", "9"}
	places := []string{"", "", "Ostrava", "ostrava", "Lindau", "Kelvin \u212a"}
	pubs := []string{"", "2021-03-01", "2021-03-02", "2021-03-03"}
	base := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	var d model.Date
	switch rng.Intn(6) {
	case 0:
		// undated
	case 1:
		d = model.Month(2021, time.Month(2+rng.Intn(3)))
	case 2:
		d = model.Range(base.AddDate(0, 0, rng.Intn(4)), base.AddDate(0, 0, rng.Intn(6)))
	case 3:
		d = model.Date{Start: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionYear}
	default:
		d = model.Day(base.AddDate(0, 0, rng.Intn(4)))
	}
	e := model.Event{Source: actors[rng.Intn(len(actors))], Code: codes[rng.Intn(len(codes))], Date: d,
		Location: places[rng.Intn(len(places))]}
	if rng.Intn(5) > 0 {
		t := actors[rng.Intn(len(actors))]
		e.Target = &t
	}
	if rng.Intn(10) > 0 {
		e.Mentions = []model.Mention{{ArticleID: "art", Published: pubs[rng.Intn(len(pubs))], Sentence: "x"}}
	}
	return e
}

// vary returns e with one field drawn afresh.
func vary(rng *rand.Rand, e model.Event) model.Event {
	d := randomReport(rng)
	switch rng.Intn(6) {
	case 0:
		e.Mentions = d.Mentions
	case 1:
		e.Location = d.Location
	case 2:
		e.Date = d.Date
	case 3:
		e.Target = d.Target
	case 4:
		e.Code = d.Code
	default:
		e.Source = d.Source
	}
	return e
}

// TestCompatibleMatchesReference checks the precomputed rule against the
// pairwise one on random reports, under two tolerances.
func TestCompatibleMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	agree := 0
	for _, r := range []Rule{Default, {DayTolerance: 0}, {DayTolerance: 2}} {
		for i := 0; i < 20_000; i++ {
			a, b := randomReport(rng), randomReport(rng)
			ka, kb := keysOf(&a), keysOf(&b)
			if got, want := r.compatible(&ka, &kb), refCompatible(r, a, b); got != want {
				t.Fatalf("compatible(%+v, %+v) = %v, reference %v", a, b, got, want)
			} else if want {
				agree++
			}
			if got, want := r.otherHand(&ka, &kb), refOtherHand(r, a, b); got != want {
				t.Fatalf("otherHand(%+v, %+v) = %v, reference %v", a, b, got, want)
			}
			if got, want := r.Compatible(a, b), refCompatible(r, a, b) && !refSameSentence(a, b); got != want {
				t.Fatalf("Compatible(%+v, %+v) = %v, reference %v", a, b, got, want)
			}
		}
	}
	if agree == 0 {
		t.Fatal("no compatible pair drawn: the test compares nothing")
	}
}

// TestSameKindDecidesAlike checks what Cluster relies on when it compares
// a report with one member of each kind only: reports of one kind are
// compatible (and of another hand) with the same reports, either way round.
func TestSameKindDecidesAlike(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	alike := 0
	for i := 0; i < 60_000; i++ {
		a, b, c := randomReport(rng), randomReport(rng), randomReport(rng)
		if rng.Intn(2) == 0 {
			// b as a retelling of a: what sameKind ignores may differ.
			b = a
			b.Source.Name = "another name"
			if a.Mentions != nil {
				b.Mentions = []model.Mention{a.Mentions[0]}
				b.Mentions[0].ArticleID, b.Mentions[0].Sentence = "other", "They denied it."
			}
			// and at times one field that sameKind must not ignore
			if rng.Intn(4) > 0 {
				b = vary(rng, b)
			}
			c = vary(rng, vary(rng, a)) // near both, so that decisions are close
		}
		ka, kb, kc := keysOf(&a), keysOf(&b), keysOf(&c)
		if !sameKind(&ka, &kb) {
			continue
		}
		alike++
		for _, r := range []Rule{Default, {DayTolerance: 3}} {
			if r.compatible(&kc, &ka) != r.compatible(&kc, &kb) || r.compatible(&ka, &kc) != r.compatible(&kb, &kc) {
				t.Fatalf("%+v and %+v are of one kind but not compatible alike with %+v", a, b, c)
			}
			if r.otherHand(&kc, &ka) != r.otherHand(&kc, &kb) || r.otherHand(&ka, &kc) != r.otherHand(&kb, &kc) {
				t.Fatalf("%+v and %+v are of one kind but not another hand alike of %+v", a, b, c)
			}
		}
	}
	if alike == 0 {
		t.Fatal("no pair of one kind drawn: the test compares nothing")
	}
}

// TestClusterKindsMatchMembers clusters random reports and checks every
// event against complete linkage on its members pairwise: what
// comparing kinds alone must still guarantee.
func TestClusterKindsMatchMembers(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var in []model.Event
	for i := 0; i < 3000; i++ {
		e := randomReport(rng)
		e.Mentions = []model.Mention{{ArticleID: "a" + string(rune('a'+i%26)), Start: i, Published: "2021-03-0" + string(rune('1'+rng.Intn(3))), Sentence: "x"}}
		in = append(in, e)
	}
	for _, ev := range Cluster(in) {
		reps := Reports([]model.Event{ev})
		for i := range reps {
			for j := range reps {
				if i != j && !refCompatible(Default, reps[i], reps[j]) && !refOtherHand(Default, reps[i], reps[j]) {
					t.Fatalf("event %s holds reports %+v and %+v that are not one act", ev.ID, reps[i], reps[j])
				}
			}
		}
	}
}

// TestKindShortcuts checks what lets Cluster skip comparisons: the kind
// hash never tells apart reports of one kind, and compatible is
// symmetric and holds of every report with itself, so a report of one of
// an event's kinds is compatible with all of them (fitsAll).
func TestKindShortcuts(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	alike, compatible := 0, 0
	for i := 0; i < 60_000; i++ {
		a, b := randomReport(rng), randomReport(rng)
		if rng.Intn(2) == 0 {
			b = a
			b.Source.Name = "another name"
			if rng.Intn(3) == 0 {
				b = vary(rng, b)
			}
		}
		ka, kb := keysOf(&a), keysOf(&b)
		if sameKindFields(&ka, &kb) {
			alike++
			if ka.kind != kb.kind {
				t.Fatalf("%+v and %+v are of one kind with hashes %x and %x", a, b, ka.kind, kb.kind)
			}
		}
		for _, r := range []Rule{Default, {DayTolerance: 0}, {DayTolerance: 3}} {
			if !r.compatible(&ka, &ka) {
				t.Fatalf("%+v is not compatible with itself", a)
			}
			if ab := r.compatible(&ka, &kb); ab != r.compatible(&kb, &ka) {
				t.Fatalf("compatible(%+v, %+v) = %v but not the other way round", a, b, ab)
			} else if ab {
				compatible++
			}
		}
	}
	if alike == 0 || compatible == 0 {
		t.Fatalf("%d pairs of one kind and %d compatible pairs drawn: the test compares too little", alike, compatible)
	}
}

// TestMayMeetKeepsEveryMeeting checks what lets a store leave out the
// reports of a bucket that MayMeet rules out: every pair of one family
// that is compatible, or another hand's either way, may meet, whichever
// is the probe; and it rules out enough pairs to be worth asking.
func TestMayMeetKeepsEveryMeeting(t *testing.T) {
	rng := rand.New(rand.NewSource(23))
	pairs, ruledOut := 0, 0
	for i := 0; i < 200_000; i++ {
		a, b := randomReport(rng), randomReport(rng)
		if rng.Intn(2) == 0 {
			b = vary(rng, a)
		}
		if Family(a.Code) != Family(b.Code) {
			continue
		}
		pairs++
		for _, r := range []Rule{Default, {DayTolerance: 0}, {DayTolerance: 3}} {
			met := refCompatible(r, a, b) || refOtherHand(r, a, b) || refOtherHand(r, b, a)
			pa, pb := NewProbe(&a), NewProbe(&b)
			ab, ba := pa.MayMeet(b.Code, b.Location, &b.Source, b.Target), pb.MayMeet(a.Code, a.Location, &a.Source, a.Target)
			if met && (!ab || !ba) {
				t.Fatalf("%+v and %+v meet, yet MayMeet says %v and %v", a, b, ab, ba)
			}
			if !ab && r == Default {
				ruledOut++
			}
		}
	}
	t.Logf("%d of %d pairs of one family ruled out", ruledOut, pairs)
	if ruledOut < pairs/10 {
		t.Fatalf("MayMeet ruled out %d of %d pairs: it spares a store nothing", ruledOut, pairs)
	}
}
