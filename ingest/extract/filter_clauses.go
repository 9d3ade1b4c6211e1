package extract

import "github.com/eventgraph/eventgraph/ingest/coding"

// Filters, continued: conditions, clause bounds, modals and the fixed
// phrases in which a trigger word names no act.

// conditionalThreat is the code of holding out an act of root on a
// condition ("will cut ties unless", "may strike if"): a threat of that
// kind of act, or "" for acts that are no threat (cooperation).
func conditionalThreat(code string) string {
	switch code[:2] {
	case "10", "11", "12", "14":
		return "130"
	case "16":
		return "131"
	case "17":
		return "137"
	case "15", "18", "19", "20":
		return "138"
	}
	return ""
}

// clauseStart returns the first token of the clause holding token i.
func clauseStart(words []string, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch words[j] {
		case ";", ":", "—", "–":
			return j + 1
		case ",":
			if j+1 < len(words) && boundaryWords.has(words[j+1]) && words[j+1] != "which" && words[j+1] != "who" {
				return j + 1
			}
		}
	}
	return 0
}

// clauseEnd returns the end (exclusive) of the clause holding token i.
func clauseEnd(words []string, i int) int {
	for j := i; j < len(words); j++ {
		switch words[j] {
		case ";", ":", "—", "–":
			return j
		case ",":
			if j+1 < len(words) && boundaryWords.has(words[j+1]) {
				return j
			}
			if j+2 < len(words) && (prepositions.has(words[j+1]) || words[j+1] == "under") && relatives.has(words[j+2]) {
				// ", under which Turkey and Russia had agreed": a
				// relative clause with a subject of its own.
				return j
			}
		}
	}
	return len(words)
}

// Modal kinds: an obligation laid on someone ("must"), a future act
// ("will", "would"), or a mere possibility ("could", "may").
const (
	modalNone = iota
	modalOblige
	modalFuture
	modalMaybe
)

func modalKind(w string) int {
	switch w {
	case "":
		return modalNone
	case "must", "should":
		return modalOblige
	case "will", "would", "shall", "'ll", "wo":
		return modalFuture
	}
	return modalMaybe
}

// intentCode is the code of announcing one's own future act of root:
// cooperation becomes intent to cooperate (03), force becomes a threat
// (13); a refused cooperation is a rejection (12). It returns "" when the
// announcement is no event.
func intentCode(code string, neg bool) string {
	root := code[:2]
	if neg {
		if root >= "03" && root <= "09" {
			return "124"
		}
		return ""
	}
	switch root {
	case "03":
		return code
	case "04":
		return "036"
	case "05":
		return "030"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	case "16":
		return code
	case "15", "17", "18", "19", "20":
		return "138"
	}
	return ""
}

// modifierHeads are nouns a trigger word can modify, which then names a
// thing rather than an act: "a carrier strike group", "attack
// helicopters", "assault rifles".
var modifierHeads = set("group", "groups", "helicopter", "helicopters", "aircraft", "jet", "jets",
	"drone", "drones", "rifle", "rifles", "weapon", "weapons", "capability", "capabilities",
	"submarine", "submarines", "vessel", "vessels", "team", "teams", "unit", "units", "dog", "dogs",
	"package", "craft", "boat", "boats", "planes", "plane")

// fixedPhrase reports a trigger word inside a fixed expression that names
// no act: "in order to" states a purpose, not an order.
func fixedPhrase(words []string, t coding.Trigger) bool {
	h := t.Head
	next := ""
	if h+1 < len(words) {
		next = words[h+1]
	}
	switch {
	case words[h] == "order" && h > 0 && words[h-1] == "in" && (next == "to" || next == "that"):
		return true
	case words[h] == "advance" && h > 0 && words[h-1] == "in":
		// "made its position known well in advance": a time adverb.
		return true
	case seekForms.has(words[h]) && shelterWords.has(next):
		// "civilians seeking shelter": flight, not an appeal to anyone
		// ("sought refuge in Germany" is a plea for asylum and stays).
		return true
	case pressForms.has(words[h]) && (determiners.has(next) || next == "ahead" || next == "on") && t.Entry.Root() == "02":
		// "the army pressed its campaign", "pressed ahead with": the
		// campaign goes on, nobody is appealed to.
		return true
	case leaveForms.has(words[h]) && headcount(words, h+1) && t.Entry.Root() == "16":
		// "a war that has left thousands dead", "left hundreds of
		// thousands facing famine": a toll, no withdrawal.
		return true
	case hostForms.has(words[h]) && (headcount(words, h+1) || countBefore(words, h)) && t.Entry.Root() == "04":
		// "Turkey hosts 3.6 million Syrians", "the 3.5 million Syrians
		// it already hosts": housing refugees, no meeting.
		return true
	}
	return false
}
