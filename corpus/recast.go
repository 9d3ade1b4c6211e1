package corpus

import (
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/place"
)

// A name class is what a name may be swapped for when a story is recast:
// a state for a state, a surname for a surname, a city for a place.
type nameClass uint8

const (
	classState   nameClass = iota // "Russia"
	classDemonym                  // "Russian", also as the first word of "Russian forces"
	classMetonym                  // "Kremlin", "Ankara"
	classPerson                   // "President Vladimir Putin"
	classSurname                  // "Putin"
	classGroup                    // "Hamas"
	classOrg                      // "United Nations"
	classPlace                    // "Idlib", "Gaza Strip": where, not who
	nameClasses
)

// slot is a name in a sample sentence that a recast may replace.
type slot struct {
	start, end int
	class      nameClass
}

// sampleSentence is a sample sentence with its names.
type sampleSentence struct {
	text  string
	slots []slot
}

// recastRate is the chance that a name of a story is swapped for another.
const recastRate = 0.8

// findSlots finds the names of text that a recast may replace: the
// actors the extractor finds, then places not inside them. Generic
// agents ("the army") and pronouns stay, but an agent's leading demonym
// ("Russian forces") is a slot of its own.
func findSlots(text string, at time.Time, demonyms map[string]bool) []slot {
	var out []slot
	for _, m := range actor.Default().Find(text, at) {
		c, ok := classOf(m)
		if ok {
			out = append(out, slot{m.Start, m.End, c})
			continue
		}
		if m.Kind == actor.KindAgent {
			if w, _, _ := strings.Cut(m.Text, " "); w != m.Text && demonyms[w] {
				out = append(out, slot{m.Start, m.Start + len(w), classDemonym})
			}
		}
	}
	taken := out
	for _, m := range place.Default().Find(text) {
		if m.Kind == place.KindCountry || overlaps(taken, m.Start, m.End) {
			continue
		}
		out = append(out, slot{m.Start, m.End, classPlace})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func classOf(m actor.Match) (nameClass, bool) {
	switch m.Kind {
	case actor.KindState:
		return classState, true
	case actor.KindAdjective:
		return classDemonym, true
	case actor.KindMetonym:
		return classMetonym, true
	case actor.KindPerson:
		if strings.Contains(m.Text, " ") {
			return classPerson, true
		}
		return classSurname, true
	case actor.KindGroup:
		return classGroup, true
	case actor.KindOrg:
		return classOrg, true
	}
	return 0, false
}

func overlaps(slots []slot, start, end int) bool {
	for _, s := range slots {
		if start < s.end && s.start < end {
			return true
		}
	}
	return false
}

// recast is one story's swaps: each name it meets is replaced by a name
// of its class drawn from the samples, the same one throughout the article.
type recast struct {
	r     *rand.Rand
	pools *[nameClasses][]string
	swap  map[string]string
}

// apply returns s with its names swapped.
func (rc *recast) apply(s sampleSentence) string {
	if len(s.slots) == 0 {
		return s.text
	}
	var b strings.Builder
	at := 0
	for _, sl := range s.slots {
		b.WriteString(s.text[at:sl.start])
		b.WriteString(rc.name(s.text[sl.start:sl.end], sl.class))
		at = sl.end
	}
	b.WriteString(s.text[at:])
	return b.String()
}

func (rc *recast) name(old string, c nameClass) string {
	key := string(rune('0'+c)) + old
	if n, ok := rc.swap[key]; ok {
		return n
	}
	n := old
	if pool := rc.pools[c]; len(pool) > 1 && rc.r.Float64() < recastRate {
		n = pool[rc.r.IntN(len(pool))]
	}
	rc.swap[key] = n
	return n
}
