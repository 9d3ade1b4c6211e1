package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
)

// The filters below decide whether a trigger reports an act that took
// place. They read only the few tokens around the trigger, which is what
// keeps them general: the cues (auxiliaries, modals, "to", "not") are
// closed-class words of English, not words of any particular story.

var (
	modals = set("would", "could", "might", "may", "will", "shall", "should", "must", "can",
		"'ll", "cannot", "wo", "ca")
	negators = set("not", "n't", "never", "no", "neither", "nor", "without")
	auxes    = set("is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
		"having", "do", "does", "did", "get", "got", "'s", "'re", "'ve", "'d")
	// adverbs that sit between an auxiliary and its verb.
	midAdverbs = set("also", "already", "reportedly", "allegedly", "then", "now", "again", "still",
		"just", "formally", "officially", "directly", "repeatedly", "previously", "first",
		"further", "unanimously", "jointly", "publicly", "strongly", "sharply", "temporarily",
		"briefly", "finally", "quickly", "immediately", "deeply", "unequivocally", "once",
		"apparently", "effectively", "largely", "openly", "personally", "swiftly", "twice",
		"recently", "since", "even", "only", "simply", "indeed", "all", "both", "late", "early")
	determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
		"her", "our", "'s", "any", "no", "every", "each", "such", "another", "new", "further",
		"fresh", "latest", "recent", "renewed", "first", "second", "last", "of", "previous",
		"earlier", "planned", "proposed", "possible", "ongoing", "continued", "week-long",
		"month-long")
	prepositions = set("of", "for", "from", "against", "without", "by", "after", "before", "on",
		"in", "about", "over", "despite", "towards", "toward", "amid", "into", "with")
	// stanceRoots are the roots whose complements are wishes, claims or
	// terms rather than acts: "urged X to stop bombing" codes no bombing.
	stanceRoots = set("01", "02", "03", "05", "10", "11", "12", "13", "16")
	// boundaryWords after a comma open a new clause.
	boundaryWords = set("and", "but", "while", "whereas", "as", "after", "before", "although",
		"though", "when", "since", "saying", "adding", "which", "who")
	relatives = set("which", "who", "whose", "whom", "where")
	articles  = set("a", "an", "the", "its", "their", "his", "her", "our")
)

// adverbLike reports a word in -ly that is an adverb, not a name or a
// noun ("Italy", "July", "rally").
func adverbLike(w string) bool {
	return strings.HasSuffix(w, "ly") && !lyNouns.has(w)
}

var lyNouns = set("italy", "sicily", "july", "family", "assembly", "ally", "rally", "supply",
	"reply", "anomaly", "monopoly", "bully", "tally", "holy", "kelly")

// auxChain returns the index of the first token of the verb group ending
// just before head (auxiliaries, modals, negators, mid adverbs), the modal
// it holds ("" for none) and whether it holds a negator.
func auxChain(words []string, head int) (start int, modal string, neg bool) {
	start = head
	for i := head - 1; i >= 0 && head-i <= 5; i-- {
		w := words[i]
		c := chainWords.of(w) // one lookup for the five sets
		switch {
		case c&chainModal != 0:
			modal = w
		case c&chainNeg != 0 && w != "without":
			neg = true
		case c&(chainAux|chainMid) != 0 || adverbLike(w) && len(w) > 4:
		case c&chainStay != 0 && strings.HasSuffix(words[head], "ed"):
			// "could not stay militarily engaged": a copula before a
			// participle carries the modal and the negation.
		default:
			return start, modal, neg
		}
		start = i
	}
	return start, modal, neg
}

// chainWords tells, for auxChain, which of the sets of verb-group words
// a word is in, as bits: the chain asks of every word before a verb.
var chainWords = newWordBits(map[uint8]wordSet{
	chainModal: modals, chainNeg: negators, chainAux: auxes, chainMid: midAdverbs, chainStay: stayVerbs,
})

const (
	chainModal uint8 = 1 << iota
	chainNeg
	chainAux
	chainMid
	chainStay
)

