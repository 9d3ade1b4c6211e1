package actor

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// want is one expected match: its text, country, role and kind.
type want struct {
	text, country, role string
	kind                Kind
}

func check(t *testing.T, got []Match, wants []want) {
	t.Helper()
	var g []string
	for _, m := range got {
		g = append(g, m.Text+"|"+m.Actor.Country+"|"+string(m.Actor.Role)+"|"+string(m.Kind))
	}
	var w []string
	for _, x := range wants {
		w = append(w, x.text+"|"+x.country+"|"+x.role+"|"+string(x.kind))
	}
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("matches:\n  got  %q\n  want %q", g, w)
	}
}

func TestFind(t *testing.T) {
	g := Default()
	tests := []struct {
		name, date, text string
		want             []want
	}{
		{"state and metonym", "2019-06-03", "The Kremlin rebuffed criticism from the United States.",
			[]want{{"Kremlin", "RUS", "GOV", KindMetonym}, {"United States", "USA", "GOV", KindState}}},
		{"short forms", "2019-06-03", "Britain, the UK and the U.S. met America's allies.",
			[]want{{"Britain", "GBR", "GOV", KindState}, {"UK", "GBR", "GOV", KindState}, {"U.S.", "USA", "GOV", KindState}, {"America", "USA", "GOV", KindState}}},
		{"capitals as metonyms", "2019-06-03", "Ankara and Damascus traded blame, Downing Street said.",
			[]want{{"Ankara", "TUR", "GOV", KindMetonym}, {"Damascus", "SYR", "GOV", KindMetonym}, {"Downing Street", "GBR", "GOV", KindMetonym}}},
		{"capital as a place", "2019-06-03", "Talks were held in Moscow.",
			[]want{{"Moscow", "RUS", "", KindPlace}}},
		{"title and person", "2022-03-01", "Ukrainian President Volodymyr Zelenskiy spoke.",
			[]want{{"Ukrainian President Volodymyr Zelenskiy", "UKR", "GOV", KindPerson}}},
		{"surname alone", "2019-06-03", "Peskov told reporters that Erdoğan and Putin would meet.",
			[]want{{"Peskov", "RUS", "GOV", KindPerson}, {"reporters", "", "MED", KindAgent}, {"Erdoğan", "TUR", "GOV", KindPerson}, {"Putin", "RUS", "GOV", KindPerson}}},
		{"ministry with possessive", "2020-02-28", "Russia's defence ministry and Turkey's foreign ministry said.",
			[]want{{"Russia's defence ministry", "RUS", "GOV", KindAgent}, {"Turkey's foreign ministry", "TUR", "GOV", KindAgent}}},
		{"armed forces", "2020-02-28", "The Syrian air force, Turkish troops and Israel's military.",
			[]want{{"Syrian air force", "SYR", "MIL", KindAgent}, {"Turkish troops", "TUR", "MIL", KindAgent}, {"Israel's military", "ISR", "MIL", KindAgent}}},
		{"generic agents", "2020-02-28", "Syrian government forces and Russian warplanes hit Turkish soldiers.",
			[]want{{"Syrian government forces", "SYR", "MIL", KindAgent}, {"Russian warplanes", "RUS", "MIL", KindAgent}, {"Turkish soldiers", "TUR", "MIL", KindAgent}}},
		{"rebels and civilians", "2020-02-28", "Palestinian militants fired; Syrians displaced by the fighting fled.",
			[]want{{"Palestinian militants", "PSE", "REB", KindAgent}, {"Syrians", "SYR", "CVL", KindAgent}}},
		{"bare agents", "2020-02-28", "Protesters and police clashed.",
			[]want{{"Protesters", "", "CVL", KindAgent}, {"police", "", "MIL", KindAgent}}},
		{"conjoined adjectives", "2019-06-03", "Trump urged Russian and Syrian government forces to stop.",
			[]want{{"Trump", "USA", "GOV", KindPerson}, {"Russian", "RUS", "MIL", KindAgent}, {"Syrian government forces", "SYR", "MIL", KindAgent}}},
		{"modifier carries over a conjoined head", "2023-10-08", "Israeli civilians and soldiers were killed.",
			[]want{{"Israeli civilians", "ISR", "CVL", KindAgent}, {"soldiers", "ISR", "MIL", KindAgent}}},
		// Both modified heads are read into the same buffer of the
		// document: the first pair must be kept before the second is read.
		{"two modified heads in a sentence", "2023-10-08", "Israeli civilians and soldiers fled as Egyptian troops and police arrived.",
			[]want{{"Israeli civilians", "ISR", "CVL", KindAgent}, {"soldiers", "ISR", "MIL", KindAgent},
				{"Egyptian troops", "EGY", "MIL", KindAgent}, {"police", "EGY", "MIL", KindAgent}}},
		{"conjoined states", "2019-06-03", "Russia and Turkey agreed.",
			[]want{{"Russia", "RUS", "GOV", KindState}, {"Turkey", "TUR", "GOV", KindState}}},
		{"three adjectives", "2019-06-03", "Russian, Iranian and Turkish officials met.",
			[]want{{"Russian", "RUS", "GOV", KindAgent}, {"Iranian", "IRN", "GOV", KindAgent}, {"Turkish officials", "TUR", "GOV", KindAgent}}},
		{"groups", "2023-04-16", "The RSF, Houthi rebels, Houthi fighters and Hayat Tahrir al-Sham.",
			[]want{{"RSF", "SDN", "REB", KindGroup}, {"Houthi rebels", "YEM", "REB", KindGroup}, {"Houthi fighters", "YEM", "REB", KindAgent}, {"Hayat Tahrir al-Sham", "SYR", "REB", KindGroup}}},
		{"wagner", "2022-02-18", "Wagner fighters arrived.",
			[]want{{"Wagner fighters", "RUS", "REB", KindAgent}}},
		{"igo and ngo", "2019-06-03", "The UN Security Council, NATO, the ICRC and Amnesty International.",
			[]want{{"UN Security Council", "IGO", "IGO", KindOrg}, {"NATO", "IGO", "IGO", KindOrg}, {"ICRC", "IGO", "NGO", KindOrg}, {"Amnesty International", "IGO", "NGO", KindOrg}}},
		{"region forces are rebels", "2022-11-03", "Tigrayan forces withdrew.",
			[]want{{"Tigrayan forces", "ETH", "REB", KindAgent}}},
		{"post-modifier", "2020-11-10", "The leader of Russia and the government in Damascus.",
			[]want{{"leader of Russia", "RUS", "GOV", KindAgent}, {"government in Damascus", "SYR", "GOV", KindAgent}}},
		{"persons office", "2023-10-08", "Netanyahu's office said.",
			[]want{{"Netanyahu's office", "ISR", "GOV", KindAgent}}},
		{"person as modifier", "2019-06-03", "The Assad regime and the Trump administration.",
			[]want{{"Assad regime", "SYR", "GOV", KindAgent}, {"Trump administration", "USA", "GOV", KindAgent}}},
		{"organisation's official", "2023-01-10", "The EU's foreign policy chief Josep Borrell said.",
			[]want{{"EU's foreign policy chief Josep Borrell", "IGO", "IGO", KindPerson}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, g.Find(tt.text, day(tt.date)), tt.want)
		})
	}
}

