package merge

import (
	"encoding/binary"
	"hash/maphash"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Rule holds the tunable parts of the merge rule.
type Rule struct {
	// DayTolerance is how many days apart two day-precision reports from
	// different articles may be and still be one event. One day covers
	// time zones and "overnight" or "late on Thursday" told the next day.
	DayTolerance int
}

// Default is the rule the store uses.
var Default = Rule{DayTolerance: 1}

// families groups CAMEO roots that coders use for the same act. The pairs
// follow the guidelines: every appeal (02) may also be coded a demand (10);
// "agreed to" is intent (03) in one outlet and an agreement (05) in
// another; an air strike is an assault (18) or a use of force (19).
var families = map[string]string{
	"02": "02/10", "10": "02/10",
	"03": "03/05", "05": "03/05",
	"18": "18/19", "19": "18/19",
}

// Family returns the merge family of a CAMEO code: its root, or the pair
// of roots it shares with a closely related one.
func Family(code string) string {
	r := model.RootOf(code)
	if f, ok := families[r]; ok {
		return f
	}
	return r
}

// symmetric lists the codes whose source and target are interchangeable:
// talks, meetings, negotiations, deals, cooperation, truces and clashes,
// which outlets tell from either side.
var symmetric = map[string]bool{
	"04": true, "040": true, "041": true, "044": true, "046": true,
	"05": true, "050": true, "057": true,
	"06": true, "060": true, "061": true, "062": true, "063": true, "064": true,
	"087": true, "0871": true,
	"19": true, "190": true, "193": true, "194": true,
}

// Symmetric reports whether the code names an act without a direction.
func Symmetric(code string) bool { return symmetric[code] }

// Compatible reports whether reports a and b may be the same event under
// rule r. Each is a report: an event with one mention.
func (r Rule) Compatible(a, b model.Event) bool {
	ka, kb := keysOf(&a), keysOf(&b)
	return r.compatible(&ka, &kb) && !sameSentence(&ka, &kb)
}

// sameSentence reports whether two reports come from one sentence of one
// article, which makes them two acts (see [sentence]).
func sameSentence(a, b *keys) bool {
	if !a.mentioned || !b.mentioned {
		return false
	}
	x, y := &a.ev.Mentions[0], &b.ev.Mentions[0]
	return x.Start == y.Start && x.ArticleID == y.ArticleID
}

// keys is what [Rule.Compatible] and [Rule.otherHand] ask of a report,
// worked out once: the family and CAMEO lookups and the date bounds cost
// more than the comparisons, and [Rule.Cluster] compares each report with
// many others.
type keys struct {
	ev        *model.Event
	family    string
	venue     bool // venueOrSubject
	material  bool // QuadClass 2 or 4 (see tolerant)
	symmetric bool
	blame     bool // one of blameFamilies
	mentioned bool // has a mention, whose publication day is published
	published string
	// slackPub is published where it decides anything: only two day
	// reports of material acts may differ by the tolerance, and only
	// when published on different days (tolerant). Elsewhere it is
	// empty, so that the retellings of a statement or of a vague date
	// over the months (an agreement "signed on 1 January 2018", a war
	// "in 2013") are of one kind, however many days they were told on.
	slackPub    string
	zero, day   bool // undated; dated to the day
	first, last time.Time
	// kind hashes what sameKind compares, so that telling kinds apart
	// (an event's kinds are looked through for every report it takes)
	// mostly costs one comparison.
	kind uint64
}

func keysOf(e *model.Event) keys {
	k := keys{ev: e, family: Family(e.Code), symmetric: Symmetric(e.Code),
		zero: e.Date.IsZero(), day: e.Date.Precision == model.PrecisionDay}
	q := e.CAMEO().Quad
	k.venue = k.symmetric && q == 1
	k.material = q == 2 || q == 4
	k.blame = blameFamilies[k.family]
	if len(e.Mentions) > 0 {
		k.mentioned, k.published = true, e.Mentions[0].Published
	}
	k.first, k.last = e.Date.First(), e.Date.Last()
	if k.day && k.material {
		k.slackPub = k.published
	}
	k.kind = kindHash(&k)
	return k
}

var kindSeed = maphash.MakeSeed()

// kindHash hashes the fields sameKind compares.
func kindHash(k *keys) uint64 {
	var h maphash.Hash
	h.SetSeed(kindSeed)
	e := k.ev
	for _, s := range [...]string{e.Code, e.Location, k.slackPub, string(e.Date.Precision)} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	flags := byte(0)
	if k.mentioned {
		flags |= 1
	}
	if k.zero {
		flags |= 2
	}
	if e.Target != nil {
		flags |= 4
	}
	h.WriteByte(flags)
	var n [24]byte // the instants, as Equal compares them
	binary.LittleEndian.PutUint64(n[:8], uint64(k.first.Unix()))
	binary.LittleEndian.PutUint64(n[8:], uint64(k.last.Unix()))
	binary.LittleEndian.PutUint32(n[16:], uint32(k.first.Nanosecond()))
	binary.LittleEndian.PutUint32(n[20:], uint32(k.last.Nanosecond()))
	h.Write(n[:])
	for _, a := range [...]*model.Actor{&e.Source, e.Target} {
		if a == nil {
			continue
		}
		for _, s := range [...]string{a.ID, a.Country, a.Code, string(a.Role)} {
			h.WriteString(s)
			h.WriteByte(0)
		}
	}
	return h.Sum64()
}

// compatible is [Rule.Compatible] on precomputed keys.
func (r Rule) compatible(a, b *keys) bool {
	if a.family != b.family {
		return false
	}
	if !placesMatch(a.ev.Location, b.ev.Location) && !(a.venue && b.venue) {
		return false
	}
	if !r.datesMatch(a, b, tolerant(a, b)) {
		return false
	}
	if actorsMatch(&a.ev.Source, &b.ev.Source) && actorsMatch(a.ev.Target, b.ev.Target) {
		return true
	}
	return a.symmetric && b.symmetric && b.ev.Target != nil && a.ev.Target != nil &&
		actorsMatch(&a.ev.Source, b.ev.Target) && actorsMatch(a.ev.Target, &b.ev.Source)
}

// sameKind reports whether a and b are alike in everything compatible
// and otherHand read, so that every report is compatible with both or
// with neither (and likewise another hand of both or of neither).
func sameKind(a, b *keys) bool {
	return a.kind == b.kind && sameKindFields(a, b)
}

// sameKindFields is sameKind without the hash.
func sameKindFields(a, b *keys) bool {
	x, y := a.ev, b.ev
	return x.Code == y.Code && x.Location == y.Location &&
		a.mentioned == b.mentioned && a.slackPub == b.slackPub &&
		x.Date.Precision == y.Date.Precision && a.zero == b.zero &&
		a.first.Equal(b.first) && a.last.Equal(b.last) &&
		sameActor(&x.Source, &y.Source) && sameActor(x.Target, y.Target)
}

// sameActor compares what actorsMatch reads of an actor.
func sameActor(a, b *model.Actor) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.ID == b.ID && a.Country == b.Country && a.Code == b.Code && a.Role == b.Role
}

