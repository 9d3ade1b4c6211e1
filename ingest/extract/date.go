package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Event dates follow the guideline: the time expression that governs the
// trigger (same clause, then the sentence), then a reference time carried
// from the sentences before when it clearly governs, else the
// publication date. Three grammatical facts decide what governs:
//
//   - a time that modifies a noun ("the 2018 deal", "Saturday's strike",
//     "a Friday statement") dates that noun only;
//   - in "X said on Sunday that its forces had destroyed ...", the time
//     of the reporting clause dates the saying, and the past perfect puts
//     the act before it;
//   - a time after the publication day names a plan or a deadline ("must
//     withdraw by October 10"), never an act that was reported.
//
// A sentence with no time of its own takes one only when it refers back:
// a past-perfect act, or a definite event noun ("after the talks", "the
// attack") whose event the article dated before.

// dateFor dates trigger t of sentence si.
func (d *doc) dateFor(si int, t coding.Trigger) (model.Date, string) {
	s := d.sents[si]
	lo, hi := clauseStart(s.words, t.Head), clauseEnd(s.words, t.End)
	comp := complementStart(s, t.Head)
	pp := pastPerfect(s.words, t.Head)
	pub := model.Day(d.dct)
	best, bestDist, bestIn := -1, 1<<30, false
	same := -1 // a time of a noun naming an act of t's family: "Saturday's strike"
	for k, x := range s.times {
		if x.Date.IsZero() || !d.pubZero && x.Date.Start.After(pub.Start) {
			continue
		}
		ts, te := tokenRange(s.toks, x.Start, x.End)
		if from, to, ok := nounTime(s.words, ts, te); ok && !(t.Head >= from && t.Head <= to) {
			if same < 0 && s.familyHeadIn(from, to, t.Entry.Root()) {
				same = k
			}
			continue
		}
		if s.verbBetween(t, ts) || s.otherClause(t, ts) {
			continue
		}
		dist := abs(ts - t.Head)
		in := ts >= lo && ts < hi && !(pp && comp >= 0 && ts < comp)
		if in && !bestIn || in == bestIn && dist < bestDist {
			best, bestDist, bestIn = k, dist, in
		}
	}
	switch {
	case best >= 0 && bestIn:
		return s.times[best].Date, s.times[best].Text
	case same >= 0 && (pp || best < 0):
		// "Russia said on Sunday that its forces had destroyed a warship,
		// in its first acknowledgement of Saturday's strike".
		return s.times[same].Date, s.times[same].Text
	case best >= 0:
		return s.times[best].Date, s.times[best].Text
	}
	if pp {
		// "Russia said its missiles had destroyed a warship" after a
		// sentence dating the strike: the act came before the report, at
		// the time just stated.
		if e, ok := d.datedBefore(si, 1, "", pub); ok {
			return e.date, e.timeText
		}
		if si > 0 {
			for _, x := range d.sents[si-1].times {
				if !x.Date.IsZero() && x.Date.Start.Before(pub.Start) {
					return x.Date, x.Text
				}
			}
		}
	}
	if !presentTense(s.words, t.Head) {
		if e, ok := d.referent(s, si, t, pub); ok {
			return e.date, e.timeText
		}
	}
	if d.pubZero {
		return model.Date{}, ""
	}
	return pub, ""
}

// familyHeadIn reports a trigger of root's family with its head in [from, to].
func (s *sent) familyHeadIn(from, to int, root string) bool {
	for _, u := range s.trigs {
		if u.Head >= from && u.Head <= to && !u.Entry.Say && family(u.Entry.Root()) == family(root) {
			return true
		}
	}
	return false
}

// presentTense reports a verb group in the present or present perfect
// ("has called", "are unacceptable"): the act is of the time of
// writing, not of an event told before.
func presentTense(w []string, head int) bool {
	start, _, _ := auxChain(w, head)
	for i := start; i < head; i++ {
		switch w[i] {
		case "has", "have", "is", "are", "'s", "'re", "'ve":
			return true
		}
	}
	switch w[head] {
	case "is", "are":
		return true
	}
	return false
}

// nounTime reports a time expression over tokens [ts, te) that modifies
// a noun: after an article or before "'s" ("the 2018 deal", "Saturday's
// strike", "a Friday Kremlin statement"), or after "of" ("the agreement
// of September 2018"). It returns the tokens [from, to] the modified
// noun phrase may span.
func nounTime(w []string, ts, te int) (int, int, bool) {
	if te < len(w) && w[te] == "'s" {
		return te, te + 4, true // "Saturday's pre-dawn drone attack"
	}
	if ts > 0 && (w[ts-1] == "the" || w[ts-1] == "a" || w[ts-1] == "an") && te < len(w) && !closedAfterTime[w[te]] {
		return te, te + 3, true
	}
	if ts > 1 && w[ts-1] == "of" && !timeNouns[w[ts-2]] {
		return max(0, ts-4), ts - 2, true
	}
	return 0, 0, false
}

// timeNouns before "of" make a time of it, not a noun's modifier: "the
// night of March 5", "the end of the week".
var timeNouns = set("night", "morning", "evening", "afternoon", "day", "days", "week", "weeks", "end",
	"beginning", "middle", "start", "first", "last", "spring", "summer", "autumn", "winter")

// closedAfterTime are words after a time expression that show it is no
// noun modifier: "the day before", "the next morning, ...".
var closedAfterTime = set(",", ".", ";", ":", "and", "or", "before", "after", "when", "that", "to",
	"in", "on", "at", "of", "\"", ")")

