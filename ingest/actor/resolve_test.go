package actor

import (
	"testing"
)

// TestWhoIsWho checks the rules that tell who a mention is from what the
// story said before: leaders of coalitions, parties to a conflict,
// peoples' plurals and leaders' governments, on made-up stories. Only the
// matches of the last sentence that can act are compared.
func TestWhoIsWho(t *testing.T) {
	tests := []struct {
		name      string
		date      string
		sentences []string
		want      []want
	}{
		{"a coalition is its leader's", "2016-05-02",
			[]string{"The Egyptian-led coalition met.", "The coalition bombed Sirte."},
			[]want{{"coalition", "EGY", "MIL", KindAgent}}},
		{"the leader is kept in the mention", "2016-05-02",
			[]string{"A US-led coalition struck Raqqa."},
			[]want{{"US-led coalition", "USA", "MIL", KindAgent}}},
		{"led with filler words between", "2016-05-02",
			[]string{"Jordan, a member of the Saudi-led Arab military coalition, spoke.", "Coalition warplanes struck."},
			[]want{{"Coalition warplanes", "SAU", "MIL", KindAgent}}},
		{"forces led by a state", "1985-05-02",
			[]string{"Vietnamese-led forces attacked."},
			[]want{{"Vietnamese-led forces", "VNM", "MIL", KindAgent}}},
		{"a kind of group before its name is no second actor", "2016-05-02",
			[]string{"Israel barred the militant group Hamas."},
			[]want{{"Israel", "ISR", "GOV", KindState}, {"Hamas", "PSE", "REB", KindGroup}}},
		{"a group's lead is no state's", "2016-05-02",
			[]string{"The Houthi-led coalition met.", "The coalition fired."},
			[]want{{"coalition", "", "MIL", KindAgent}}},
		{"a coalition with no leader named", "2016-05-02",
			[]string{"The coalition fired."},
			[]want{{"coalition", "", "MIL", KindAgent}}},
		{"the alliance after a led alliance", "2016-05-02",
			[]string{"A Kenyan-led alliance formed.", "The alliance struck."},
			[]want{{"The alliance", "KEN", "MIL", KindAgent}}},
		{"the alliance after an alliance by name", "2016-05-02",
			[]string{"NATO warned Belarus.", "The alliance said."},
			[]want{{"The alliance", "IGO", "IGO", KindPronoun}}},
		{"the bloc", "2016-05-02",
			[]string{"The European Union warned Belarus.", "The bloc said."},
			[]want{{"The bloc", "IGO", "IGO", KindPronoun}}},
		{"a body named by its parent", "2016-05-02",
			[]string{"The UN agency said."},
			[]want{{"UN agency", "IGO", "IGO", KindOrg}}},
		{"a body and the kind of body it is are one actor", "2016-05-02",
			[]string{"Ambassadors of the Nato alliance met."},
			[]want{{"Nato alliance", "IGO", "IGO", KindOrg}}},
		{"the council is no filler and a head", "2016-05-02",
			[]string{"The Security Council met.", "The council said."},
			[]want{{"The council", "IGO", "IGO", KindPronoun}}},
		{"a short form with words between", "2016-05-02",
			[]string{"Hamas fired.", "The Islamist group said.", "The Iran-backed movement said."},
			[]want{{"The Iran-backed movement", "PSE", "REB", KindPronoun}}},
		{"a nation by a demonym with no plural", "2021-06-01",
			[]string{"The Chinese have rejected the plan."},
			[]want{{"The Chinese", "CHN", "GOV", KindAgent}}},
		{"two nations by their demonyms", "2021-06-01",
			[]string{"The British and the Dutch, who met, said."},
			[]want{{"The British", "GBR", "GOV", KindAgent}, {"the Dutch", "NLD", "GOV", KindAgent}}},
		{"a demonym before a noun is an adjective", "2021-06-01",
			[]string{"The French army and the Japanese Prime Minister spoke."},
			[]want{{"French army", "FRA", "MIL", KindAgent}, {"Japanese Prime Minister", "JPN", "GOV", KindAgent}}},
		{"a demonym with a plural needs it", "2021-06-01",
			[]string{"The Syrian said."},
			nil},
		{"the president with no one named", "2000-01-01",
			[]string{"Algeria held elections.", "The party will boycott unless the president agrees."},
			[]want{{"the president", "DZA", "GOV", KindPronoun}}},
		{"the president after a president named", "2000-01-01",
			[]string{"Algeria held elections.", "President Vladimir Putin spoke.", "The president left."},
			[]want{{"The president", "RUS", "GOV", KindPronoun}}},
		{"the ambassador with no one named stays unknown", "2000-01-01",
			[]string{"Algeria held elections.", "The ambassador left."},
			[]want{{"The ambassador", "", "GOV", KindPronoun}}},
		{"a region's side", "2021-06-01",
			[]string{"The Tigrayan side refused."},
			[]want{{"Tigrayan side", "ETH", "REB", KindAgent}}},
		{"a state's side", "2021-06-01",
			[]string{"The Russian side refused."},
			[]want{{"Russian side", "RUS", "GOV", KindAgent}}},
		{"a side of a border", "2021-06-01",
			[]string{"Shells fell on the Russian side of the border."},
			nil},
		{"plural not made from the adjective", "2021-06-01",
			[]string{"Turks and Britons protested."},
			[]want{{"Turks", "TUR", "CVL", KindAgent}, {"Britons", "GBR", "CVL", KindAgent}}},
		{"a people of one state's region", "1995-07-11",
			[]string{"Bosnian Serbs shelled the town."},
			[]want{{"Bosnian Serbs", "BIH", "CVL", KindAgent}}},
		{"a people without a state takes the story's country", "2019-10-09",
			[]string{"Shelling hit Idlib.", "Kurds fled."},
			[]want{{"Kurds", "SYR", "CVL", KindAgent}}},
		{"a people without a state, modified", "2019-10-09",
			[]string{"Shelling hit Idlib.", "Iraqi Kurds fled."},
			[]want{{"Iraqi Kurds", "IRQ", "CVL", KindAgent}}},
		{"a leader's government by a surname that is a word", "2005-06-01",
			[]string{"The Bush administration refused."},
			[]want{{"Bush administration", "USA", "GOV", KindAgent}}},
		{"a former leader's government", "2015-06-01",
			[]string{"The Bush administration invaded Iraq in 2003."},
			[]want{{"Bush administration", "USA", "GOV", KindAgent}, {"Iraq", "IRQ", "GOV", KindState}}},
		{"a month before government is no leader", "2017-06-01",
			[]string{"Troops shelled Bamako.", "In May government troops fired."},
			[]want{{"government troops", "MLI", "MIL", KindAgent}}},
		{"a minister of state", "2019-06-03",
			[]string{"Minister of State for Foreign Affairs Anwar Gargash spoke."},
			[]want{{"Minister of State for Foreign Affairs Anwar Gargash", "ARE", "GOV", KindPerson}}},
		{"the army of a country its army rules", "2022-03-01",
			[]string{"Mali expelled the envoy.", "Bamako said French troops would leave.", "The army seized power in 2020."},
			[]want{{"The army", "MLI", "MIL", KindPronoun}}},
		{"the army where no army rules", "2019-03-01",
			[]string{"Mali expelled the envoy.", "Bamako said French troops would leave.", "The army refused."},
			[]want{{"The army", "FRA", "MIL", KindPronoun}}},
		{"a junta named in passing does not own the army", "2022-06-01",
			[]string{"Russian troops shelled Kharkiv.", "Russian forces shelled Donetsk and Mariupol.", "Moscow sold arms to Myanmar.", "The army said."},
			[]want{{"The army", "RUS", "MIL", KindPronoun}}},
		{"a fronted place sets the scene", "2023-10-08",
			[]string{"Israel struck Gaza.", "In Egypt, a police officer opened fire."},
			[]want{{"Egypt", "EGY", "GOV", KindState}, {"police officer", "EGY", "MIL", KindAgent}}},
		{"a fronted region sets the scene", "2023-10-08",
			[]string{"Israel struck Gaza.", "In northern Syria, rebels fired."},
			[]want{{"Syria", "SYR", "GOV", KindState}, {"rebels", "SYR", "REB", KindAgent}}},
		{"a scene lasts one sentence", "2023-10-08",
			[]string{"Israel struck Gaza.", "In Egypt, a police officer opened fire.", "Rebels fired."},
			[]want{{"Rebels", "PSE", "REB", KindAgent}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Default().NewDocument(day(tt.date))
			var got []Match
			for _, s := range tt.sentences {
				got = d.Find(s)
			}
			var keep []Match
			for _, m := range got {
				if m.Kind != KindPlace && m.Kind != KindAdjective {
					keep = append(keep, m)
				}
			}
			check(t, keep, tt.want)
		})
	}
}

