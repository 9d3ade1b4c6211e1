package store

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// storedGrams reads every event's filter.
func storedGrams(t *testing.T, db *DB) map[string]grams {
	t.Helper()
	rows, err := db.r.Query(`SELECT id, g0, g1, g2, g3, g4, g5, g6, g7 FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]grams{}
	for rows.Next() {
		var id string
		var g grams
		if err := rows.Scan(&id, &g[0], &g[1], &g[2], &g[3], &g[4], &g[5], &g[6], &g[7]); err != nil {
			t.Fatal(err)
		}
		out[id] = g
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkGrams checks that every event's filter holds the trigrams of all
// its reports' sentences, which is what makes it safe to test first.
func checkGrams(t *testing.T, db *DB, all []model.Event) {
	t.Helper()
	stored := storedGrams(t, db)
	for _, e := range all {
		var want grams
		for _, m := range e.Mentions {
			want.addText(m.Sentence)
		}
		got, ok := stored[e.ID]
		if !ok {
			t.Errorf("event %s: no row", e.ID)
			continue
		}
		if !got.has(want) {
			t.Errorf("event %s: filter %x lacks bits of its %d reports' %x", e.ID, got, len(e.Mentions), want)
		}
	}
}

// A word in a sentence, as LIKE (ASCII letters folded) or Match (Go's
// lower case) finds it, always passes the sentence's filter.
func FuzzEventGrams(f *testing.F) {
	f.Add("Russian warplanes struck IDLIB on Sunday.", "idlib")
	f.Add("The \u212Aremlin said", "kremlin")
	f.Add("\u0130dlib", "dlib")
	f.Add("a-b-c abc", "abc")
	f.Fuzz(func(t *testing.T, sentence, word string) {
		word = strings.ToLower(word)
		if len(word) < minIndexed {
			return
		}
		for _, r := range word {
			if !isASCIIAlnum(r) {
				return
			}
		}
		g := gramsOf(sentence)
		if strings.Contains(strings.ToLower(sentence), word) || strings.Contains(asciiLower(sentence), word) {
			if !g.has(gramsOf(word)) {
				t.Errorf("%q holds %q, but its filter turns the word away", sentence, word)
			}
		}
	})
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// The filter turns away most events that do not match: otherwise it
// would cost its columns for nothing.
func TestGrams_TurnAway(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	letters := "abcdefghijklmnopqrstuvwxyz"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		return string(b)
	}
	passed := 0
	const trials = 2000
	for range trials {
		var s []string
		for range 40 { // an event of two reports of 20 words
			s = append(s, word(3+r.IntN(6)))
		}
		if gramsOf(strings.Join(s, " ")).has(gramsOf(word(6))) {
			passed++
		}
	}
	if passed > trials/50 {
		t.Errorf("%d of %d filters let a random word through, want under 2%%", passed, trials)
	}
}

// Migration 0018 fills the filters of the events already stored, and
// text queries find what they found before.
func TestGramsMigration(t *testing.T) {
	// The stored rows come from a store of today's schema: the writer
	// writes the filter's columns, which a store before 0018 lacks.
	ref := MustOpen(t)
	for i, sentence := range []string{"Gunboats shelled the harbour at dawn.", "A relief convoy reached the harbour town.", "Talks in Sochi ended."} {
		a := newArticle("g/"+string(rune('a'+i))+".txt", "AP", time.Date(2019, 6, 3+i, 0, 0, 0, 0, time.UTC), sentence)
		e := model.Event{Date: model.DayOf(2019, 6, 3+i), Source: kremlin, Target: ptr(assad), Code: "190",
			Mentions: []model.Mention{{Sentence: sentence, Start: 0, End: len(sentence)}}}
		e.SetID()
		MustSave(t, ref, a, []model.Event{e})
	}
	path := t.TempDir() + "/old.db"
	mustOlderStore(t, path, "0018", ref).Close()

	db := MustOpenPath(t, path)
	all := MustEvents(t, db, model.EventFilter{IncludeRejected: true})
	checkGrams(t, db, all)
	for _, q := range []string{"harbour", "sochi", "convoy", "nowhere"} {
		var want []string
		for _, e := range all {
			if slices.ContainsFunc(e.Mentions, func(m model.Mention) bool { return strings.Contains(strings.ToLower(m.Sentence), q) }) {
				want = append(want, e.ID)
			}
		}
		if got := ids(MustEvents(t, db, model.EventFilter{Text: q})); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("%q after migration: %v, want %v", q, got, want)
		}
	}
	var n int
	if err := db.r.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM pragma_index_info('events_order') WHERE name = 'g7'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("events_order after migration: g7 %d times (%v)", n, err)
	}
}

// An event stored after reports that name it (in a transaction that
// defers foreign keys; no writer does that today) starts from their
// trigrams.
func TestGrams_EventAfterReports(t *testing.T) {
	db := MustOpen(t)
	a := newArticle("g/x.txt", "AP", time.Date(2019, 6, 3, 0, 0, 0, 0, time.UTC), "Shelling near Kharkiv.")
	MustSave(t, db, a, nil)
	ctx := context.Background()
	conn, err := db.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{
		`BEGIN`,
		`PRAGMA defer_foreign_keys = ON`,
		`INSERT INTO actors (id, name, country) VALUES ('a-x', 'X', 'UKR') ON CONFLICT DO NOTHING`,
		`INSERT INTO mentions (id, event_id, article_id, sentence, "start", "end", source_id, code)
			VALUES ('m-1', 'e-late', '` + a.ID + `', 'Shelling near Kharkiv.', 0, 22, 'a-x', '190')`,
		`INSERT INTO events (id, code, root, source_id) VALUES ('e-late', '190', '19', 'a-x')`,
		`COMMIT`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	g := storedGrams(t, db)["e-late"]
	if !g.has(gramsOf("kharkiv")) || g.has(gramsOf("zzqqxx")) {
		t.Errorf("filter of an event stored after its report: %x", g)
	}
}
