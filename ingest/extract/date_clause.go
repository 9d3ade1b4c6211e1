package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/timex"
	"github.com/eventgraph/eventgraph/model"
)

// The clause rules of dating: which clause of a sentence a time
// expression belongs to (a relative clause, a second predicate, an
// adverbial clause with its own verb, an event noun with its participle),
// and how an act in an "after" or "before" clause is dated from the main
// clause ("a day after", "hours after").

// otherClause reports, for a time at token i after trigger t, a clause
// boundary between them that gives the time to another verb: a relative
// pronoun ("condolences for the soldiers who died in a strike on May
// 27"), a second predicate ("accused X of Y and said its mission since
// 2013 had failed"), a subordinate clause with its own verb ("struck a
// suburb after warplanes hit its positions on Saturday") or an event noun
// with a participle ("under a deal reached in September"), unless that
// noun names the same kind of act as t ("joined accords signed in July").
func (s *sent) otherClause(t coding.Trigger, i int) bool {
	if i <= t.End {
		return false
	}
	w := s.words
	for k := t.End; k < i; k++ {
		switch {
		case relatives.has(w[k]):
			return true
		case (w[k] == "and" || w[k] == "but") && k+1 < i && s.finiteAt(k+1):
			return true
		case subordinators.has(w[k]) && !asPhrase(w, k) && s.clauseVerb(k+1, i):
			return true
		case k > t.End && s.eventNounEnd(k-1, t) && k+1 < i && (pastForm(w[k]) || participles.has(w[k])):
			return true
		case (t.Entry.Noun || s.nounUse(t)) && s.pastVerbAt(k, t):
			// "responsibility under the agreement Moscow and Ankara
			// struck last September": verbBetween's rule for a noun.
			return true
		}
	}
	return false
}

// pastVerbAt reports a verbal trigger in the past at token k, of another
// kind than t.
func (s *sent) pastVerbAt(k int, t coding.Trigger) bool {
	for _, u := range s.trigs {
		if u.Head == k && !u.Entry.Say && !u.Entry.Noun && !u.Entry.Adj && !s.nounUse(u) &&
			pastForm(s.words[k]) && family(u.Entry.Root()) != family(t.Entry.Root()) {
			return true
		}
	}
	return false
}

// subordinators open an adverbial clause whose own verb owns the times in
// it.
var subordinators = set("after", "before", "while", "when", "because", "as", "until", "although", "though", "whereas")

// asPhrase reports an "as" that opens no clause: "as well as", "such
// as", "as part of".
func asPhrase(w []string, k int) bool {
	if w[k] != "as" {
		return false
	}
	return k > 0 && (w[k-1] == "such" || w[k-1] == "well") ||
		k+1 < len(w) && (w[k+1] == "well" || w[k+1] == "part" || w[k+1] == "a" || w[k+1] == "an")
}

// finiteAt reports a trigger's verb in the simple past or a reporting
// verb at k, after an optional adverb: the start of a second predicate.
func (s *sent) finiteAt(k int) bool {
	if k < len(s.words) && strings.HasSuffix(s.words[k], "ly") {
		k++
	}
	if k >= len(s.words) {
		return false
	}
	if slices.Contains(s.says, k) {
		return true
	}
	// A trigger's verb only: "kidnapped and presumed killed" is one
	// act told with two participles.
	for _, u := range s.trigs {
		if u.Head == k && !u.Entry.Noun && !s.nounUse(u) && pastForm(s.words[k]) {
			return true
		}
	}
	return false
}

// clauseVerb reports a finite verb in (from, to) after at least one other
// word: the subordinate clause has a subject and a verb ("after
// warplanes hit"), not only a noun phrase ("after the talks").
func (s *sent) clauseVerb(from, to int) bool {
	for k := from + 1; k < to && k < from+7; k++ {
		w := s.words[k]
		if w == "," {
			return false
		}
		if (pastForm(w) || auxes.has(w) && w != "having" && w != "being") && !determiners.has(w) && !determiners.has(s.words[k-1]) {
			return true
		}
	}
	return false
}

// eventNounEnd reports a nominal trigger ending at token k that names a
// different kind of act from t.
func (s *sent) eventNounEnd(k int, t coding.Trigger) bool {
	for _, u := range s.trigs {
		if u.End-1 == k && u.Head != t.Head && !u.Entry.Say && (u.Entry.Noun || s.nounUse(u)) &&
			family(u.Entry.Root()) != family(t.Entry.Root()) {
			return true
		}
	}
	return false
}

