package actor

import (
	"testing"
)

// TestFocus checks the rules that give country-less agents the country
// the article is about, and those that keep it from them.
func TestFocus(t *testing.T) {
	tests := []storyCase{
		{"backer is not the actor", "2015-02-12",
			[]string{"Shelling hit Donetsk.", "Pro-Russian separatists and Russian-backed rebels attacked."},
			[]want{{"separatists", "UKR", "REB", KindAgent}, {"rebels", "UKR", "REB", KindAgent}}},
		{"unqualified forces", "2015-02-12",
			[]string{"Shelling hit Donetsk.", "Separatist forces and air defences fired artillery."},
			[]want{{"Separatist forces", "UKR", "REB", KindAgent}, {"air defences", "UKR", "MIL", KindAgent}, {"artillery", "UKR", "MIL", KindAgent}}},
		{"named group keeps its own country", "2019-09-16",
			[]string{"Saudi Arabia blamed Iran.", "Iran-backed Houthis claimed the attack."},
			[]want{{"Houthis", "YEM", "REB", KindGroup}}},
		{"unknown perpetrators stay unknown", "2019-06-03",
			[]string{"Idlib was shelled.", "Gunmen and drones attacked."},
			[]want{{"Gunmen", "", "REB", KindAgent}, {"drones", "", "MIL", KindAgent}}},
		{"no focus yet", "2019-06-03",
			[]string{"Rebels attacked."},
			[]want{{"Rebels", "", "REB", KindAgent}}},
		{"places count double", "2019-06-03",
			[]string{"Russia and Turkey met over Idlib.", "Rebels attacked."},
			[]want{{"Rebels", "SYR", "REB", KindAgent}}},
		{"army as adjective", "2023-10-08",
			[]string{"Israel struck Gaza.", "They attacked army posts and military infrastructure."},
			nil},
		{"last noun is the head", "2019-06-03",
			[]string{"Russian and Syrian government military action."},
			[]want{{"Russian", "RUS", "MIL", KindAgent}, {"Syrian government military", "SYR", "MIL", KindAgent}}},
		{"demonym of a people", "1999-03-24",
			[]string{"Serb forces attacked."},
			[]want{{"Serb forces", "SRB", "MIL", KindAgent}}},
		{"entity forces are rebels", "1995-07-11",
			[]string{"Bosnian Serb forces attacked."},
			[]want{{"Bosnian Serb forces", "BIH", "REB", KindAgent}}},
	}
	runStoryCases(t, tests, actorKinds)
}

func TestFocusInferred(t *testing.T) {
	d := Default().NewDocument(day("2019-06-03"))
	d.Find("Syria's army shelled Idlib.")
	ms := d.Find("Rebels and Syrian troops fought.")
	if len(ms) != 2 || !ms[0].Inferred || ms[1].Inferred {
		t.Fatalf("want the bare agent inferred, the modified one not: %+v", ms)
	}
}

func TestNamedEvents(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"agreements after a capital", "Both sides invoked the Minsk agreements.", nil},
		{"talks", "They returned to the Astana talks.", nil},
		{"year before the venue", "Russia broke the 2018 Sochi deal.", []want{{"Russia", "RUS", "GOV", KindState}}},
		{"numbered", "The Minsk II accords failed.", nil},
		{"capital acting", "Minsk agreed to host the talks.", []want{{"Minsk", "BLR", "GOV", KindMetonym}}},
		{"venue as place", "Talks were held in Astana.", []want{{"Astana", "KAZ", "", KindPlace}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Default().Find(tt.text, day("2020-01-01")), tt.want)
		})
	}
}

func TestRegimes(t *testing.T) {
	tests := []storyCase{
		{"the junta is the military government named", "2022-02-18",
			[]string{"France and France and Mali.", "Macron criticised the junta."},
			[]want{{"Macron", "FRA", "GOV", KindPerson}, {"the junta", "MLI", "GOV", KindPronoun}}},
		{"no junta ruling: the focus country", "2015-01-01",
			[]string{"Mali and Mali.", "The junta left."},
			[]want{{"The junta", "MLI", "GOV", KindPronoun}}},
		{"seat held by a rival", "2019-09-16", []string{"Sanaa denied it."},
			[]want{{"Sanaa", "YEM", "REB", KindMetonym}}},
		{"seat before it was taken", "2012-01-01", []string{"Sanaa denied it."},
			[]want{{"Sanaa", "YEM", "GOV", KindMetonym}}},
	}
	runStoryCases(t, tests, nil)
}

func TestDescriptiveApposition(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"member of a coalition", "The UAE, a leading member of the Saudi-led coalition, welcomed it.",
			[]want{{"UAE", "ARE", "GOV", KindState}}},
		{"ally", "Turkey, a NATO ally, shot down Russian jets.",
			[]want{{"Turkey", "TUR", "GOV", KindState}, {"Russian jets", "RUS", "MIL", KindAgent}}},
		{"not a description", "Turkey, a day after Russia struck, protested.",
			[]want{{"Turkey", "TUR", "GOV", KindState}, {"Russia", "RUS", "GOV", KindState}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, Default().Find(tt.text, day("2018-12-13")), tt.want)
		})
	}
}
