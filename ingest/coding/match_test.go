package coding

import (
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

// MustWords tokenises s into the lower-cased words Match expects.
func MustWords(tb testing.TB, s string) []string {
	tb.Helper()
	toks := sentence.Tokenize(s)
	if len(toks) == 0 {
		tb.Fatalf("no tokens in %q", s)
	}
	words := make([]string, len(toks))
	for i, tk := range toks {
		words[i] = tk.Text
	}
	return Lower(words)
}

// describe renders triggers as "head=code(pattern)" for failure messages.
func describe(words []string, trs []Trigger) string {
	var out []string
	for _, tr := range trs {
		out = append(out, words[tr.Head]+"="+tr.Entry.Code+"("+tr.Entry.Pattern+")")
	}
	return strings.Join(out, " ")
}

// The sentences are made up: each exercises one rule of the matcher or
// one family of lexicon entries, not any evaluation record.
func TestMatchRules(t *testing.T) {
	lx := Default()
	tests := []struct {
		name, sentence string
		head, code     string // the trigger expected at head ("" code: none there)
	}{
		// A pattern that ends on the first word of another governs it.
		{"governs demand", "The junta accepted demands from the unions for political reform.", "accepted", "083"},
		{"governed demand dropped", "The junta accepted demands from the unions for political reform.", "demands", ""},
		{"governs call", "The rebels rejected calls for talks with the army.", "rejected", "120"},
		{"governs release", "The envoy demanded the release of the prisoners.", "demanded", "1053"},
		// A gap does not cross a comma that opens a clause, but does
		// cross a comma of a list.
		{"gap stops at clause", "Fighting intensified, with fresh troops joining the offensive.", "intensified", ""},
		{"gap crosses list", "Ankara urged Moscow, Tehran and Damascus to halt the offensive.", "urged", "0256"},
		// Month names are dates, not marches.
		{"month after in", "The accord was signed in March 2001.", "march", ""},
		{"month before day", "Talks resumed on March 3 in Geneva.", "march", ""},
		{"march verb", "Thousands march on parliament every week.", "march", "141"},
		// Singular forms of plural pattern words.
		{"singular object", "Nigeria will withdraw its peacekeeping force from Chad.", "withdraw", "1661"},
		{"plural object", "Nigeria withdrew its troops from Chad.", "withdrew", "166"},
		// Irregular verbs.
		{"blew up", "Guerrillas blew up three power lines near the capital.", "blew", "1712"},
		{"fought", "Rebels fought government troops near the town.", "fought", "190"},
		// Words that are names or nouns are not reporting verbs.
		{"united states", "The United States imposed sanctions on the regime.", "states", ""},
		{"press agency", "The report came from the Canadian Press agency.", "press", ""},
		{"stated", "The ministry stated that talks would continue.", "stated", "010"},
		{"noun forces", "Forces from the north clashed with the army.", "forces", ""},
		// "struck" is an attack unless its object is a deal.
		{"struck attack", "Warplanes struck a fuel depot near the border.", "struck", "190"},
		{"struck deal", "The factions struck a compromise over the budget.", "struck", "057"},
		// Who storms decides between a riot and an assault.
		{"protesters storm", "Angry protesters stormed the ministry on Tuesday.", "protesters", "145"},
		{"troops storm", "Commandos stormed the hijacked ship.", "stormed", "190"},
		// A document release is a statement, not a concession.
		{"press release", "The group said in a press release that it would stay.", "press", "010"},
		{"prisoner release", "The junta will release the detained journalists.", "release", "0841"},
		// 'call X a Y' judges X; "call a strike" is a labour action.
		{"call step", "The minister called the pact an important step for the region.", "called", "051"},
		{"call insult", "The envoy called the raid a slap in the face of diplomacy.", "called", "111"},
		{"call strike", "Dock workers called a strike over unpaid wages.", "called", "143"},
		// Armed forces marching on a city advance; a crowd marches in protest.
		{"troops march", "Rebel fighters marched on the provincial capital.", "fighters", "190"},
		{"ordered march", "The general ordered his units to march on the capital.", "ordered", "190"},
		{"vow defend", "The governor vowed that the militia would defend the port.", "vowed", "138"},
		{"supervise", "A joint commission will supervise and monitor the truce.", "supervise", "030"},
		{"will boycott", "The union said its members would boycott the ceremony.", "would", "133"},
		{"must", "The minister reiterated that the rebels must lay down their arms.", "reiterated", "100"},
		{"neutralise", "The army said it had neutralised several rebel positions.", "neutralised", "190"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := MustWords(t, tt.sentence)
			trs := lx.Match(words)
			for _, tr := range trs {
				if words[tr.Head] != tt.head {
					continue
				}
				if tt.code == "" {
					t.Fatalf("unexpected trigger at %q: %s", tt.head, describe(words, trs))
				}
				if tr.Entry.Code != tt.code {
					t.Fatalf("code %s at %q, want %s: %s", tr.Entry.Code, tt.head, tt.code, describe(words, trs))
				}
				return
			}
			if tt.code != "" {
				t.Errorf("no trigger at %q, want %s: %s", tt.head, tt.code, describe(words, trs))
			}
		})
	}
}