// TestCueOnlyPeople checks surnames that are common words or names: they
// name the person only after a first name or title, and alone once the
// article has named them so.
func TestCueOnlyPeople(t *testing.T) {
	tests := []struct {
		name      string
		date      string
		sentences []string
		want      []want
	}{
		{"a city is no foreign secretary", "2012-06-01",
			[]string{"Judges in The Hague ruled."},
			nil},
		{"another man of the same surname", "1998-06-01",
			[]string{"Apple chief Tim Cook and the writer Peter Baker spoke."},
			[]want{{"chief Tim Cook", "", "GOV", KindPerson}}},
		{"named in full with a title", "1999-06-01",
			[]string{"President Charles Taylor spoke."},
			[]want{{"President Charles Taylor", "LBR", "GOV", KindPerson}}},
		{"the surname alone once named", "1999-06-01",
			[]string{"President Charles Taylor spoke.", "Taylor left."},
			[]want{{"Taylor", "LBR", "GOV", KindPerson}}},
		{"the surname alone, never named", "1999-06-01",
			[]string{"Taylor left."},
			nil},
		{"a rebel leader before his presidency", "1992-06-01",
			[]string{"Charles Taylor spoke."},
			[]want{{"Charles Taylor", "LBR", "REB", KindPerson}}},
		{"a given name last", "1998-06-01",
			[]string{"Prime Minister Hun Sen spoke.", "Sen left."},
			[]want{{"Sen", "KHM", "GOV", KindPerson}}},
		{"a dynasty is no person", "2010-06-01",
			[]string{"Thani and Khalifa left."},
			nil},
		{"a minister of a Gulf state", "2021-06-01",
			[]string{"Foreign Minister Abdullatif al-Zayani spoke."},
			[]want{{"Foreign Minister Abdullatif al-Zayani", "BHR", "GOV", KindPerson}}},
		{"a new person's surname without its article", "2019-06-01",
			[]string{"Army spokesman Colonel Khaled al-Fulani spoke.", "Fulani left."},
			[]want{{"Fulani", "", "MIL", KindPerson}}},
		{"a new person's surname with its article", "2019-06-01",
			[]string{"Army spokesman Colonel Khaled al-Fulani spoke.", "Al-Fulani left."},
			[]want{{"Al-Fulani", "", "MIL", KindPerson}}},
		{"a month is no surname met before", "2018-06-01",
			[]string{"Prime Minister Theresa May spoke.", "Talks in May and on May 5 failed."},
			nil},
		{"a surname that is a month, met before", "2018-06-01",
			[]string{"Prime Minister Theresa May spoke.", "May left."},
			[]want{{"May", "GBR", "GOV", KindPerson}}},
		{"weather is no press secretary", "2006-06-01",
			[]string{"Snow fell on Washington."},
			nil},
		{"a chief of the general staff of the 2000s", "2006-06-01",
			[]string{"General Yuri Baluyevsky spoke."},
			[]want{{"General Yuri Baluyevsky", "RUS", "MIL", KindPerson}}},
		{"a defence minister of the 2010s", "2013-06-01",
			[]string{"Vecdi Gonul spoke."},
			[]want{{"Vecdi Gonul", "TUR", "", KindPerson}}},
		{"a surname two people share is the one named", "2023-04-16",
			[]string{"General Mohamed Hamdan Dagalo spoke.", "Dagalo left."},
			[]want{{"Dagalo", "SDN", "REB", KindPerson}}},
		{"a shared surname follows the latest named", "2023-04-16",
			[]string{"General Mohamed Hamdan Dagalo spoke.", "His brother Abdelrahim Dagalo spoke.", "Dagalo left."},
			[]want{{"Dagalo", "SDN", "REB", KindPerson}}},
		{"a shared surname never named in full", "2023-04-16",
			[]string{"Dagalo left."},
			nil},
		{"a common given name is no surname", "2010-06-01",
			[]string{"Mahmud left."},
			nil},
		{"a Syrian defence minister of the 2000s", "2007-06-01",
			[]string{"Hassan Turkmani spoke."},
			[]want{{"Hassan Turkmani", "SYR", "GOV", KindPerson}}},
		{"a king whose regnal number is no surname", "2005-06-01",
			[]string{"King Mswati spoke.", "Richard III left."},
			nil},
		{"a head of state of the 2000s", "2005-06-01",
			[]string{"Dos Santos spoke."},
			[]want{{"Dos Santos", "AGO", "GOV", KindPerson}}},
		{"a common surname after a title is a first name when a name follows", "2000-01-01",
			[]string{"President Omar Hassan spoke."},
			[]want{{"President Omar Hassan", "", "GOV", KindPerson}}},
		{"a common surname after a title", "2000-01-01",
			[]string{"Taliban leader Mullah Omar spoke."},
			[]want{{"Taliban leader Mullah Omar", "AFG", "REB", KindPerson}}},
		{"a G20 foreign minister of the 2010s", "2010-06-01",
			[]string{"Okada spoke."},
			[]want{{"Okada", "JPN", "GOV", KindPerson}}},
		{"a common Hispanic surname needs a cue", "2023-01-01",
			[]string{"Rodriguez and Sanchez left."},
			nil},
		{"a conflict state's foreign minister", "2016-01-01",
			[]string{"Gebran Bassil spoke."},
			[]want{{"Gebran Bassil", "LBN", "GOV", KindPerson}}},
		{"whose spokesman: an armed force", "2023-05-01",
			[]string{"Nabil Abdallah, a spokesman for the Sudanese army, said.", "Abdallah added."},
			[]want{{"Abdallah", "SDN", "MIL", KindPerson}}},
		{"whose spokesman: a group", "2023-05-01",
			[]string{"Hazem Qassem, a spokesman for Hamas, said."},
			[]want{{"Hazem Qassem", "PSE", "REB", KindPerson}}},
		{"whose spokeswoman: a seat of power", "2023-05-01",
			[]string{"Jane Roe, a spokeswoman for the Kremlin, said."},
			[]want{{"Jane Roe", "RUS", "GOV", KindPerson}}},
		{"a region's office is no state's", "2023-05-01",
			[]string{"Ali Saleh, the governor of Idlib, said."},
			[]want{{"Ali Saleh", "", "GOV", KindPerson}}},
		{"a chief of the general staff", "2005-05-01",
			[]string{"General Hilmi Ozkok spoke.", "Ozkok left."},
			[]want{{"Ozkok", "TUR", "MIL", KindPerson}}},
		{"a surname three people share, one named", "2019-09-16",
			[]string{"Foreign ministry spokesman Abbas Mousavi spoke.", "Mousavi left."},
			[]want{{"Mousavi", "IRN", "GOV", KindPerson}}},
		{"the same man at an international body before", "2019-06-01",
			[]string{"Abdullatif al-Zayani spoke."},
			[]want{{"Abdullatif al-Zayani", "IGO", "IGO", KindPerson}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Default().NewDocument(day(tt.date))
			var got []Match
			for _, s := range tt.sentences {
				got = d.Find(s)
			}
			var keep []Match
			for _, m := range got {
				if m.Kind == KindPerson {
					keep = append(keep, m)
				}
			}
			check(t, keep, tt.want)
		})
	}
}
