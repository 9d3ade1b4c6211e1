package timex

// This file reads the tense of the clause a time expression sits in, from
// the words just before it: "said Friday" and "was announced Wednesday"
// look back, "will meet on Thursday", "planned to leave on Monday" and "as
// soon as Tuesday" look forward. The nearest cue wins, so a sentence that
// reports a past statement about the future ("said Thursday that the
// troops will remain") dates each expression by its own verb. When no cue
// is near, the sentence-wide reading of markFuture decides.

// tenseWindow is how many tokens before an expression are searched for a
// cue; further words rarely govern it.
const tenseWindow = 10

// forwardCues point the expression after them into the future.
var forwardCues = map[string]bool{
	"will": true, "ll": true, "shall": true, "would": true, "wont": true,
	"plan": true, "plans": true, "planned": true, "planning": true,
	"scheduled": true, "slated": true, "due": true, "expected": true,
	"expects": true, "until": true, "till": true, "upcoming": true,
	"postponed": true, "delayed": true, "intends": true, "intend": true,
}

// pastVerbs are common irregular past tenses of news verbs; regular ones
// are recognised by their "-ed".
var pastVerbs = map[string]bool{
	"said": true, "told": true, "met": true, "held": true, "made": true,
	"took": true, "came": true, "went": true, "saw": true, "began": true,
	"left": true, "gave": true, "got": true, "found": true, "fell": true,
	"rose": true, "won": true, "lost": true, "struck": true, "shot": true,
	"sent": true, "spent": true, "brought": true, "led": true, "fled": true,
	"wrote": true, "spoke": true, "broke": true, "ran": true, "became": true,
	"kept": true, "paid": true, "sold": true, "bought": true, "thought": true,
	"felt": true, "heard": true, "stood": true, "chose": true, "drove": true,
	"flew": true, "knew": true, "grew": true, "threw": true, "was": true,
	"were": true, "had": true, "did": true,
	"stole": true, "swore": true, "sank": true, "ate": true, "blew": true,
	"drew": true, "forgot": true, "hid": true, "rang": true, "sought": true,
	"taught": true, "caught": true, "fought": true, "wore": true, "woke": true,
}

// localTense returns +1 when a cue before token i points forward, -1 when
// one points back, and 0 when none is near.
func (tg *tagger) localTense(i int) int {
	if i <= 0 || i >= len(tg.t) {
		return 0
	}
	sent := tg.t[i].sent
	for k := i - 1; k >= 0 && k >= i-tenseWindow && tg.t[k].sent == sent; k-- {
		t := tg.t[k]
		if t.kind != tkWord {
			continue
		}
		w := t.w
		switch {
		case w == "until" && t.cap:
			return 0 // "Until Thursday, they had not ...": the clause decides
		case t.lex&inForwardCues != 0:
			// "had been due to", "as previously planned": a past plan.
			if p := tg.w(k - 1); p == "previously" || p == "originally" || p == "as" || p == "been" && tg.w(k-2) == "had" {
				return -1
			}
			return 1
		case w == "soon" || w == "early" || w == "late":
			// "as soon as Tuesday", "as early as Monday"
			if tg.w(k-1) == "as" && tg.w(k+1) == "as" {
				return 1
			}
		case w == "set" || w == "going":
			if tg.w(k+1) == "to" {
				return 1
			}
		case w == "to":
			if p := tg.w(k - 1); p == "is" || p == "are" {
				return 1
			}
		case t.lex&inPastVerbs != 0 || len(w) > 4 && w[len(w)-2:] == "ed" && !t.cap:
			switch tg.w(k - 1) {
			case "be", "been", "being", "to", "is", "are", "will":
				continue // a passive or an infinitive: the tense is further back
			}
			return -1
		}
	}
	return 0
}

// futureAt is future(i) refined by the nearest tense cue.
func (tg *tagger) futureAt(i int) bool {
	switch tg.localTense(i) {
	case 1:
		return true
	case -1:
		return false
	}
	return tg.future(i)
}