// TestSubCodes checks that the common CAMEO sub-codes are reached by
// ordinary news phrasing.
func TestSubCodes(t *testing.T) {
	lx := Default()
	tests := []struct{ sentence, code string }{
		{"The minister appealed for economic aid after the floods.", "0231"},
		{"The president said he plans to visit Cairo next month.", "036"},
		{"The foreign minister paid a visit to Ankara.", "042"},
		{"Qatar hosted talks between the two sides.", "043"},
		{"Norway agreed to mediate between the government and the rebels.", "039"},
		{"Oslo mediated talks between the two sides.", "045"},
		{"The two sides signed a peace agreement in Doha.", "057"},
		{"Zambia extradited the suspect to Britain.", "063"},
		{"Israel shared intelligence with Washington.", "064"},
		{"Washington eased sanctions on Caracas.", "085"},
		{"The rebels declared a unilateral ceasefire.", "0871"},
		{"The army lifted the siege of the city.", "0872"},
		{"Protesters demonstrated outside the embassy.", "141"},
		{"The union demanded economic cooperation from the state.", "1011"},
		{"Parliament demanded military cooperation from its allies.", "1012"},
		{"Kyiv demanded the extradition of the suspects.", "1013"},
		{"The committee demanded intelligence on the plot.", "1014"},
		{"The senator criticised the decision.", "111"},
		{"Moscow accused Kyiv of the attack.", "112"},
		{"The opposition accused the mayor of embezzlement.", "1121"},
		{"Tehran rejected requests for humanitarian aid.", "122"},
		{"The president refused to step down.", "1231"},
		{"The rebels refused to release the hostages.", "1243"},
		{"Damascus refused to negotiate with the opposition.", "125"},
		{"The government rejected mediation by the AU.", "126"},
		{"The rebels rejected the peace plan.", "127"},
		{"The general threatened to use force against the protesters.", "137"},
		{"Pyongyang threatened to attack Seoul.", "1384"},
		{"The ministry recalled its ambassador from Paris.", "161"},
		{"The EU suspended humanitarian aid to the region.", "1623"},
		{"Washington imposed an arms embargo on the junta.", "163"},
		{"The army suspended negotiations with the rebels.", "164"},
		{"Egypt ended its mediation between the factions.", "165"},
		{"The junta expelled aid agencies from the country.", "1663"},
		{"Militants confiscated property from the villagers.", "1711"},
		{"Soldiers demolished homes in the village.", "1712"},
		{"Police arrested dozens of activists.", "173"},
		{"Gunmen kidnapped two aid workers.", "181"},
		{"Soldiers beat the detainees.", "182"},
		{"A suicide bomber blew himself up at the checkpoint.", "1831"},
		{"Gunmen assassinated the governor.", "186"},
		{"Troops blockaded the port.", "191"},
		{"Rebels fired on the convoy.", "193"},
		{"The army shelled the town.", "194"},
		{"Jets carried out air strikes on the city.", "195"},
		{"Militias expelled the ethnic minority from the region.", "201"},
		{"The regime committed mass killings in the province.", "202"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			words := MustWords(t, tt.sentence)
			trs := lx.Match(words)
			for _, tr := range trs {
				if tr.Entry.Code == tt.code {
					return
				}
			}
			t.Errorf("%q: want %s, got %s", tt.sentence, tt.code, describe(words, trs))
		})
	}
}

