package store

import (
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

func TestSuffixDoc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Idlib", "idlib dlib lib"},
		{"al-Assad's", "assad ssad sad"},
		{"État 42", "tat"},
		{"\u212Aremlin", "kremlin remlin emlin mlin lin"}, // Kelvin sign lower-cases to k
		{"of a 2019", "2019 019"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := suffixDoc(tt.in); got != tt.want {
			t.Errorf("suffixDoc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Text and outlet filters must select exactly what Match selects, whatever
// part of the query the index can answer: infix substrings, words across
// punctuation, non-ASCII letters, actor names, words in different mentions.
func TestEvents_TextAndOutletAgreeWithMatch(t *testing.T) {
	db := MustOpen(t)
	day := model.DayOf(2019, 6, 3)
	sentences := []struct{ outlet, sentence string }{
		{"Reuters", "The Kremlin rebuffed criticism over Idlib."},
		{"AFP", "Moscow's jets struck al-Lataminah on Monday."},
		{"Le Monde", "L'État islamique a revendiqué l'attaque."},
		{"reuters ", "Turkey shelled positions near Tal Rifaat."},
		{"", "Ankara and Moscow agreed a ceasefire in Idlib."},
	}
	for i, s := range sentences {
		a := newArticle("t/"+s.sentence+".txt", s.outlet, time.Date(2019, 6, 3+i, 0, 0, 0, 0, time.UTC), s.sentence)
		e := model.Event{Date: day, Source: []model.Actor{kremlin, etat, rebels}[i%3], Target: ptr(trump), Code: "120",
			Mentions: []model.Mention{{Sentence: s.sentence, Start: 0, End: len(s.sentence)}}}
		e.SetID()
		// The first and last articles report the same event, so its words
		// come from two sentences.
		if i == 4 {
			e = model.Event{Date: day, Source: kremlin, Target: ptr(trump), Code: "120",
				Mentions: []model.Mention{{Sentence: s.sentence, Start: 0, End: len(s.sentence)}}}
			e.SetID()
		}
		MustSave(t, db, a, []model.Event{e})
	}
	all := MustEvents(t, db, model.EventFilter{})
	for _, tt := range []model.EventFilter{
		{Text: "idlib"}, {Text: "IDLIB"}, {Text: "dlib"}, {Text: "rebuffed ceasefire"}, {Text: "rebuffed turkey"},
		{Text: "al-lataminah"}, {Text: "lataminah"}, {Text: "moscow's"}, {Text: "état"}, {Text: "tat islam"},
		{Text: "trump"}, {Text: "rump idlib"}, {Text: "ib"}, {Text: "ib idlib"}, {Text: "l'"}, {Text: "s"}, {Text: "in moscow"}, {Text: "kremlin"}, {Text: "nowhere"}, {Text: "   "},
		{Outlets: []string{"reuters"}}, {Outlets: []string{" AFP "}}, {Outlets: []string{"le monde", "Nobody"}},
		{Outlets: []string{"Nobody"}}, {Outlets: []string{""}},
		{Outlets: []string{"Reuters"}, Text: "idlib"},
	} {
		var want []string
		for _, e := range all {
			if tt.Match(e) {
				want = append(want, e.ID)
			}
		}
		got := ids(MustEvents(t, db, tt))
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("filter %+v: got %v, want %v", tt, got, want)
		}
	}
	// The words of one query found in two reports of one event.
	if n := len(MustEvents(t, db, model.EventFilter{Text: "rebuffed ceasefire"})); n != 1 {
		t.Errorf("rebuffed ceasefire: %d events, want 1 (the test no longer spans mentions)", n)
	}
}

// Mentions stored before migration 0003 are indexed when it is applied.
func TestMigration0003_Backfills(t *testing.T) {
	path := t.TempDir() + "/old.db"
	older := fstest.MapFS{}
	for _, name := range []string{"migrations/0001_init.sql", "migrations/0002_mentions_ordinal.sql"} {
		b, err := fs.ReadFile(embeddedMigrations, name)
		if err != nil {
			t.Fatal(err)
		}
		older[name] = &fstest.MapFile{Data: b}
	}
	migrationFS = older
	old, err := Open(path)
	if err != nil {
		migrationFS = embeddedMigrations
		t.Fatal(err)
	}
	// Written without the index: insert the rows the old schema had.
	e := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)
	a := newArticle("old.txt", "Reuters", time.Date(2019, 6, 3, 0, 0, 0, 0, time.UTC), "old")
	if _, err := old.w.Exec(`INSERT INTO articles (id, hash, path, ingested_at) VALUES (?, ?, 'old.txt', 'x')`, a.ID, a.Hash); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO actors (id, name, country, role, code) VALUES ('` + kremlin.ID + `', 'Kremlin', 'RUS', 'GOV', 'RUSGOV')`,
		`INSERT INTO events (id, code, root, source_id) VALUES ('` + e.ID + `', '120', '12', '` + kremlin.ID + `')`,
		`INSERT INTO mentions (event_id, article_id, sentence, "start", "end", ordinal) VALUES ('` + e.ID + `', '` + a.ID + `', 'Strikes on Idlib.', 0, 17, 0)`,
	} {
		if _, err := old.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	migrationFS = embeddedMigrations

	db := MustOpenPath(t, path)
	if got := MustEvents(t, db, model.EventFilter{Text: "idli"}); len(got) != 1 {
		t.Errorf("after migration: %d events match, want 1", len(got))
	}
}

// Migration 0012 rebuilds the full-text index with its columns swapped:
// the rows stored before it keep their docids and report ids and are
// found by the same searches, and rows written after it are found too.
func TestMigration0012_KeepsTextIndex(t *testing.T) {
	path := t.TempDir() + "/old.db"
	names, err := fs.Glob(embeddedMigrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	older := fstest.MapFS{}
	for _, name := range names {
		if name >= "migrations/0012" {
			continue
		}
		b, err := fs.ReadFile(embeddedMigrations, name)
		if err != nil {
			t.Fatal(err)
		}
		older[name] = &fstest.MapFile{Data: b}
	}
	save := func(db *DB, i int, sentence string) {
		t.Helper()
		a := newArticle(fmt.Sprintf("t/%d.txt", i), "AP", time.Date(2019, 6, 3+i, 0, 0, 0, 0, time.UTC), sentence)
		e := model.Event{Date: model.DayOf(2019, 6, 3+i), Source: []model.Actor{kremlin, rebels, un}[i%3], Target: ptr(assad), Code: "190",
			Mentions: []model.Mention{{Sentence: sentence, Start: 0, End: len(sentence)}}}
		e.SetID()
		MustSave(t, db, a, []model.Event{e})
	}
	queries := []string{"harbour", "arbou", "convoy", "shelled", "nowhere", "harbour convoy"}
	search := func(db *DB) map[string][]string {
		out := map[string][]string{}
		for _, q := range queries {
			out[q] = ids(MustEvents(t, db, model.EventFilter{Text: q}))
		}
		return out
	}
	docs := func(db *DB) []string {
		rows, err := db.w.Query(`SELECT docid || ' ' || mention_id FROM report_text ORDER BY docid`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}

	migrationFS = older
	old, err := Open(path)
	if err != nil {
		migrationFS = embeddedMigrations
		t.Fatal(err)
	}
	save(old, 0, "Gunboats shelled the harbour at dawn.")
	save(old, 1, "A relief convoy reached the harbour town.")
	before, beforeDocs := search(old), docs(old)
	old.Close()
	migrationFS = embeddedMigrations

	db := MustOpenPath(t, path)
	if got := search(db); !reflect.DeepEqual(got, before) {
		t.Errorf("searches after migration: %v, before: %v", got, before)
	}
	if got := docs(db); !reflect.DeepEqual(got, beforeDocs) || len(got) != 2 {
		t.Errorf("index rows after migration: %v, before: %v", got, beforeDocs)
	}
	if len(before["harbour"]) != 2 || len(before["arbou"]) != 2 || len(before["shelled"]) != 1 || len(before["nowhere"]) != 0 {
		t.Errorf("searches before migration: %v (the test no longer covers what it meant to)", before)
	}
	save(db, 2, "The convoy turned back from the checkpoint.")
	if got := MustEvents(t, db, model.EventFilter{Text: "checkpoin"}); len(got) != 1 {
		t.Errorf("a sentence stored after migration: %d events match, want 1", len(got))
	}
	if got := MustEvents(t, db, model.EventFilter{Text: "convoy"}); len(got) != 2 {
		t.Errorf("convoy after migration: %d events match, want 2", len(got))
	}
}

// The full-text rows are worked out beside the writer (originOf): every
// stored report's row holds the suffixDoc of its own sentence, whether
// saved alone or in a batch, with one article's sentences shared by
// several events and another's failing midway.
func TestReportText_RowsMatchSentences(t *testing.T) {
	db := MustOpen(t)
	sentences := []string{"Marines landed near the lighthouse.", "Talks over the dam stalled again.", "Patrol boats escorted 40 ferries."}
	var articles []model.Article
	var events [][]model.Event
	for i := range 6 {
		a := newArticle(fmt.Sprintf("docs/%d.txt", i), "AP", time.Date(2019, 3, 1+i, 0, 0, 0, 0, time.UTC), fmt.Sprint("text ", i))
		var es []model.Event
		for j, code := range []string{"190", "036"} {
			s := sentences[(i+j)%len(sentences)]
			e := model.Event{Date: model.DayOf(2019, 3, 1+i), Source: []model.Actor{kremlin, un}[j], Target: ptr(rebels), Code: code,
				Mentions: []model.Mention{{Sentence: s, Start: 10 * j, End: 10*j + len(s)}}}
			e.SetID()
			es = append(es, e)
		}
		articles, events = append(articles, a), append(events, es)
	}
	events[4][1].Code = "x" // fails: article 4 is rolled back, 5 not attempted
	MustSave(t, db, articles[0], events[0])
	if _, err := db.SaveArticles(context.Background(), articles[1:], events[1:]); err == nil {
		t.Fatal("a batch with a bad code was saved")
	}
	rows, err := db.w.Query(`SELECT t.suffixes, m.sentence FROM report_text t JOIN mentions m ON m.id = t.mention_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var doc, sentence string
		if err := rows.Scan(&doc, &sentence); err != nil {
			t.Fatal(err)
		}
		if want := suffixDoc(sentence); doc != want {
			t.Errorf("row of %q: %q, want %q", sentence, doc, want)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var stored int
	if err := db.w.QueryRow(`SELECT COUNT(*) FROM mentions`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if n != stored || n != 8 {
		t.Errorf("%d full-text rows for %d reports, want 8 each (articles 0-3, two reports each)", n, stored)
	}
}
