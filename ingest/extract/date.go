package extract

import (
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
// A time behind a relative pronoun, a second predicate, a subordinate
// clause with its own verb or an event noun with its participle belongs
// to that clause, not to the trigger; an act in an "after" or "before"
// clause is dated from the main clause ("a day after" is the day before
// it). A trigger with no time of its own
// takes one from the sentences around it only when they clearly govern
// it: a past-perfect act, or "since then", from the time last told; a
// definite event noun ("after the talks", "opening the summit") whose
// event the article dated before; a past act of an actor whose act in the
// sentence before was dated there ("... on Monday. Baku apologized"); a
// present perfect whose act the next sentence dates ("Iran has rejected
// the charges. Its foreign minister called them baseless on Sunday").
// Present tenses and new actors stay at the publication date.

// dateFor dates trigger t of sentence si.
func (d *doc) dateFor(si int, t coding.Trigger) (model.Date, string) {
	s := d.sents[si]
	lo, hi := clauseStart(s.words, t.Head), clauseEnd(s.words, t.End)
	comp := complementStart(s, t.Head)
	pp := pastPerfect(s.words, t.Head)
	pub := model.Day(d.dct)
	if k := s.subordinateAt(t); k >= 0 {
		if date, text, ok := d.subordinateDate(si, t, k, pub); ok {
			return date, text
		}
	}
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
		if s.verbBetween(t, ts) || s.otherClause(t, ts) || s.offsetAt(x, te) {
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
		back := 1
		if len(s.times) == 0 {
			back = 2 // past a sentence of plans: "... will start on June 10."
		}
		if x, ok := d.referenceTime(si, back, pub); ok {
			return x.Date, x.Text
		}
	}
	if sinceThen(s.words, lo, hi) {
		// "have since pounded", "since then": from the time just told.
		if x, ok := d.referenceTime(si, 3, pub); ok {
			return x.Date, x.Text
		}
	}
	present := presentTense(s.words, t.Head) || presentSimple(s.words, t)
	if !present {
		if e, ok := d.referent(s, si, t, pub); ok {
			return e.date, e.timeText
		}
		if date, text, ok := d.continued(si, lo, t, pub); ok {
			return date, text
		}
		if x, ok := d.sameOccasion(si, t.Head, pub); ok {
			return x.Date, x.Text
		}
		if e, ok := d.besideSpeaker(si, t.Head, pub); ok {
			return e.date, e.timeText
		}
		if x, ok := d.namedAgain(si, t, pub); ok {
			return x.Date, x.Text
		}
	} else if perfect(s.words, t.Head) {
		if x, ok := d.elaborated(si, lo, t, pub); ok {
			return x.Date, x.Text
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

// presentSimple reports a verbal trigger in the third person present
// ("accuses", "backs"): a stance of the time of writing.
func presentSimple(w []string, t coding.Trigger) bool {
	if t.Entry.Noun || nounUse(w, t) {
		return false
	}
	v := w[t.Head]
	return len(v) > 3 && strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") && !strings.HasSuffix(v, "us")
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
	if ts > 0 && (w[ts-1] == "the" || w[ts-1] == "a" || w[ts-1] == "an") && te < len(w) && !closedAfterTime.has(w[te]) {
		return te, te + 3, true
	}
	if ts > 1 && w[ts-1] == "of" && !timeNouns.has(w[ts-2]) {
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
	if i < t.Head || t.Entry.Noun || s.nounUse(t) {
		return false
	}
	for _, u := range s.trigs {
		if u.Head > t.End && u.Head < i && !u.Entry.Say && !u.Entry.Noun && !u.Entry.Adj && !s.nounUse(u) &&
			family(u.Entry.Root()) != family(t.Entry.Root()) {
			return true
		}
	}
	return false
}

// perfect reports "has" or "have" in the verb group before head.
func perfect(w []string, head int) bool {
	start, _, _ := auxChain(w, head)
	for i := start; i < head; i++ {
		if w[i] == "has" || w[i] == "have" || w[i] == "'ve" {
			return true
		}
	}
	return false
}
