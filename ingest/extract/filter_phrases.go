package extract

import (
	"strings"
	"unicode"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Filters, continued: head counts, results, modifiers, lists and naming
// frames, in which a trigger word is told of rather than done.

var (
	seekForms    = set("seek", "seeks", "sought", "seeking")
	shelterWords = set("shelter", "safety", "cover")
	pressForms   = set("press", "presses", "pressed", "pressing")
	hostForms    = set("host", "hosts", "hosted", "hosting")
	// approximators stand before a number: "about 3.6 million".
	approximators = set("about", "some", "around", "nearly", "almost", "roughly", "more", "than",
		"over", "up", "to", "at", "least", "an", "estimated", "the", "a")
	countWords = set("million", "millions", "thousand", "thousands", "hundred", "hundreds", "dozens",
		"tens")
)

// headcount reports a number of people at i ("3.6 million Syrians",
// "thousands of refugees"), after words that only approximate it.
func headcount(words []string, i int) bool {
	for ; i < len(words) && approximators.has(words[i]); i++ {
	}
	return i < len(words) && (isNumber(words[i]) || countWords.has(words[i]))
}

// countBefore reports a number of people just before a relative clause
// ending at h ("3.5 million Syrians it already hosts").
func countBefore(words []string, h int) bool {
	for i := h - 1; i >= 0 && h-i <= 5; i-- {
		if isNumber(words[i]) || countWords.has(words[i]) {
			return true
		}
	}
	return false
}

// resultParticiple reports a participle of force after a comma that tells
// what an act of force already coded in the sentence did or consisted of
// ("shot down a helicopter, killing two crew members"; "launched an
// assault, striking bases and sending troops"): the same act, whose
// nearest noun is no new attacker.
func resultParticiple(words []string, t coding.Trigger, out []coded) bool {
	r := t.Entry.Root()
	if r != "15" && r < "18" || t.Entry.Noun || t.Head < 1 || !strings.HasSuffix(words[t.Head], "ing") {
		return false
	}
	force := false
	for _, c := range out {
		if model.RootOf(c.code) >= "18" {
			force = true
		}
	}
	if !force {
		return false
	}
	if words[t.Head-1] == "," {
		return true
	}
	if words[t.Head-1] != "and" {
		return false
	}
	// "..., striking X and sending Y": the second of a chain of
	// participles opened by a comma.
	for i := t.Head - 2; i > 0; i-- {
		switch w := words[i]; {
		case w == "." || w == ";":
			return false
		case strings.HasSuffix(w, "ing") && words[i-1] == ",":
			return true
		}
	}
	return false
}

// modifierUse reports a one-word trigger followed by a noun it modifies.
// A past form takes the noun as its object instead ("seized weapons",
// "struck drones"), so it is never a modifier.
func modifierUse(words []string, t coding.Trigger) bool {
	w := words[t.Head]
	if strings.HasSuffix(w, "ed") || participles.has(w) {
		return false
	}
	return t.End == t.Head+1 && t.End < len(words) && modifierHeads.has(words[t.End])
}

// compoundNoun reports a one-word trigger in -s that is the head of a
// compound noun ("army posts", "observation posts", "media reports"): a
// modifier that names a place or an institution stands before it and the
// noun phrase ends after it. A verb in -s takes an object or a clause
// ("the army posts videos", "the ministry reports that").
func compoundNoun(words []string, t coding.Trigger) bool {
	h := t.Head
	v := words[h]
	if t.End != h+1 || h == 0 || !strings.HasSuffix(v, "s") || strings.HasSuffix(v, "ss") || v == "says" {
		return false
	}
	if !nounModifiers.has(words[h-1]) {
		return false
	}
	return h+1 == len(words) || phraseEnds.has(words[h+1])
}

var (
	nounModifiers = set("army", "military", "observation", "border", "police", "security",
		"checkpoint", "guard", "command", "news", "media", "press", "blog", "intelligence",
		"rebel", "militia", "regime", "outpost", "frontline", "front-line")
	// phraseEnds close a noun phrase: punctuation, conjunctions and the
	// prepositions of place that follow a noun.
	phraseEnds = set(",", ".", ";", ":", ")", "and", "or", "in", "near", "along", "across",
		"around", "inside", "outside", "of")
)

// listInfinitive reports a verb in its base form that continues a list
// opened by an infinitive: "commits both forces to allow aid, restore
// services and withdraw from hospitals" codes no restoring or
// withdrawing. The items before it must all follow a comma or "and".
func listInfinitive(words []string, t coding.Trigger) bool {
	h := t.Head
	if h < 2 || !baseForm(words[h], t.Entry) {
		return false
	}
	if p := words[h-1]; p != "," && p != "and" && p != "or" {
		return false
	}
	for i := h - 2; i > 0 && h-i <= 40; i-- {
		switch w := words[i]; {
		case w == "." || w == ";" || w == ":" || relatives.has(w) || w == "that":
			return false
		case w == "to" && !determiners.has(words[i+1]) && !isNumber(words[i+1]) && !numberWords.has(words[i+1]):
			// The list opens with "to" and a verb; what lies between
			// are its items.
			return true
		}
	}
	return false
}

var numberWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
	"thousands", "dozen", "dozens", "several", "few")