// TestMatchMasked checks that pattern words inside capitalised names are
// not triggers once [NameMask] masks them, and that ordinary sentences
// keep their triggers. The sentences are made up.
func TestMatchMasked(t *testing.T) {
	lx := Default()
	tests := []struct {
		name, sentence string
		head, code     string // "" code: no trigger at head
	}{
		{"committee", "The Joint Ceasefire Monitoring Committee met in Juba on Friday.", "ceasefire", ""},
		{"pact", "Hungary left the Warsaw Pact in 1991.", "pact", ""},
		{"lone capital", "Supporters gathered for the Unity Rally in the capital.", "rally", ""},
		{"sentence start", "Ceasefire talks resumed in Cairo on Monday.", "talks", "040"},
		{"plain act", "The rebels agreed to a ceasefire with the army.", "agreed", "057"},
		{"gap crosses name", "Ankara urged the Warsaw Pact states to halt the offensive.", "urged", "0256"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := sentence.Tokenize(tt.sentence)
			orig := make([]string, len(toks))
			for i, tk := range toks {
				orig[i] = tk.Text
			}
			words := Lower(orig)
			trs := lx.MatchMasked(words, NameMask(orig, nil))
			for _, tr := range trs {
				if words[tr.Head] != tt.head {
					continue
				}
				if tt.code == "" || tr.Entry.Code != tt.code {
					t.Fatalf("got %s at %q, want %q: %s", tr.Entry.Code, tt.head, tt.code, describe(words, trs))
				}
				return
			}
			if tt.code != "" {
				t.Errorf("no trigger at %q, want %s: %s", tt.head, tt.code, describe(words, trs))
			}
		})
	}
}

// TestLowerIn checks that a word cut from sentence.LowerASCII of a whole
// text reads through LowerIn as Lower reads the word alone, for plain,
// capitalised, all-capital and non-ASCII words (curly apostrophes,
// accents).
func TestLowerIn(t *testing.T) {
	text := "The Ruritanian ARMY’s shelling of Zubrów drew NATO's rebuke; ÉLYSÉE officials said nothing. ok"
	low := sentence.LowerASCII(text)
	for _, w := range strings.Fields(text) {
		i := strings.Index(text, w)
		got := LowerIn(w, low[i:i+len(w)])
		if want := Lower([]string{w})[0]; got != want {
			t.Errorf("LowerIn(%q) = %q, Lower gives %q", w, got, want)
		}
	}
}

