package coding

import "strings"

// Inflection is done by generating the forms of each lexicon lemma once,
// at load time, so that matching a sentence is a map lookup per token. The
// generator over-produces ("visitted" beside "visited"): a form that no
// one writes never matches, so the extra entries cost only memory.

// irregulars maps a lemma to its irregular forms ("shoot" -> "shot").
type irregulars map[string][]string

func (irr irregulars) parse(data string) {
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(strings.ToLower(line))
		if len(f) > 1 {
			irr[f[0]] = append(irr[f[0]], f[1:]...)
		}
	}
}

// fixed words are never inflected: particles and prepositions of patterns.
var fixed = map[string]bool{
	"to": true, "of": true, "on": true, "in": true, "for": true, "from": true,
	"with": true, "by": true, "at": true, "into": true, "out": true, "up": true,
	"down": true, "off": true, "back": true, "over": true, "against": true,
	"a": true, "an": true, "the": true, "and": true, "that": true, "as": true,
	"its": true, "their": true, "his": true, "her": true, "away": true,
	"no": true, "not": true, "all": true, "any": true, "about": true,
}

// forms returns the surface forms of pattern word w.
func forms(w string, noun bool, irr irregulars) map[string]bool {
	if exact, ok := strings.CutPrefix(w, "="); ok {
		return map[string]bool{exact: true}
	}
	m := map[string]bool{w: true}
	if fixed[w] {
		return m
	}
	for _, f := range irr[w] {
		m[f] = true
	}
	for _, f := range plural(w) {
		m[f] = true
	}
	if sg := singular(w); sg != "" {
		// Patterns name their objects in the plural ("withdraw * troops")
		// as news writes them; the singular ("withdraw its force") is the
		// same act.
		m[sg] = true
	}
	if noun {
		return m
	}
	for _, f := range verbForms(w) {
		m[f] = true
	}
	return m
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// plural gives the -s forms (also the third person of verbs).
func plural(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return []string{w + "es"}
	case w[n-1] == 'y' && n > 1 && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ies"}
	}
	return []string{w + "s"}
}

// pluralOnly are words whose singular is another word ("arms", "news").
var pluralOnly = map[string]bool{
	"arms": true, "news": true, "means": true, "series": true, "species": true,
	"headquarters": true, "us": true, "his": true, "its": true, "this": true,
	"as": true, "is": true, "was": true, "has": true, "does": true, "less": true,
	"always": true, "tidings": true, "remains": true, "goods": true, "politics": true,
	"thanks": true, "talks": true, "wages": true, "ethics": true, "physics": true,
}

// singular gives the singular of a regular plural pattern word, or "".
// Only words that look plural are touched; "-ss", "-us" and "-is" words
// are singular already ("press", "census", "crisis").
func singular(w string) string {
	n := len(w)
	switch {
	case n < 4 || pluralOnly[w] || w[n-1] != 's' || fixed[w]:
		return ""
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return ""
	case strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") ||
		strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:n-2]
	}
	return w[:n-1]
}

// verbForms gives past, participle and -ing forms.
func verbForms(w string) []string {
	n := len(w)
	if n < 2 {
		return nil
	}
	last := w[n-1]
	switch {
	case last == 'e':
		stem := w[:n-1]
		if strings.HasSuffix(w, "ee") || strings.HasSuffix(w, "ye") || strings.HasSuffix(w, "oe") {
			stem = w
		}
		return []string{w + "d", stem + "ing"}
	case last == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ied", w + "ing"}
	case last == 'c':
		return []string{w + "ked", w + "king", w + "ed", w + "ing"}
	}
	out := []string{w + "ed", w + "ing"}
	// Consonant-vowel-consonant endings double: "ban" -> "banned"; both
	// "travelled" and "traveled" occur, so produce both.
	if n >= 3 && !isVowel(last) && isVowel(w[n-2]) && !isVowel(w[n-3]) && strings.IndexByte("wxy", last) < 0 {
		d := w + string(last)
		out = append(out, d+"ed", d+"ing")
	}
	return out
}