// baseForm reports w as the pattern's own first word, the bare verb
// ("restore", "withdraw"), not a past or third-person form.
func baseForm(w string, e *coding.Entry) bool {
	// The pattern's first field, cut without building the list of all.
	f := strings.TrimLeftFunc(e.Pattern, unicode.IsSpace)
	if i := strings.IndexFunc(f, unicode.IsSpace); i >= 0 {
		f = f[:i]
	}
	return f != "" && strings.TrimPrefix(f, "=") == w && !strings.HasSuffix(w, "ed")
}

// modalList reports a bare verb after "and" or "or" that shares a modal
// with the verb before it: "France will close its bases and redeploy its
// forces" plans both, does neither.
func modalList(words []string, t coding.Trigger) bool {
	h := t.Head
	if h < 2 || (words[h-1] != "and" && words[h-1] != "or") || !baseForm(words[h], t.Entry) {
		return false
	}
	for i := h - 2; i >= 0 && h-i <= 20; i-- {
		switch w := words[i]; {
		case w == "." || w == ";" || w == ":" || w == "but" || w == "while" || w == "that" || relatives.has(w):
			return false
		case modals.has(w):
			return true
		}
	}
	return false
}

// figureReport reports a reporting verb whose content opens with a count
// of people ("said 14 of its soldiers had died", "says some 14 million
// Yemenis are on the brink of famine"): the speaker is the source of a
// figure, which is sourcing, not a statement of its own.
func figureReport(words []string, t coding.Trigger) bool {
	i := t.End
	if i < len(words) && words[i] == "that" {
		i++
	}
	return headcount(words, i)
}

// endedAct reports a noun of force that is what a verb of ending stops:
// "bringing to an end 11 days of fighting", "to halt the shelling". What
// ends is background; the ending is the event.
func endedAct(words []string, t coding.Trigger) bool {
	if t.Entry.Root() < "18" || !t.Entry.Noun && !strings.HasSuffix(words[t.Head], "ing") && !nounUse(words, t) {
		return false
	}
	for i := t.Start - 1; i >= 0 && t.Start-i <= 7; i-- {
		switch w := words[i]; {
		case endWords.has(w):
			return true
		case w == "," || w == "." || w == ";" || w == "and" || w == "but" || w == "after" || w == "before":
			return false
		}
	}
	return false
}

var endWords = set("end", "ends", "ended", "ending", "halt", "halts", "halted", "halting", "stop",
	"stops", "stopped", "stopping", "cessation", "halted")

// attributive reports an adjective trigger standing before the noun it
// qualifies ("unacceptable conditions") rather than after a verb of being
// ("the conditions are unacceptable").
func attributive(words []string, t coding.Trigger) bool {
	if t.End >= len(words) || t.End != t.Head+1 {
		return false
	}
	n := words[t.End]
	if n == "" || !unicode.IsLetter(rune(n[0])) || prepositions.has(n) || boundaryWords.has(n) || n == "to" || n == "that" ||
		n == "or" || n == "but" || n == "and" {
		return false
	}
	if t.Head > 0 && (auxes.has(words[t.Head-1]) || words[t.Head-1] == "as" || words[t.Head-1] == "be") {
		// "was illegal", "described as illegal": predicative.
		return false
	}
	return true
}

// namingFrame reports a reporting verb inside "what X described as" or
// "what X called": it names a thing the sentence is about, and states
// nothing of its own.
func namingFrame(words []string, t coding.Trigger) bool {
	if !namingVerbs.has(words[t.Head]) {
		return false
	}
	for i := t.Head - 1; i >= 0 && t.Head-i <= 10; i-- {
		switch words[i] {
		case "what":
			return true
		case ",", ".", ";", "that", "and", "said":
			return false
		}
	}
	return false
}

var namingVerbs = set("described", "describes", "called", "calls", "termed", "terms", "dubbed",
	"labelled", "labeled", "branded")
