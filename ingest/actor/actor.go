// Package actor finds the political actors named in a sentence: states and
// their organs, metonyms such as "Kremlin", people in dated roles, armed
// groups, international bodies and generic agents, from embedded data files
// that a user file can extend.
//
// # Use
//
// [Default] returns the embedded gazetteer, parsed once; [Load] returns a
// private copy to extend with [Gazetteer.AddFile]. An event coder should
// open one [Document] per article and call [Document.Find] on its sentences
// in order:
//
//	doc := actor.Default().NewDocument(article.Published)
//	for _, s := range sentences {
//		for _, m := range doc.Find(s.Text) { ... }
//	}
//
// [Gazetteer.Find] is the same for a single text with no history.
//
// # What a match means
//
// Each [Match] has byte offsets into the text, the mention as written, an
// [model.Actor] (name, ISO3 or IGO country, role) and a [Kind]:
//
//   - KindState, KindMetonym, KindGroup, KindOrg, KindPerson, KindAgent are
//     actors that can act.
//   - KindAdjective ("Turkish" in "the Turkish border") and KindPlace
//     ("Idlib", "talks in Moscow") carry a country but are not agents: the
//     coder ignores them unless it needs a location or a country hint.
//   - KindPronoun ("he", "the ministry", "the group", "the army") carries
//     Hint, the kind of antecedent wanted. A Document resolves it to the
//     latest compatible mention within the last dozen and sets Resolved;
//     unresolved pronouns keep only the role wanted in Actor.Role.
//
// Conjoined modifiers give one match each: in "Russian and Syrian government
// forces" the first match spans "Russian" but is named "Russian government
// forces" (RUS MIL), the second spans "Syrian government forces" (SYR MIL).
//
// # Decisions
//
//   - People resolve by the article's date: in office, the term's country
//     and role; out of office, the country of the nearest term with the
//     person's "out" role ("" unless the data says OPP or REB). Trump is
//     USA GOV in 2019 and USA "" in 2022. People sharing a surname are told
//     apart by who was in office; surnames that are words ("May") need a
//     first name or a title.
//   - Officials of international bodies are IGO IGO (NGO leaders IGO NGO);
//     armed groups take the country they operate in, and forces named after
//     a region ("Tigrayan forces") are REB, per the eval guidelines.
//   - Unknown people introduced by a role cue ("spokesman John Smith",
//     "John Smith, Ethiopia's foreign minister") become actors with the
//     cue's country and role, and a Document knows them by surname later.
//
// # Data
//
// data/states.tsv is generated from the world-countries npm package by
// gen_states.go (go generate; licence in data/LICENSE.world-countries).
// data/people_*.tsv hold one dated term per line. The YAML files (see
// [File]) hold short forms, metonyms, organs, groups, organisations,
// places, head nouns, titles and words to ignore; a user file has the same
// shape and overrides entries of the same name.
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
	// Inferred reports that the country was not in the text but taken
	// from the article's focus: the country it has named most so far
	// ("separatists" in a story about Ukraine are UKR REB).
	Inferred bool

	home  bool // a short form naming the focus country's organ first
	focus bool // a short form that may fall back to the focus country
}