func TestFalsePositives(t *testing.T) {
	g := Default()
	tests := []struct {
		name, date, text string
		want             []want
	}{
		{"adjective before a non-agent", "2020-02-28", "They reached the Turkish border.",
			[]want{{"Turkish", "TUR", "", KindAdjective}}},
		{"place", "2020-02-28", "Idlib is under fire.",
			[]want{{"Idlib", "SYR", "", KindPlace}}},
		{"media", "2020-02-28", "Reuters and AP reported.",
			[]want{{"Reuters", "GBR", "MED", KindOrg}, {"AP", "USA", "MED", KindOrg}}},
		{"month is not Theresa May", "2018-05-03", "In May the talks resumed.", nil},
		{"Theresa May with a cue", "2018-05-03", "Prime Minister May said.",
			[]want{{"Prime Minister May", "GBR", "GOV", KindPerson}}},
		{"lowercase acronyms", "2020-02-28", "He told us who was there.",
			[]want{{"He", "", "", KindPronoun}}},
		{"adjective use of a singular head", "2019-06-03", "rebel attacks and civilian deaths",
			nil},
		{"ignored phrase", "2019-06-03", "Turkish Airlines resumed flights.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, g.Find(tt.text, day(tt.date)), tt.want)
		})
	}
}

func TestDatedRoles(t *testing.T) {
	g := Default()
	tests := []struct {
		name, date, text, country, role string
	}{
		{"Trump in office", "2019-06-03", "Trump", "USA", "GOV"},
		// A former leader keeps the country, not the government's role.
		{"Trump out of office", "2022-06-01", "Trump", "USA", ""},
		{"Trump second term", "2025-06-01", "Trump", "USA", "GOV"},
		{"Putin as prime minister", "2010-01-01", "Putin", "RUS", "GOV"},
		{"Netanyahu in opposition", "2022-01-01", "Netanyahu", "ISR", "OPP"},
		{"Guterres at the UNHCR", "2010-01-01", "Guterres", "IGO", "IGO"},
		{"Stoltenberg as Norway's PM", "2010-01-01", "Jens Stoltenberg", "NOR", "GOV"},
		{"Stoltenberg at NATO", "2020-01-01", "Jens Stoltenberg", "IGO", "IGO"},
		{"Haftar", "2019-04-07", "Khalifa Haftar", "LBY", "REB"},
		{"Sharaa as rebel", "2020-01-01", "Ahmed al-Sharaa", "SYR", "REB"},
		{"Sharaa as president", "2025-03-01", "Ahmed al-Sharaa", "SYR", "GOV"},
		{"Min Aung Hlaing before the coup", "2020-01-01", "Min Aung Hlaing", "MMR", "MIL"},
		{"Min Aung Hlaing after the coup", "2022-01-01", "Min Aung Hlaing", "MMR", "GOV"},
		{"shared surname by date", "2019-01-01", "Rouhani", "IRN", "GOV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text, day(tt.date))
			if len(ms) != 1 || ms[0].Kind != KindPerson {
				t.Fatalf("Find(%q) = %v, want one person", tt.text, ms)
			}
			if a := ms[0].Actor; a.Country != tt.country || string(a.Role) != tt.role {
				t.Errorf("got %s %s, want %s %s", a.Country, a.Role, tt.country, tt.role)
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	text := readSamples(t)
	for _, m := range Default().Find(text, day("2020-03-05")) {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad match %+v", m)
		}
	}
}

// readSamples joins the sample articles, the benchmark and fuzz corpus.
func readSamples(tb testing.TB) string {
	tb.Helper()
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	if len(files) == 0 {
		tb.Skip("no sample articles")
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	g := Default()
	text := readSamples(b)
	paras := strings.Split(text, "\n")
	at := day("2020-03-05")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := g.NewDocument(at)
		for _, p := range paras {
			d.Find(p)
		}
	}
}

// storyCase is a short story read by one document: want holds the
// matches of its last sentence, read after the ones before it.
type storyCase struct {
	name, date string
	sentences  []string
	want       []want
}

// runStoryCases reads each case's sentences in a new document dated
// date and checks the matches of the last one whose kind keep accepts
// (all of them when keep is nil).
func runStoryCases(t *testing.T, cases []storyCase, keep func(Kind) bool) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			d := Default().NewDocument(day(tt.date))
			var got []Match
			for _, s := range tt.sentences {
				got = d.Find(s)
			}
			if keep != nil {
				got = slices.DeleteFunc(got, func(m Match) bool { return !keep(m.Kind) })
			}
			check(t, got, tt.want)
		})
	}
}

// actorKinds leaves out places and adjectives.
func actorKinds(k Kind) bool { return k != KindPlace && k != KindAdjective }
