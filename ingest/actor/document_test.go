package actor

import (
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

func TestRoleCues(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		want      []want // matches of the last sentence
	}{
		{"title before name", []string{"Ethiopian army chief Tesfaye Gudeta said."},
			[]want{{"Ethiopian army chief Tesfaye Gudeta", "ETH", "MIL", KindPerson}}},
		{"appositive", []string{"John Quarrington, the foreign minister, spoke."},
			[]want{{"John Quarrington", "", "GOV", KindPerson}}},
		{"appositive with country", []string{"Aster Bekele, Ethiopia's defence minister, spoke."},
			[]want{{"Aster Bekele", "ETH", "GOV", KindPerson}}},
		{"bare title", []string{"spokesman John Quarrington said."},
			[]want{{"spokesman John Quarrington", "", "GOV", KindPerson}}},
		{"group spokesman", []string{"Hamas spokesman Fawzi Qadri said."},
			[]want{{"Hamas spokesman Fawzi Qadri", "PSE", "REB", KindPerson}}},
		{"surname later", []string{"Ethiopian army chief Tesfaye Gudeta said.", "Gudeta added that Gudeta's troops held."},
			[]want{{"Gudeta", "ETH", "MIL", KindPerson}, {"Gudeta's troops", "ETH", "MIL", KindAgent}}},
		{"full name later", []string{"Hamas spokesman Fawzi Qadri said.", "Fawzi Qadri denied it."},
			[]want{{"Fawzi Qadri", "PSE", "REB", KindPerson}}},
		{"known person with appositive", []string{"Dmitry Peskov, the Kremlin spokesman, said."},
			[]want{{"Dmitry Peskov", "RUS", "GOV", KindPerson}}},
		{"unknown capitalised words without a cue", []string{"Mr Quarrington's Dog Show opened."},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Default().NewDocument(day("2022-11-03"))
			var got []Match
			for _, s := range tt.sentences {
				got = d.Find(s)
			}
			check(t, got, tt.want)
		})
	}
}

func TestPronouns(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		text      string // the pronoun in the last sentence
		resolved  bool
		country   string
		role      string
		hint      Kind
	}{
		{"he is the last person", []string{"Putin met Erdogan.", "He said so."}, "He", true, "TUR", "GOV", KindPerson},
		{"the group", []string{"Hamas fired rockets.", "The group said so."}, "The group", true, "PSE", "REB", KindGroup},
		{"the army after a state", []string{"Sudan's army attacked the RSF.", "The army said so."}, "The army", true, "SDN", "MIL", KindAgent},
		{"the ministry", []string{"Russia blamed Kyiv.", "The ministry said so."}, "The ministry", true, "UKR", "GOV", KindAgent},
		{"the militants", []string{"Israel struck Hamas.", "The militants fired back."}, "The militants", true, "PSE", "REB", KindAgent},
		{"nothing to refer to", []string{"It rained.", "He left."}, "He", false, "", "", KindPerson},
		{"the army chief is not a short form", []string{"Sudan's army attacked.", "The army chief Gen. Abdel Fattah al-Burhan spoke."}, "", false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Default().NewDocument(day("2023-04-16"))
			var got []Match
			for _, s := range tt.sentences {
				got = d.Find(s)
			}
			var p *Match
			for i := range got {
				if got[i].Kind == KindPronoun {
					p = &got[i]
				}
			}
			if tt.text == "" {
				if p != nil {
					t.Fatalf("unexpected pronoun %+v", *p)
				}
				return
			}
			if p == nil {
				t.Fatalf("no pronoun in %v", got)
			}
			if p.Text != tt.text || p.Resolved != tt.resolved || p.Actor.Country != tt.country || string(p.Actor.Role) != tt.role || p.Hint != tt.hint {
				t.Errorf("got %q resolved=%v %s %s hint %s, want %q %v %s %s %s", p.Text, p.Resolved, p.Actor.Country, p.Actor.Role, p.Hint,
					tt.text, tt.resolved, tt.country, tt.role, tt.hint)
			}
		})
	}
}

// TestFindSharedLow checks that the lower-cased text a caller passes
// gives the matches FindShared finds making its own, and that a lower
// case of another length is not read.
func TestFindSharedLow(t *testing.T) {
	texts := []string{
		"Russian and SYRIAN government forces shelled Idlib, the Kremlin said.",
		"President Erdoğan met UN envoy Geir Pedersen in Ankara on Monday.",
		"He said the army would withdraw.",
	}
	at := day("2019-06-03")
	plain, low := Default().NewDocument(at), Default().NewDocument(at)
	for i, text := range texts {
		want := slices.Clone(plain.FindShared(text))
		l := sentence.LowerASCII(text)
		if i == 1 {
			l = l[:len(l)-1] // not the text's lower case: ignored
		}
		if got := low.FindSharedLow(text, l); !slices.Equal(got, want) {
			t.Errorf("%q: FindSharedLow = %v, want %v", text, got, want)
		}
	}
}
