// Package actor finds the political actors named in a sentence: states and
// their organs, metonyms such as "Kremlin", people in dated roles, armed
// groups, international bodies and generic agents, from embedded data files
// that a user file can extend.
package actor

import (
	"github.com/eventgraph/eventgraph/model"
)

// Kind says how a mention names its actor; event coding uses it to decide,
// for instance, that a bare adjective ("Russian") needs a head noun to act.
type Kind string

// The kinds of actor mention.
const (
	KindState     Kind = "state"     // "Russia", "Syria", "the United States"
	KindAdjective Kind = "adjective" // "Russian", "Syrian" standing alone before a non-agent noun
	KindMetonym   Kind = "metonym"   // "Kremlin", "White House", "Ankara", "Moscow"
	KindPerson    Kind = "person"    // "Donald Trump", "Dmitry Peskov", "Peskov"
	KindGroup     Kind = "group"     // armed groups, militias, PMCs, parties
	KindOrg       Kind = "org"       // IGOs and NGOs
	KindAgent     Kind = "agent"     // generic agents with their modifiers: "Syrian government forces"
	KindPronoun   Kind = "pronoun"   // "he", "the ministry", "the group", resolved later
	KindPlace     Kind = "place"     // "Idlib", "in Moscow": where, not who; Actor has the country
)

// Match is one actor mention in a text.
type Match struct {
	Start, End int    // byte offsets of the mention in the text searched
	Text       string // the mention as written
	Actor      model.Actor
	Kind       Kind

	// Hint is, for a KindPronoun match, the kind of actor it refers back
	// to (KindPerson for "he", KindGroup for "the group", KindAgent for
	// "the army"); Actor.Role holds the role wanted.
	Hint Kind
	// Resolved reports that a [Document] found the pronoun's antecedent;
	// Actor is then that antecedent (or, for KindAgent, an actor of the
	// antecedent's country in the short form's role).
	Resolved bool
}
