package actor

import "testing"

// TestPickByTitleAndFocus checks how a name shared by several people, or
// a bare given name after a title, is told apart.
func TestPickByTitleAndFocus(t *testing.T) {
	tests := []storyCase{
		{"king of the country in focus", "2010-03-05",
			[]string{"Jordan and Jordan.", "King Abdullah spoke."},
			[]want{{"King Abdullah", "JOR", "GOV", KindPerson}}},
		{"the other king in another story", "2010-03-05",
			[]string{"Saudi Arabia and Riyadh.", "King Abdullah spoke."},
			[]want{{"King Abdullah", "SAU", "GOV", KindPerson}}},
		{"title rules out a namesake in another office", "2019-01-01",
			[]string{"King Abdullah spoke."},
			[]want{{"King Abdullah", "JOR", "GOV", KindPerson}}},
		{"former holder of the title", "2022-03-05",
			[]string{"former President Trump said."},
			[]want{{"President Trump", "USA", "", KindPerson}}},
		{"no namesake ever held it", "2022-03-05",
			[]string{"Crown Prince Mohammed said."},
			[]want{{"Crown Prince Mohammed", "", "GOV", KindPerson}}},
		{"common surname known after the full name", "2022-02-18",
			[]string{"Colonel Abdoulaye Maïga spoke.", "Maiga accused France."},
			[]want{{"Maiga", "MLI", "GOV", KindPerson}, {"France", "FRA", "GOV", KindState}}},
		{"diacritics fold", "2019-04-07",
			[]string{"Erdoğan, Çavuşoğlu and Khalifa Ḥaftar met."},
			[]want{{"Erdoğan", "TUR", "GOV", KindPerson}, {"Çavuşoğlu", "TUR", "GOV", KindPerson}, {"Khalifa Ḥaftar", "LBY", "REB", KindPerson}}},
	}
	runStoryCases(t, tests, nil)
}

func TestGenderAgreement(t *testing.T) {
	tests := []storyCase{
		{"she skips the latest man", "2015-02-12",
			[]string{"Merkel met Putin.", "She said so."},
			[]want{{"She", "DEU", "GOV", KindPronoun}}},
		{"he skips the latest woman", "2015-02-12",
			[]string{"Putin met Merkel.", "He said so."},
			[]want{{"He", "RUS", "GOV", KindPronoun}}},
		{"gendered cue of a new person", "2015-02-12",
			[]string{"Putin spoke.", "Ukrainian spokeswoman Olena Bondar replied.", "She said so."},
			[]want{{"She", "UKR", "GOV", KindPronoun}}},
		{"unknown gender agrees with both", "2015-02-12",
			[]string{"Putin spoke.", "Ukrainian spokesperson Olena Bondar replied.", "He said so."},
			[]want{{"He", "UKR", "GOV", KindPronoun}}},
	}
	runStoryCases(t, tests, nil)
}

func TestGenderListNamesKnownPeople(t *testing.T) {
	g := MustLoad(t)
	for _, n := range g.idx.noWoman {
		t.Errorf("data/gender.yaml: %q is in no people table", n)
	}
	women := 0
	for _, f := range g.idx.female {
		if f {
			women++
		}
	}
	t.Logf("%d women of %d people", women, len(g.idx.people))
}
