package actor

import (
	"strings"
)

// Gender agreement for "he" and "she". The people tables list every woman
// they hold (data/gender.yaml, checked by a test to name only known
// people), so a person from the data who is not listed is a man. People
// met in an article get a gender only from a gendered role cue
// ("spokeswoman", "Queen"); others have none and agree with both.

// genderOf is 'f', 'm' or 0 (unknown) for a person match.
func (d *Document) genderOf(m *Match) byte {
	if m.Kind != KindPerson {
		return 0
	}
	if g, ok := d.genders[m.Actor.Name]; ok {
		return g
	}
	if f, ok := d.g.idx.female[m.Actor.Name]; ok {
		if f {
			return 'f'
		}
		return 'm'
	}
	return 0
}

// pronounGender is the gender a personal pronoun asks for.
func pronounGender(text string) byte {
	switch strings.ToLower(text) {
	case "she":
		return 'f'
	case "he":
		return 'm'
	}
	return 0
}

// cueGender reads a gender off a role cue: "spokeswoman", "Queen",
// "Mrs" are women's, "spokesman", "King", "Mr" men's.
func cueGender(cue string) byte {
	for _, w := range strings.Fields(cue) {
		switch {
		case strings.HasSuffix(w, "woman") || w == "queen" || w == "mrs" || w == "mrs." || w == "ms" || w == "ms." ||
			w == "dame" || w == "princess" || w == "empress" || w == "madam":
			return 'f'
		case strings.HasSuffix(w, "man") && w != "chairman" || w == "king" || w == "mr" || w == "mr." || w == "sir" ||
			w == "prince" || w == "emir" || w == "sultan" || w == "sheikh":
			return 'm'
		}
	}
	return 0
}

// agrees reports whether antecedent h can be the person pronoun m names.
func (d *Document) agrees(m, h *Match) bool {
	want := pronounGender(m.Text)
	if want == 0 {
		return true
	}
	got := d.genderOf(h)
	return got == 0 || got == want
}

// addWomen marks the people the gender list names; every other person of
// the data is a man. Names not in the data are returned for the test.
func (x *index) addWomen(women []string) (unknown []string) {
	byName := map[string]string{}
	x.female = map[string]bool{}
	for _, p := range x.people {
		byName[fold(p.name)] = p.name
		x.female[p.name] = false
	}
	for _, w := range women {
		name, ok := byName[fold(w)]
		if !ok {
			unknown = append(unknown, w)
			continue
		}
		x.female[name] = true
	}
	return unknown
}