// Compatible is [Rule.Compatible] under the [Default] rule.
func Compatible(a, b model.Event) bool { return Default.Compatible(a, b) }

// actorsMatch compares actors at the code level (see the package doc).
func actorsMatch(a, b *model.Actor) bool {
	switch {
	case a == nil || b == nil:
		return a == nil && b == nil
	case a.Country == model.CountryIGO || b.Country == model.CountryIGO || a.Code == "" || b.Code == "":
		return a.ID == b.ID
	case a.Code == b.Code:
		return true
	}
	return a.Country == b.Country && (a.Role == model.RoleNone || b.Role == model.RoleNone)
}

// venueOrSubject (keys.venue) says whether the place of a report may be
// where the parties met as well as what they settled: talks and deals
// between two parties (symmetric verbal cooperation), which one outlet
// places where they were sealed ("at talks in Moscow") and another where
// they apply ("a ceasefire in Idlib"). For these the place does not tell
// two reports apart; for every other act it does.

func placesMatch(a, b string) bool {
	return a == "" || b == "" || a == b || strings.EqualFold(a, b)
}

// datesMatch: unknown dates only match unknown dates; two days may differ
// by the tolerance across articles; otherwise the dates must share a day.
func (r Rule) datesMatch(a, b *keys, slack bool) bool {
	if a.zero || b.zero {
		return a.zero && b.zero
	}
	if a.day && b.day && slack {
		return absDays(a.ev.Date, b.ev.Date) <= r.DayTolerance
	}
	return !a.last.Before(b.first) && !b.last.Before(a.first) // Date.Overlaps
}

// tolerant reports whether two reports may differ by DayTolerance days:
// material acts (strikes, aid, arrests: QuadClass 2 and 4), whose timing
// outlets learn after the fact ("overnight", "late on Thursday", another
// time zone), told in articles published on different days. A statement
// is dated by the reporting itself, and one article's two days are two
// events.
func tolerant(a, b *keys) bool {
	if !a.mentioned || !b.mentioned || a.published == b.published {
		return false
	}
	return a.material && b.material
}

func absDays(a, b model.Date) int {
	d := int(a.Start.Sub(b.Start).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// bucketPair is the unordered pair of countries of a report: with its
// family, where [Cluster] looks for its possible partners. Compatible
// reports always share a bucket, since actors that match share a country.
func bucketPair(e *model.Event) string {
	a, b := country(&e.Source), country(e.Target)
	if b < a {
		a, b = b, a
	}
	return a + "|" + b
}

// Country is the key a store indexes a report's actors by: every report a
// report may merge with shares its family and one of these keys (its
// source's and its target's; "-" for no target).
func Country(a *model.Actor) string { return country(a) }

func country(a *model.Actor) string {
	switch {
	case a == nil:
		return "-"
	case a.Country != "":
		return a.Country
	}
	return "id:" + a.ID
}