// complementStart returns the first token of the reported clause holding
// head, when a reporting verb stands before it ("said on Sunday that
// ..."), or -1.
func complementStart(s *sent, head int) int {
	at := -1
	for _, h := range s.says {
		if h < head && h > at {
			at = h
		}
	}
	if at < 0 {
		return -1
	}
	for i := at + 1; i < head && i <= at+8; i++ {
		if s.words[i] == "that" {
			return i + 1
		}
	}
	return at + 1
}

// datedBefore returns the latest event of the n sentences before si that
// a time expression dated before day pub, of the family of root (any
// when root is "").
func (d *doc) datedBefore(si, n int, root string, pub model.Date) (coded, bool) {
	for k := len(d.done) - 1; k >= 0; k-- {
		e := d.done[k]
		if e.sent >= si {
			continue
		}
		if e.sent < si-n {
			break
		}
		if e.timeText == "" || !e.date.Start.Before(pub.Start) {
			continue
		}
		if root == "" || family(model.RootOf(e.code)) == family(root) {
			return e, true
		}
	}
	return coded{}, false
}

// referent finds a definite event noun of s that dates trigger t and
// returns the earlier dated event it names: the latest one of its family
// within referWindow sentences. The noun dates t when it is t ("the
// attack came ...") or when a temporal preposition puts t at its time
// ("speaking after the talks"); a noun that is only the object of t
// ("welcomed the truce") names an earlier event, not the time of a new
// one.
func (d *doc) referent(s *sent, si int, t coding.Trigger, pub model.Date) (coded, bool) {
	first := len(s.words)
	if len(s.says) > 0 {
		first = s.says[0]
	}
	for _, u := range s.trigs {
		if u.Head > first {
			// "said the agreement amounted to ...": the speaker's words
			// name the deal, the saying is of today.
			break
		}
		if u.Entry.Say || !(u.Entry.Noun || nounUse(s.words, u)) || u.Head == 0 || !referring[s.words[u.Start-1]] {
			continue
		}
		if u.Head != t.Head && (u.Start < 2 || !temporalPreps[s.words[u.Start-2]]) {
			continue
		}
		if e, ok := d.datedBefore(si, referWindow, u.Entry.Root(), pub); ok {
			return e, true
		}
	}
	return coded{}, false
}

// referring are the determiners of a noun that names an event already
// told: "the talks", "that meeting".
var referring = set("the", "this", "that", "these", "those")

// temporalPreps put an act at the time of the event noun they govern,
// as do participles of taking part in it ("opening the summit, X said").
var temporalPreps = set("after", "following", "during", "before", "since", "at", "amid", "until",
	"opening", "closing", "addressing", "attending", "concluding", "ending")

// referWindow is how many sentences back a definite event noun looks.
const referWindow = 6

// family groups roots whose events an event noun can name: talk and
// agreement (03-08), words (01, 02, 09-14), force and coercion (15-20).
func family(root string) int {
	switch {
	case root >= "03" && root <= "08":
		return 1
	case root >= "15":
		return 2
	}
	return 0
}

// pastPerfect reports "had" in the verb group before head.
func pastPerfect(w []string, head int) bool {
	start, _, _ := auxChain(w, head)
	for i := start; i < head; i++ {
		if w[i] == "had" || w[i] == "'d" {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// verbBetween reports, for a verbal trigger t, another verbal trigger
// between it and token i after it: "offered condolences over soldiers
// killed last week", "accused X of wrecking the deal of September 2018".
// The later verb is nearer the time and owns it, unless it tells of the
// same kind of act ("joined accords signed in July").
func (s *sent) verbBetween(t coding.Trigger, i int) bool {
	if i < t.Head || t.Entry.Noun || nounUse(s.words, t) {
		return false
	}
	for _, u := range s.trigs {
		if u.Head > t.End && u.Head < i && !u.Entry.Say && !u.Entry.Noun && !u.Entry.Adj && !nounUse(s.words, u) &&
			family(u.Entry.Root()) != family(t.Entry.Root()) {
			return true
		}
	}
	return false
}

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
		case relatives[w[k]]:
			return true
		case (w[k] == "and" || w[k] == "but") && k+1 < i && s.finiteAt(k+1):
			return true
		case subordinators[w[k]] && s.clauseVerb(k+1, i):
			return true
		case k > t.End && s.eventNounEnd(k-1, t) && k+1 < i && (pastForm(w[k]) || participles[w[k]]):
			return true
		}
	}
	return false
}

// subordinators open an adverbial clause whose own verb owns the times in
// it.
var subordinators = set("after", "before", "while", "when", "because", "as", "until", "although", "though", "whereas")

// finiteAt reports a verb in the simple past or a reporting verb at k,
// after an optional adverb: the start of a second predicate.
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
	return pastForm(s.words[k]) && !determiners[s.words[k]]
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
		if (pastForm(w) || auxes[w] && w != "having" && w != "being") && !determiners[w] && !determiners[s.words[k-1]] {
			return true
		}
	}
	return false
}

// eventNounEnd reports a nominal trigger ending at token k that names a
// different kind of act from t.
func (s *sent) eventNounEnd(k int, t coding.Trigger) bool {
	for _, u := range s.trigs {
		if u.End-1 == k && u.Head != t.Head && !u.Entry.Say && (u.Entry.Noun || nounUse(s.words, u)) &&
			family(u.Entry.Root()) != family(t.Entry.Root()) {
			return true
		}
	}
	return false
}
