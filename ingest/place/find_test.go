package place

import (
	"slices"
	"testing"
)

func TestFind(t *testing.T) {
	type want struct{ text, country string }
	g := Default()
	for _, tc := range []struct {
		name string
		text string
		want []want
	}{
		{"city", "Air strikes hit Idlib on Monday.", []want{{"Idlib", "SYR"}}},
		{"possessive", "Idlib's hospitals were full.", []want{{"Idlib", "SYR"}}},
		{"multiword", "Shelling near Deir ez-Zor and in Khan Younis.", []want{{"Deir ez-Zor", "SYR"}, {"Khan Younis", "PSE"}}},
		{"spellings", "From Kiev to Odessa, and Kyiv to Odesa.", []want{{"Kiev", "UKR"}, {"Odessa", "UKR"}, {"Kyiv", "UKR"}, {"Odesa", "UKR"}}},
		{"apostrophe", "Fighting in Ta'izz and Hodeidah, Yemen.", []want{{"Ta'izz", "YEM"}, {"Hodeidah", "YEM"}, {"Yemen", "YEM"}}},
		{"tripoli libya", "Militias clashed in Tripoli overnight.", []want{{"Tripoli", "LBY"}}},
		{"tripoli lebanon", "Protesters in Tripoli, Lebanon's second city, blocked roads.", []want{{"Tripoli", "LBN"}, {"Lebanon", "LBN"}}},
		{"tripoli by capital", "From Beirut, the army sent troops to Tripoli.", []want{{"Beirut", "LBN"}, {"Tripoli", "LBN"}}},
		{"region word", "Rebels hold Idlib province.", []want{{"Idlib", "SYR"}}},
		{"region", "Aid reached Tigray and Mekelle.", []want{{"Tigray", "ETH"}, {"Mekelle", "ETH"}}},
		{"all caps dateline", "KHARTOUM (Reuters) - The army said", []want{{"KHARTOUM", "SDN"}}},
		{"gaza", "Rockets were fired from Gaza.", []want{{"Gaza", "PSE"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := g.Find(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %v, want %v", tc.text, got, tc.want)
			}
			for i, m := range got {
				if m.Text != tc.want[i].text || m.Country != tc.want[i].country {
					t.Errorf("match %d = %q %s, want %q %s", i, m.Text, m.Country, tc.want[i].text, tc.want[i].country)
				}
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("match %d: offsets [%d,%d) do not hold %q", i, m.Start, m.End, m.Text)
				}
			}
		})
	}
}

// TestFindSkips holds words and names that are not the places they spell.
func TestFindSkips(t *testing.T) {
	g := Default()
	for _, text := range []string{
		"Of the 12 wounded, three died.",         // Of, a town in Turkey
		"Police said the Man was arrested.",      // Police (Poland is not listed), Man
		"Bar owners and Bay residents protested", // Bar, Bay
		"President Vladimir Putin spoke.",        // Vladimir, a town in Russia
		"Former vice-president Al Gore said",     // Gore, a town in Ethiopia
		"Since then, more talks were held.",      // Since, More
		"The UN and the ICC said",                // acronyms
		"idlib and aleppo in lower case",         // names need a capital
	} {
		if got := g.Find(text); len(got) != 0 {
			t.Errorf("Find(%q) = %v, want nothing", text, got)
		}
	}
}

func TestFindWithContext(t *testing.T) {
	g := Default()
	got := g.FindWith("Clashes erupted in Tripoli.", []string{"LBN"})
	if len(got) != 1 || got[0].Country != "LBN" {
		t.Errorf("FindWith LBN = %v, want Tripoli in Lebanon", got)
	}
	// A small town is found only where the text is about its country.
	if got := g.Find("Strikes on Kafr Nabuda"); len(got) != 0 && got[0].Country != "SYR" {
		t.Errorf("Kafr Nabuda without context = %v", got)
	}
	if got := g.FindWith("Strikes on Saraqeb", []string{"SYR"}); len(got) != 1 || got[0].Country != "SYR" {
		t.Errorf("Saraqeb with SYR = %v", got)
	}
	if got := g.Find("Javier Solana, Miranda and Aurora"); len(got) > 2 {
		t.Errorf("person names taken for places: %v", got)
	}
}

// TestAppendFindWith checks that matches appended to a slice holding
// others are those FindWith returns, after the others, and that a text
// with no place leaves the slice as it was.
func TestAppendFindWith(t *testing.T) {
	g := Default()
	first := g.FindWith("Shelling near Deir ez-Zor and in Khan Younis.", nil)
	if len(first) != 2 {
		t.Fatalf("FindWith = %v, want two places", first)
	}
	text := "Protesters in Tripoli, Lebanon's second city, blocked roads."
	got := g.AppendFindWith(first[:1:1], text, []string{"LBN"})
	want := append([]Match{first[0]}, g.FindWith(text, []string{"LBN"})...)
	if !slices.Equal(got, want) {
		t.Errorf("AppendFindWith = %v, want %v", got, want)
	}
	if got := g.AppendFindWith(first, "nothing to see here", nil); !slices.Equal(got, first) {
		t.Errorf("AppendFindWith with no place = %v, want %v", got, first)
	}
}
