package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/timex"
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
// to that clause, not to the trigger. A trigger with no time of its own
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
		case (t.Entry.Noun || nounUse(w, t)) && s.pastVerbAt(k, t):
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
		if u.Head == k && !u.Entry.Say && !u.Entry.Noun && !u.Entry.Adj && !nounUse(s.words, u) &&
			pastForm(s.words[k]) && family(u.Entry.Root()) != family(t.Entry.Root()) {
			return true
		}
	}
	return false
}

// subordinators open an adverbial clause whose own verb owns the times in
// it.
var subordinators = set("after", "before", "while", "when", "because", "as", "until", "although", "though", "whereas")

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
		if u.Head == k && !u.Entry.Noun && !nounUse(s.words, u) && pastForm(s.words[k]) {
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

// referenceTime returns the time last told in the n sentences before si
// that lies before day pub and modifies no noun: the reference time a
// narrative carries on from.
func (d *doc) referenceTime(si, n int, pub model.Date) (timex.Expr, bool) {
	for k := si - 1; k >= 0 && k >= si-n; k-- {
		p := d.sents[k]
		for j := len(p.times) - 1; j >= 0; j-- {
			x := p.times[j]
			if x.Date.IsZero() || !x.Date.Start.Before(pub.Start) {
				continue
			}
			ts, te := tokenRange(p.toks, x.Start, x.End)
			if _, _, ok := nounTime(p.words, ts, te); ok || ts > 0 && p.words[ts-1] == "since" {
				// "the 2018 deal" is no time of the story; "advancing
				// since Thursday" tells a span, not the moment told.
				continue
			}
			return x, true
		}
	}
	return timex.Expr{}, false
}

// sinceThen reports an anaphoric "since" in [lo, hi): "since then",
// "ever since", or "since" as an adverb in the verb group ("have since
// intensified").
func sinceThen(w []string, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if w[k] != "since" {
			continue
		}
		if k+1 < len(w) && (w[k+1] == "then" || w[k+1] == "." || w[k+1] == ",") ||
			k > 0 && (auxes[w[k-1]] || w[k-1] == "ever") {
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

// subjectCountries returns the countries of the actors in [lo, head),
// pronouns resolved.
func (d *doc) subjectCountries(s *sent, lo, head int) []string {
	var cs []string
	for k, m := range s.actors {
		if m.ts < lo || m.te > head {
			continue
		}
		if a, ok := d.resolve(s, k); ok && a.Country != "" && !slices.Contains(cs, a.Country) {
			cs = append(cs, a.Country)
		}
	}
	return cs
}

// continued dates a past act with no time of its own by the sentence
// before when its subject was an actor there: the story goes on at the
// same time ("X told the summit on Wednesday that ... . He said ...";
// "An Azerbaijani missile shot down a helicopter on Monday. Baku
// apologized"). A new actor starts a new event, of the day of writing
// unless the text says otherwise.
func (d *doc) continued(si, lo int, t coding.Trigger, pub model.Date) (model.Date, string, bool) {
	if si == 0 {
		return model.Date{}, "", false
	}
	s := d.sents[si]
	if !s.toldInPast(t) || passive(s.words, t.Head, t.End) {
		// The present is of the day of writing; the subject of a
		// passive is the one acted upon, no actor going on.
		return model.Date{}, "", false
	}
	subj := d.subjectCountries(s, lo, t.Head)
	if len(subj) == 0 && lo > 1 && s.coordPredicate(t) {
		// "Baku apologized, saying ..., and offered compensation": the
		// sentence's subject.
		if len(s.actors) > 0 && s.actors[0].te <= lo {
			subj = d.subjectCountries(s, s.actors[0].ts, s.actors[0].te)
		}
	}
	if len(subj) == 0 {
		return model.Date{}, "", false
	}
	p := d.sents[si-1]
	shared := false
	for k := range p.actors {
		if a, ok := d.resolve(p, k); ok && slices.Contains(subj, a.Country) {
			shared = true
			break
		}
	}
	if !shared {
		return model.Date{}, "", false
	}
	// The subject's own act before dates it when a time of that sentence
	// did; one of the day of writing, or dated only by carrying, keeps
	// the new act at the day of writing.
	for _, e := range d.done {
		if e.sent == si-1 && slices.Contains(subj, e.src.Country) {
			if e.timeText == "" || !e.date.Start.Before(pub.Start) || !p.hasTime(e.timeText) ||
				e.date.Precision != model.PrecisionDay && e.date.Precision != model.PrecisionRange {
				// A month or a year told before is the story's
				// background; only the days of the news go on.
				return model.Date{}, "", false
			}
			return e.date, e.timeText, true
		}
	}
	if x, ok := d.sameKindTime(p, nil, []coding.Trigger{t}, pub); ok {
		return x.Date, x.Text, true
	}
	return model.Date{}, "", false
}

// toldInPast reports a verbal trigger in the simple past, or an act
// reported by a reporting verb in the past ("He said the panel would
// supervise ...").
func (s *sent) toldInPast(t coding.Trigger) bool {
	if t.Entry.Noun || nounUse(s.words, t) {
		return false
	}
	if start, modal, _ := auxChain(s.words, t.Head); modal == "" && pastForm(s.words[t.Head]) {
		simple := true // no auxiliary: "reportedly told", not "has told"
		for i := start; i < t.Head; i++ {
			simple = simple && !auxes[s.words[i]]
		}
		if simple {
			return true
		}
	}
	for _, h := range s.says {
		if h < t.Head && pastForm(s.words[h]) {
			return true
		}
	}
	return false
}

// hasTime reports a time expression of s with the given text.
func (s *sent) hasTime(text string) bool {
	for _, x := range s.times {
		if x.Text == text {
			return true
		}
	}
	return false
}

// sameKindTime returns a time of sentence n before day pub that stands in
// the clause of one of n's triggers (trigs, or matched when nil) of the
// same kind as one of acts: "The deal was signed late on Wednesday" dates
// a signing told in the sentence next to it. The trigger must be a verb
// in the past: an event noun or a wish ("urged X to stop bombing") tells
// no act done at that time.
func (d *doc) sameKindTime(n *sent, trigs, acts []coding.Trigger, pub model.Date) (timex.Expr, bool) {
	for _, x := range n.times {
		if x.Date.IsZero() || !x.Date.Start.Before(pub.Start) {
			continue
		}
		ts, te := tokenRange(n.toks, x.Start, x.End)
		if _, _, ok := nounTime(n.words, ts, te); ok {
			continue
		}
		if trigs == nil {
			trigs = d.x.lex.Match(n.words)
		}
		for _, u := range trigs {
			if u.Entry.Say || !pastForm(n.words[u.Head]) || infinitive(n.words, u.Head) ||
				ts < clauseStart(n.words, u.Head) || ts >= clauseEnd(n.words, u.End) {
				continue
			}
			for _, a := range acts {
				if !a.Entry.Say && family(a.Entry.Root()) == family(u.Entry.Root()) {
					return x, true
				}
			}
		}
	}
	return timex.Expr{}, false
}

// elaborated dates a present perfect with no time of its own ("Iran has
// rejected the accusations.") by the sentence after it when that one
// tells the same act with its time: a trigger of the same kind in the
// time's clause ("The deal was signed late on Wednesday"), or an actor of
// the subject's country before the time ("Its foreign minister called
// them baseless on Sunday"). When t's sentence tells another act of the
// same kind further on ("has hit targets in retaliation for an air
// strike"), the next sentence's act may be that one, and only the actor
// tells.
func (d *doc) elaborated(si, lo int, t coding.Trigger, pub model.Date) (timex.Expr, bool) {
	if si+1 >= len(d.sents) {
		return timex.Expr{}, false
	}
	n := d.sents[si+1]
	if !d.sents[si].otherOfKind(t) {
		if x, ok := d.sameKindTime(n, nil, []coding.Trigger{t}, pub); ok {
			return x, true
		}
	}
	if d.x.g == nil {
		return timex.Expr{}, false
	}
	subj := d.subjectCountries(d.sents[si], lo, t.Head)
	if len(subj) == 0 {
		return timex.Expr{}, false
	}
	found := d.x.g.Find(n.span.Text, d.dct)
	for _, x := range n.times {
		if x.Date.IsZero() || !x.Date.Start.Before(pub.Start) {
			continue
		}
		for _, m := range found {
			if m.End <= x.Start && m.Kind != actor.KindPlace && m.Kind != actor.KindPronoun &&
				slices.Contains(subj, m.Actor.Country) {
				return x, true
			}
		}
	}
	return timex.Expr{}, false
}

// otherOfKind reports a trigger of s of t's kind that is not t's own
// object: before t, or more than a few words after it.
func (s *sent) otherOfKind(t coding.Trigger) bool {
	for _, u := range s.trigs {
		if u.Head != t.Head && !u.Entry.Say && family(u.Entry.Root()) == family(t.Entry.Root()) &&
			(u.Head < t.Head || u.Head > t.End+3) {
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
	if t.Entry.Noun || nounUse(s.words, t) {
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
			if u.Head < k && u.Start > 0 && (u.Entry.Noun || nounUse(s.words, u)) && referring[s.words[u.Start-1]] {
				if e, ok := d.datedBefore(si, referWindow, u.Entry.Root(), pub); ok {
					main, mainText, found = e.date, e.timeText, true
				}
				break
			}
		}
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

// sameOccasion dates an act "during the same news conference" or "at the
// same meeting" by the time of the sentence, within four before, that
// named that occasion.
func (d *doc) sameOccasion(si, head int, pub model.Date) (timex.Expr, bool) {
	w := d.sents[si].words
	noun := ""
	for k := 1; k+1 < head; k++ {
		if w[k-1] == "the" && w[k] == "same" {
			for j := k + 1; j < head && j <= k+3 && w[j] != ","; j++ {
				noun = w[j]
			}
			break
		}
	}
	if noun == "" {
		return timex.Expr{}, false
	}
	for k := si - 1; k >= 0 && k >= si-4; k-- {
		if slices.Contains(d.sents[k].words, noun) {
			return d.referenceTime(k+1, 1, pub)
		}
	}
	return timex.Expr{}, false
}

// namedAgain dates an act introduced with an indefinite noun ("in
// retaliation for an air strike by ...") by the next sentence when that
// one names it again with the definite article and a time ("The attack
// late on Thursday was ...").
func (d *doc) namedAgain(si int, t coding.Trigger, pub model.Date) (timex.Expr, bool) {
	s := d.sents[si]
	if !(t.Entry.Noun || nounUse(s.words, t)) || t.Start == 0 || s.words[t.Start-1] != "a" && s.words[t.Start-1] != "an" ||
		si+1 >= len(d.sents) {
		return timex.Expr{}, false
	}
	n := d.sents[si+1]
	if len(n.words) < 2 || n.words[0] != "the" {
		return timex.Expr{}, false
	}
	for _, u := range d.x.lex.Match(n.words) {
		if u.Start != 1 || u.Entry.Say || family(u.Entry.Root()) != family(t.Entry.Root()) {
			continue
		}
		for _, x := range n.times {
			ts, _ := tokenRange(n.toks, x.Start, x.End)
			if ts >= u.End && ts <= u.End+2 && !x.Date.IsZero() && x.Date.Start.Before(pub.Start) {
				return x, true
			}
		}
	}
	return timex.Expr{}, false
}
