package merge

import (
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// Which stored reports can matter to a new one. Clustering lets two
// reports meet only when they are compatible ([Rule.Compatible]) or
// another hand's ([Rule.otherHand]), and naming (see names) only when
// their own ids ([model.Event.SetID]) are one. A store that looks up the
// reports of a new report's bucket and days, where a crowded bucket holds
// hundreds of events a day in a large store, need only keep those of
// which [Probe.MayMeet] holds or whose own id is the new report's:
// [Rule.Add] and [Rule.Cluster] decide alike with the rest left out (see
// Add). The days are left to the store's lookup; MayMeet reads the rest
// of the coding.

// Probe is a report as [Probe.MayMeet] compares others with it.
type Probe struct {
	location       string
	source, target *model.Actor
	symmetric      bool
	otherHand      bool // may be another hand's: a blame act with a victim and a place
}

// NewProbe is the probe of report r, which must outlive it.
func NewProbe(r *model.Event) Probe {
	return Probe{location: r.Location, source: &r.Source, target: r.Target, symmetric: Symmetric(r.Code),
		otherHand: r.Target != nil && r.Location != "" && blameFamilies[Family(r.Code)]}
}

// MayMeet reports whether a report of the probe's merge family with this
// code, place and actors may be compatible with the probe's report, or
// another hand's, should their days meet: false only when the places or
// the actors rule out both. It is cheap enough to ask of every report of
// a crowded bucket.
func (p *Probe) MayMeet(code, location string, source, target *model.Actor) bool {
	places := placesMatch(p.location, location)
	if !places && !(p.symmetric && Symmetric(code)) { // only talks and deals leave the place out
		return false
	}
	if actorsMatch(p.target, target) {
		if actorsMatch(p.source, source) {
			return true
		}
		// Another hand: one victim, one named place, any perpetrator.
		if p.otherHand && strings.EqualFold(p.location, location) {
			return true
		}
	}
	// The pair told from the other side.
	return p.symmetric && p.target != nil && target != nil &&
		actorsMatch(p.source, target) && actorsMatch(p.target, source) && Symmetric(code)
}