// passive reports whether the verb at head is a passive participle: after
// a form of "be" ("was attacked") or directly followed by "by" ("rockets
// fired by militants").
func passive(words []string, head, end int) bool {
	w := words[head]
	if stanceAdjectives.has(w) && !(end < len(words) && words[end] == "by" || head+1 < len(words) && words[head+1] == "by") {
		// "Israel is opposed to", "Iraq is prepared to": a stance of the
		// subject, not an act done to it.
		return false
	}
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") ||
		participles.has(w)) {
		return false
	}
	for i := head - 1; i >= 0 && head-i <= 4; i-- {
		switch v := words[i]; {
		case v == "was" || v == "were" || v == "been" || v == "being" || v == "be" || v == "is" ||
			v == "are" || v == "get" || v == "got":
			return true
		case midAdverbs.has(v) || adverbLike(v) || negators.has(v):
			continue
		}
		break
	}
	return end < len(words) && words[end] == "by" || head+1 < len(words) && words[head+1] == "by"
}

// stanceAdjectives are participles that, after "be", state the
// subject's own stance or readiness rather than a passive.
var stanceAdjectives = set("opposed", "committed", "prepared", "determined", "resolved",
	"dedicated", "engaged", "involved", "pleased", "satisfied", "concerned", "worried",
	"alarmed", "disappointed", "dismayed", "outraged", "angered", "interested", "inclined",
	"poised", "set", "united", "divided")

// participles are irregular past participles the suffix test misses.
var participles = set("hit", "shot", "struck", "held", "led", "met", "sent", "fought", "cut",
	"brought", "caught", "made", "put", "set", "told", "said", "kept", "left", "won", "overrun",
	"beat", "seized", "shut", "bought", "sought", "built", "spent", "dealt")

// carrierVerb finds a verb before "to" at head that reports the
// infinitive's act as done: a phase ("continued to send", "began to
// withdraw"), a decision taken ("decided to expel", "voted to accept"),
// a purpose ("the operation aimed to purge") or, for force, an attempt
// ("tried to storm"). It returns the carrier's index.
func carrierVerb(words []string, head int, root string) (int, bool) {
	if head < 2 || words[head-1] != "to" {
		return 0, false
	}
	k := head - 2
	if strings.HasSuffix(words[head], "ing") && turnVerbs.has(words[k]) {
		// "resorted to throwing stones", "returned to shelling": "to"
		// is a preposition and the act is done.
		return k, true
	}
	if passiveTake(words, k) {
		// "measures are being taken to neutralise": the passive of the
		// taking carries as its active does; the one taking is whoever
		// speaks or acts for the subject.
		return k, true
	}
	if supportNouns.has(words[k]) {
		// "has taken several steps to ease": the taking carries.
		for j := k - 1; j >= 0 && k-j <= 3; j-- {
			if takeForms.has(words[j]) {
				return j, true
			}
		}
		return 0, false
	}
	// "voted on Thursday to end", "decided unanimously to": a time or
	// manner phrase may stand between the carrier and "to".
	for j := k; j >= 0 && k-j <= 3; j-- {
		w := words[j]
		if phaseVerbs.has(w) || attemptVerbs.has(w) && root >= "17" {
			return j, true
		}
		if !(adverbLike(w) || midAdverbs.has(w) || w == "on" || w == "in" || w == "principle" || weekdays.has(w)) {
			break
		}
	}
	return 0, false
}

// passiveTake reports "steps/measures are being taken" with the taking at
// k.
func passiveTake(words []string, k int) bool {
	if !takeForms.has(words[k]) || k < 2 || words[k-1] != "being" && words[k-1] != "been" {
		return false
	}
	for j := k - 2; j >= 0 && k-j <= 4; j-- {
		if supportNouns.has(words[j]) {
			return true
		}
	}
	return false
}

var (
	turnVerbs = set("resort", "resorts", "resorted", "resorting", "return", "returns", "returned",
		"returning", "revert", "reverted", "turn", "turns", "turned", "switched")
	supportNouns = set("steps", "step", "measures", "action", "moves", "move")
	takeForms    = set("take", "takes", "took", "taken", "taking")
)

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"today", "yesterday")