// subordinateAt returns the "after" or "before" that opens the clause
// holding verbal trigger t ("a day after the group launched an
// assault"), or -1. A subject must stand between them: "after accusing"
// and "after the talks" open no clause.
func (s *sent) subordinateAt(t coding.Trigger) int {
	if t.Entry.Noun || s.nounUse(t) {
		return -1
	}
	lo := clauseStart(s.words, t.Head)
	for k := t.Head - 1; k >= lo && t.Head-k <= 12; k-- {
		switch s.words[k] {
		case "after", "before":
			if k+1 < t.Head {
				return k
			}
			return -1
		}
	}
	return -1
}

// offsetAt reports a duration x ending at token te that measures the
// distance to a clause after it ("declared war, a day after the group
// launched an assault"): no time of the main clause's act.
func (s *sent) offsetAt(x timex.Expr, te int) bool {
	return x.Type == timex.TypeDuration && te < len(s.words) &&
		(s.words[te] == "after" || s.words[te] == "before") && s.clauseVerb(te, min(len(s.words), te+8))
}

// subordinateDate dates t in the clause opened by "after" or "before" at
// token k from the main clause's time: "a day after" is a day before it,
// "hours after" midnight the day before. A bare "after" says only that
// t came earlier: the next sentence may date the same act ("signed an
// agreement" ... "had agreed late Monday"), else t shares the main time.
func (d *doc) subordinateDate(si int, t coding.Trigger, k int, pub model.Date) (model.Date, string, bool) {
	s := d.sents[si]
	end := clauseEnd(s.words, t.End)
	for _, x := range s.times {
		if ts, _ := tokenRange(s.toks, x.Start, x.End); ts > k && ts < end && !x.Date.IsZero() {
			return model.Date{}, "", false // the clause has a time of its own
		}
	}
	days, offset, text := 0, false, ""
	if k > 0 && s.words[k-1] == "hours" {
		offset, text = true, "hours"
	}
	main, mainText, found := pub, "", false
	for _, x := range s.times {
		ts, te := tokenRange(s.toks, x.Start, x.End)
		if te > k {
			break
		}
		if te == k && x.Type == timex.TypeDuration {
			if n, ok := durationDays(x.Value); ok {
				days, offset, text = n, true, x.Text
			}
			continue
		}
		if x.Date.IsZero() || x.Date.Start.After(pub.Start) {
			continue
		}
		if _, _, ok := nounTime(s.words, ts, te); ok {
			continue
		}
		main, mainText, found = x.Date, x.Text, true
	}
	if !found {
		// "The agreement came a day after ...": the time of the event
		// the subject names.
		for _, u := range s.trigs {
			if u.Head < k && u.Start > 0 && (u.Entry.Noun || s.nounUse(u)) && referring.has(s.words[u.Start-1]) {
				if e, ok := d.datedBefore(si, referWindow, u.Entry.Root(), pub); ok {
					main, mainText, found = e.date, e.timeText, true
				}
				break
			}
		}
	}
	if !found && d.pubZero {
		return model.Date{}, "", false // no day of writing to count from
	}
	if !found && offset && days > 0 {
		// "His intervention came two days after ...": the tagger
		// measured the distance from the time the story was at.
		for _, x := range s.times {
			if x.Text == text && !x.Date.IsZero() && !x.Date.Start.After(pub.Start) {
				return x.Date, x.Text, true
			}
		}
	}
	if offset {
		if main.Precision != model.PrecisionDay {
			return model.Date{}, "", false
		}
		if s.words[k] == "after" {
			days = -days
		}
		if text == "hours" && strings.Contains(strings.ToLower(mainText), "midnight") && s.words[k] == "after" {
			days = -1 // hours before midnight: the evening before
		}
		return model.Day(main.Start.AddDate(0, 0, days)), text, true
	}
	if s.words[k] == "after" && si+1 < len(d.sents) {
		if x, ok := d.sameKindTime(d.sents[si+1], nil, []coding.Trigger{t}, main); ok {
			return x.Date, x.Text, true
		}
	}
	if found {
		return main, mainText, true
	}
	return model.Date{}, "", false
}

// durationDays reads a TIMEX3 duration of days or weeks ("P1D", "P2W").
func durationDays(v string) (int, bool) {
	if len(v) < 3 || v[0] != 'P' {
		return 0, false
	}
	n, err := strconv.Atoi(v[1 : len(v)-1])
	if err != nil {
		return 0, false
	}
	switch v[len(v)-1] {
	case 'D':
		return n, true
	case 'W':
		return 7 * n, true
	}
	return 0, false
}