// TestCompactSameMatches checks that moving the lexicon's slices into
// shared arrays changes no match: the compacted and the loose lexicon
// read invented sentences alike.
func TestCompactSameMatches(t *testing.T) {
	loose, err := load(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	packed := Default()
	if len(loose.Entries) != len(packed.Entries) || len(loose.vocab) != len(packed.vocab) {
		t.Fatalf("%d entries and %d forms loose, %d and %d compacted", len(loose.Entries), len(loose.vocab), len(packed.Entries), len(packed.vocab))
	}
	for i, a := range loose.Entries {
		b := packed.Entries[i]
		if a.Pattern != b.Pattern || a.Code != b.Code || a.Source != b.Source || !slices.Equal(a.Alt, b.Alt) {
			t.Errorf("entry %d: %q %s %s %v loose, %q %s %s %v compacted", i, a.Pattern, a.Code, a.Source, a.Alt, b.Pattern, b.Code, b.Source, b.Alt)
		}
	}
	// The ids themselves follow the order the forms were made in, which
	// differs between loads; the forms must be the same.
	for f := range loose.vocab {
		if _, ok := packed.vocab[f]; !ok {
			t.Errorf("form %q lost in compaction", f)
		}
	}
	for _, s := range []string{
		"The Ruritanian army shelled villages near the border on Tuesday.",
		"Officials urged both sides to return to talks and rejected calls for a boycott.",
		"The ministry condemned the air strikes and accused the rebels of violating the truce.",
		"Zembla's president signed a defence pact with its neighbour and promised economic aid.",
		"Protesters clashed with police after the government expelled two diplomats.",
	} {
		w := MustWords(t, s)
		a, b := loose.Match(w), packed.Match(w)
		if len(a) == 0 {
			t.Errorf("%q: no match at all; the sentence tests nothing", s)
		}
		if len(a) != len(b) {
			t.Fatalf("%q: %d matches loose, %d compacted", s, len(a), len(b))
		}
		for i := range a {
			if a[i].Entry.Pattern != b[i].Entry.Pattern || a[i].Start != b[i].Start || a[i].End != b[i].End ||
				a[i].SlotStart != b[i].SlotStart || a[i].SlotEnd != b[i].SlotEnd || !slices.Equal(a[i].Literal, b[i].Literal) {
				t.Errorf("%q: match %d differs: %+v vs %+v", s, i, a[i], b[i])
			}
		}
	}
}

// TestRecentForms checks the table of recent words against the
// vocabulary: words that share a slot, repeated words, words outside the
// lexicon and the empty word all get the vocabulary's answer.
func TestRecentForms(t *testing.T) {
	lx := Default()
	sc := lx.scratch.Get().(*scratch)
	defer lx.scratch.Put(sc)
	words := []string{"urged", "urges", "the", "", "zorblat", "urged", "talks", "talk", "tanks", "the", "zorblat"}
	// Words of one slot evict each other and must not be confused: take
	// two forms of the vocabulary sharing a slot, and a word outside it
	// in the same slot, and read them in turn.
	bySlot := map[uint][]string{}
	for w := range lx.vocab {
		if w != "" {
			bySlot[recentSlot(w)] = append(bySlot[recentSlot(w)], w)
		}
	}
	for _, ws := range bySlot {
		if len(ws) >= 2 {
			odd := ws[0] + "q"
			for recentSlot(odd) != recentSlot(ws[0]) {
				odd += "q"
			}
			words = append(words, ws[0], ws[1], ws[0], odd, ws[1], odd, ws[0])
			break
		}
	}
	// Words at and past the longest the table keeps, and one that a
	// longer word starts with, read twice each.
	var edge []string
	for w := range lx.vocab {
		if len(w) >= recentLen && len(edge) < 4 {
			edge = append(edge, w, w[:recentLen], w)
		}
	}
	if len(edge) == 0 {
		t.Fatalf("the vocabulary has no word of %d bytes or more to test with", recentLen)
	}
	words = append(words, edge...)
	words = append(words, edge...)
	for _, w := range words {
		id, ok := sc.form(lx, w)
		wantID, wantOK := lx.form(w)
		if ok != wantOK || ok && id != wantID {
			t.Errorf("form(%q) = %d %v, vocabulary says %d %v", w, id, ok, wantID, wantOK)
		}
	}
}

// TestMatchIn checks that triggers cut from a caller's Triggers are those
// Match returns, that later sentences write over none of them, and that
// appending to one result copies it out rather than over the next.
func TestMatchIn(t *testing.T) {
	lx := Default()
	sentences := []string{
		"The rebels attacked an army convoy and killed four soldiers near the border.",
		"Nothing happened in the quiet valley.",
		"The minister urged both sides to halt the fighting and agreed to host talks.",
		"Police arrested two protesters after the governor condemned the strike.",
	}
	// Enough sentences to fill more than one chunk of each array.
	for i := 0; i < 20; i++ {
		sentences = append(sentences, sentences[i%4])
	}
	var in Triggers
	var got, want [][]Trigger
	for _, s := range sentences {
		w := MustWords(t, s)
		got = append(got, lx.MatchIn(w, &in))
		want = append(want, lx.Match(w))
	}
	for i := range sentences {
		if !equalTriggers(got[i], want[i]) {
			t.Errorf("sentence %d: MatchIn = %v, want %v", i, got[i], want[i])
		}
		if i%4 == 1 && got[i] != nil {
			t.Errorf("sentence %d: no trigger, but MatchIn = %v", i, got[i])
		}
	}
	if len(got[0]) == 0 || len(got[2]) == 0 {
		t.Fatal("the test sentences need triggers")
	}
	next := slices.Clone(got[2])
	grown := append(got[0], got[0][0])
	grown[0].Literal = append(grown[0].Literal, 99)
	if !equalTriggers(got[2], next) || !equalTriggers(got[0], want[0]) {
		t.Error("appending to a result wrote over another")
	}
}

func equalTriggers(a, b []Trigger) bool {
	return slices.EqualFunc(a, b, func(x, y Trigger) bool {
		return x.Entry == y.Entry && x.Start == y.Start && x.End == y.End && x.Head == y.Head &&
			x.SlotStart == y.SlotStart && x.SlotEnd == y.SlotEnd && slices.Equal(x.Literal, y.Literal)
	})
}

// TestTriggersReset checks that a reset Triggers gives the same results
// again from its kept array.
func TestTriggersReset(t *testing.T) {
	lx := Default()
	w := MustWords(t, "The rebels attacked an army convoy and killed four soldiers near the border.")
	var in Triggers
	first := slices.Clone(lx.MatchIn(w, &in))
	in.Reset()
	again := lx.MatchIn(w, &in)
	if len(first) == 0 || !equalTriggers(first, again) {
		t.Errorf("after Reset: %v, want %v", again, first)
	}
}