var (
	phaseVerbs = set("continue", "continues", "continued", "continuing", "begin", "begins", "began",
		"begun", "beginning", "start", "starts", "started", "starting", "resume", "resumes",
		"resumed", "resuming", "proceed", "proceeds", "proceeded", "decide", "decides", "decided",
		"vote", "votes", "voted", "move", "moves", "moved", "aim", "aims", "aimed", "went",
		"go", "goes", "dared", "managed", "opted", "chose", "choose", "chooses", "elected")
	attemptVerbs = set("try", "tries", "tried", "attempt", "attempts", "attempted", "sought",
		"seek", "seeks")
	// planVerbs before "to" announce the subject's own future act.
	planVerbs = set("plan", "plans", "planned", "planning", "intend", "intends", "intended",
		"intending", "ready", "prepared", "willing", "poised", "determined", "resolved",
		"preparing", "prepares", "prepare", "vowing", "wants", "want", "wanted", "hopes", "hope",
		"hoped", "eager", "keen")
)

// infinitive reports "to" (with adverbs) right before the verb at head:
// "plans to strike", "in order to attack".
func infinitive(words []string, head int) bool {
	for i := head - 1; i >= 0 && head-i <= 3; i-- {
		w := words[i]
		if w == "to" {
			return true
		}
		if !(midAdverbs.has(w) || adverbLike(w) || negators.has(w)) {
			return false
		}
	}
	return false
}

// gerundObject reports a verb in -ing governed by a preposition ("of
// attacking", "for bombing"): the act is the object of something else.
func gerundObject(words []string, head int) bool {
	if !strings.HasSuffix(words[head], "ing") || head == 0 {
		return false
	}
	p := head - 1
	for p > 0 && (midAdverbs.has(words[p]) || adverbLike(words[p])) {
		p--
	}
	return prepositions.has(words[p]) && !gerundTimePreps.has(words[p])
}

// gerundTimePreps before a verb in -ing open an adjunct whose act is the
// main subject's own: "X sent troops after accusing Y of attacking", "X
// justified the coup by alleging fraud" (the means).
var gerundTimePreps = set("after", "before", "since", "upon", "while", "when", "by")

// temporalGerund reports a verb in -ing after a temporal preposition.
func temporalGerund(words []string, head int) bool {
	return head > 0 && strings.HasSuffix(words[head], "ing") && gerundTimePreps.has(words[head-1])
}

// participlePredicate reports a verb of judgment in -ing set off by a
// comma after the main clause ("the army ruled out talks, branding it a
// militia", "..., accusing Y of"): a further act of the main subject.
// Other roots in that place mostly elaborate the main act ("expelled
// the ambassador, giving him 72 hours").
func participlePredicate(words []string, t coding.Trigger) bool {
	e := t.Entry
	if r := e.Root(); r != "11" && r != "12" {
		return false
	}
	if e.Noun || e.Say || e.Adj || t.Head < 2 || !strings.HasSuffix(words[t.Head], "ing") {
		return false
	}
	p := words[t.Head-1]
	return p == "," || p == "and" && words[t.Head-2] == ","
}

// nounUse is [nounUse] of t, read from the bits found for the sentence's
// triggers when t is one of them: the rules ask it of a trigger about six
// times.
func (s *sent) nounUse(t coding.Trigger) bool {
	for k := range s.trigs {
		if u := &s.trigs[k]; u.Head == t.Head && u.End == t.End && k < 64 {
			return s.nominal&(1<<k) != 0
		}
	}
	return nounUse(s.words, t)
}

// nominalBits returns the bits of sent.nominal for trigs.
func nominalBits(words []string, trigs []coding.Trigger) uint64 {
	var b uint64
	for k, t := range trigs[:min(len(trigs), 64)] {
		if nounUse(words, t) {
			b |= 1 << k
		}
	}
	return b
}

// nounUse reports a verb pattern used as a noun: "the attack", "a deal".
// It reads only the words and t's head and end.
func nounUse(words []string, t coding.Trigger) bool {
	if t.End == t.Head+1 && t.End < len(words) && (gerundSubjectVerbs.has(words[t.End]) || onsetVerbs.has(words[t.End])) &&
		(strings.HasSuffix(words[t.Head], "ing") || strings.HasSuffix(words[t.Head], "s")) {
		// "and fighting has since intensified", "since strikes began":
		// a gerund or plural right before a finite verb is its subject,
		// a noun.
		return true
	}
	if t.Head == 0 {
		return false
	}
	p := words[t.Head-1]
	if adverbDeterminers.has(p) && pastForm(words[t.Head]) && !(t.Head >= 2 && determiners.has(words[t.Head-2])) {
		// "France first intervened in Mali": an adverb before a verb in
		// the past ("the first shot" stays a noun).
		return false
	}
	if determiners.has(p) || strings.HasSuffix(p, "-day") || isNumber(p) {
		return true
	}
	if t.Head >= 2 && strings.Contains(p, "-") && articles.has(words[t.Head-2]) {
		// "a Britain-based monitor", "the Saudi-led offensive": a
		// compound adjective between an article and the word.
		return true
	}
	// "in raids", "against civilian and military targets": a plural
	// after a preposition, or after an adjective that follows one, is a
	// noun.
	v := words[t.Head]
	if t.End != t.Head+1 || !strings.HasSuffix(v, "s") || strings.HasSuffix(v, "ss") {
		return false
	}
	if prepositions.has(p) {
		return true
	}
	if t.Head < 2 || !adjectiveLike(p) {
		return false
	}
	q := words[t.Head-2]
	return prepositions.has(q) || determiners.has(q) || q == "and" || q == "or"
}

