package merge

import (
	"strings"

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
	if Family(a.Code) != Family(b.Code) {
		return false
	}
	if !placesMatch(a.Location, b.Location) && !(venueOrSubject(a) && venueOrSubject(b)) {
		return false
	}
	if !r.datesMatch(a.Date, b.Date, tolerant(a, b)) {
		return false
	}
	if actorsMatch(&a.Source, &b.Source) && actorsMatch(a.Target, b.Target) {
		return true
	}
	return Symmetric(a.Code) && Symmetric(b.Code) && b.Target != nil && a.Target != nil &&
		actorsMatch(&a.Source, b.Target) && actorsMatch(a.Target, &b.Source)
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

// venueOrSubject reports whether the place of report r may be where the
// parties met as well as what they settled: talks and deals between two
// parties (symmetric verbal cooperation), which one outlet places where
// they were sealed ("at talks in Moscow") and another where they apply ("a
// ceasefire in Idlib"). For these the place does not tell two reports
// apart; for every other act it does.
func venueOrSubject(r model.Event) bool {
	return Symmetric(r.Code) && r.CAMEO().Quad == 1
}

func placesMatch(a, b string) bool {
	return a == "" || b == "" || strings.EqualFold(a, b)
}

// datesMatch: unknown dates only match unknown dates; two days may differ
// by the tolerance across articles; otherwise the dates must share a day.
func (r Rule) datesMatch(a, b model.Date, slack bool) bool {
	if a.IsZero() || b.IsZero() {
		return a.IsZero() && b.IsZero()
	}
	if a.Precision == model.PrecisionDay && b.Precision == model.PrecisionDay && slack {
		return absDays(a, b) <= r.DayTolerance
	}
	return a.Overlaps(b)
}

// tolerant reports whether two reports may differ by DayTolerance days:
// material acts (strikes, aid, arrests: QuadClass 2 and 4), whose timing
// outlets learn after the fact ("overnight", "late on Thursday", another
// time zone), told in articles published on different days. A statement
// is dated by the reporting itself, and one article's two days are two
// events.
func tolerant(a, b model.Event) bool {
	if len(a.Mentions) == 0 || len(b.Mentions) == 0 || a.Mentions[0].Published == b.Mentions[0].Published {
		return false
	}
	qa, qb := a.CAMEO().Quad, b.CAMEO().Quad
	return (qa == 2 || qa == 4) && (qb == 2 || qb == 4)
}

func absDays(a, b model.Date) int {
	d := int(a.Start.Sub(b.Start).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// bucket is where [Cluster] looks for a report's possible partners: its
// family and its unordered pair of countries. Compatible reports always
// share a bucket, since actors that match share a country.
func bucket(e model.Event) string {
	a, b := country(&e.Source), country(e.Target)
	if b < a {
		a, b = b, a
	}
	return Family(e.Code) + "|" + a + "|" + b
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