// forceInPlace reports, for a pattern of force ending in "in" ("intervene
// in"), whether a state or place follows: "intervened in Mali" is an act
// of war, "intervened in the talks" is not. Other triggers pass.
func (s *sent) forceInPlace(t coding.Trigger) bool {
	if t.Entry.Root() != "19" || t.End == 0 || s.words[t.End-1] != "in" {
		return true
	}
	for _, m := range s.actors {
		if m.ts == t.End && (m.Kind == actor.KindState || m.Kind == actor.KindPlace) {
			return true
		}
	}
	return false
}

// adverbDeterminers are determiners that are also adverbs of a verb.
var adverbDeterminers = set("first", "further", "last")

// stayVerbs are copulas that stand in a verb group before a participle.
var stayVerbs = set("stay", "stays", "stayed", "remain", "remains", "remained")

// participleModifier reports a past participle set off by a comma after
// a thing and followed by a preposition of time or place: "elections,
// promised for this month, ..." describes the noun before it and tells no
// act of the clause's subject. After an actor it is that actor's verb
// ("a brother of Dagalo, signed for the paramilitaries"); with "by" it
// names an agent and stays an act.
func (s *sent) participleModifier(t coding.Trigger) bool {
	w, h := s.words, t.Head
	if t.Entry.Noun || h < 2 || w[h-1] != "," || h+1 >= len(w) || !strings.HasSuffix(w[h], "ed") {
		return false
	}
	if _, ok := s.actorEndingAt(h - 2); ok {
		return false
	}
	switch w[h+1] {
	case "for", "in", "on", "at", "until", "since", "during", "over":
		return t.End == h+1
	}
	return false
}

// leaveForms are the forms of "leave".
var leaveForms = set("leave", "leaves", "left", "leaving")

// gerundSubjectVerbs are finite verbs that, right after a gerund, make it
// their subject.
var gerundSubjectVerbs = set("has", "have", "had", "is", "was", "continues", "continued",
	"resumed", "erupted", "intensified", "escalated", "raged", "rages", "broke", "spread",
	"subsided", "persisted", "eased")

// onsetVerbs begin an act named by the noun before them: "strikes began".
var onsetVerbs = set("began", "begun", "begin", "begins", "started", "start", "starts")

// adjectiveLike reports a word with the form of an adjective ("military",
// "heavy", "early-morning").
func adjectiveLike(w string) bool {
	if strings.Contains(w, "-") || plainAdjectives.has(w) {
		return true
	}
	for _, suf := range []string{"al", "ic", "ive", "ous", "ful", "ern", "ary", "ian", "ese", "ish", "ent", "ant"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

var plainAdjectives = set("heavy", "fierce", "deadly", "fresh", "renewed", "repeated", "fatal",
	"violent", "bloody", "large", "small", "major", "minor", "daily", "nightly", "recent")

func isNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// conditional reports "if" or "unless" between from and head.
func conditional(words []string, from, head int) bool {
	for i := from; i < head; i++ {
		if words[i] == "if" || words[i] == "unless" {
			return true
		}
	}
	return false
}

// conditionAfter reports "if" or "unless" after token from in the
// sentence: the act before it is held out on a condition.
func conditionAfter(words []string, from int) bool {
	for i := from; i < len(words); i++ {
		if (words[i] == "if" || words[i] == "unless") && !(i > 0 && (words[i-1] == "as" || words[i-1] == "even")) {
			return true
		}
	}
	return false
}
