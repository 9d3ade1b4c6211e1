package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
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
// wordDoc's byte scan of an ASCII sentence finds the runs that
// lower-casing it whole and splitting finds, in the same order.
func FuzzLowerRuns(f *testing.F) {
	for _, s := range []string{"Idlib's governor, 2019", "\u212Aremlin", "\u0130dlib", "ab AB abc ABCD a1b2c3", "", "x\xffyz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, run := range asciiRuns(strings.ToLower(s)) {
			if len(run) >= minIndexed {
				want = append(want, run)
			}
		}
		if got := lowerRuns(s); !slices.Equal(got, want) {
			t.Errorf("lowerRuns(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestWordDoc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shelling hit Idlib; Idlib's governor fled.", "fled governor hit idlib shelling"},
		{"\u212Aremlin said no", "kremlin said"},
		{"of a 2019 to 2019", "2019"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := wordDoc(tt.in); got != tt.want {
			t.Errorf("wordDoc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A word inside more runs than one MATCH expression can name still finds
// every document that holds it: the runs are named by their first
// letters (a superset), and the expression is one FTS4 accepts.
func TestMatchExpr_ManyRuns(t *testing.T) {
	db := MustOpen(t)
	sentence := "Sappers cleared the zq7abc9 depot."
	e := newEvent(kremlin, ptr(rebels), "190", model.DayOf(2019, 6, 3), 0)
	e.Mentions[0].Sentence, e.Mentions[0].End = sentence, len(sentence)
	MustSave(t, db, newArticle("many.txt", "AP", june3, "many"), []model.Event{e})
	tx, err := db.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 * maxMatchTerms {
		word := fmt.Sprintf("%c%dabc", 'a'+i%26, i)
		for j := 0; j+minIndexed <= len(word); j++ {
			if _, err := tx.Exec(insertVocabSQL, word[j:], word); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"abc", "7abc", "zq7abc9", "sapper"} {
		if got := matchingDocids(t, db, w); len(got) != 1 {
			t.Errorf("%s: docids %v, want the one document", w, got)
		}
	}
	if got := matchingDocids(t, db, "xyzzy"); len(got) != 0 {
		t.Errorf("xyzzy: docids %v, want none", got)
	}
}

// A transaction that indexed a sentence and then rolled back leaves its
// words out of text_vocab, and the store's vocabulary forgets them: saved
// again, the sentence is found by a word inside one of its words.
func TestVocabulary_ForgetsRolledBack(t *testing.T) {
	db := MustOpen(t)
	sentence := "Wombats met the envoy."
	e := newEvent(kremlin, ptr(rebels), "036", model.DayOf(2019, 6, 3), 0)
	e.Mentions[0].Sentence, e.Mentions[0].End = sentence, len(sentence)
	a := newArticle("w.txt", "AP", june3, "w")
	if _, err := db.w.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON report_docs BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveArticles(context.Background(), []model.Article{a}, [][]model.Event{{e}}); err == nil {
		t.Fatal("saved with the index refused")
	}
	if _, err := db.w.Exec(`DROP TRIGGER refuse`); err != nil {
		t.Fatal(err)
	}
	MustSave(t, db, a, []model.Event{e})
	if got := matchingDocids(t, db, "ombat"); len(got) != 1 {
		t.Errorf("ombat: docids %v, want the one document", got)
	}
}

// matchingDocids returns, in order, the docids the full-text index finds
// for the searchable word w, through matchExpr.
func matchingDocids(t *testing.T, db *DB, w string) []int64 {
	t.Helper()
	tx, err := db.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	match, err := matchExpr(context.Background(), tx, w)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(`SELECT docid FROM report_text WHERE words MATCH ? ORDER BY docid`, match)
	if err != nil {
		t.Fatalf("%s (%d terms): %v", w, strings.Count(match, " OR ")+1, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var docid int64
		if err := rows.Scan(&docid); err != nil {
			t.Fatal(err)
		}
		out = append(out, docid)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzEventWords: a query word the full-text index answers occurs in an
// event's words exactly when it occurs in one of its sentences as Match
// folds them.
func FuzzEventWords(f *testing.F) {
	f.Add("Shelling hit KHARKIV overnight.", "Troops left \u212Aharkiv.", "kharkiv")
	f.Add("Fighting near \u0130dlib.", "Idlib's governor", "idlib")
	f.Add("T\u00e9l\u00e9gramme: ceasefire-talks", "", "talks")
	f.Fuzz(func(t *testing.T, a, b, word string) {
		words := searchableWords(word)
		if len(words) != 1 {
			return
		}
		w := words[0]
		in := eventWords([]string{a, b})
		want := strings.Contains(strings.ToLower(a), w) || strings.Contains(strings.ToLower(b), w)
		if got := strings.Contains(in, w); got != want {
			t.Errorf("%q in the words %q of %q and %q: %v, in the sentences: %v", w, in, a, b, got, want)
		}
	})
}

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

// mustOlderStore opens a new database at path with the migrations before
// the one named first (such as "0012") and copies into it every row of
// ref's tables the older schema shares, with full-text rows of that schema
// (mention_id, suffixes), one per report in the order they were stored.
// The writer cannot save to an older schema, so rows are copied instead.
// The caller closes the database.
// copyOlderRows copies the rows of tables from the attached store ref
// into the older store of conn, in the columns the older tables have:
// later migrations add some.
func copyOlderRows(t *testing.T, ctx context.Context, conn *sql.Conn, tables ...string) {
	t.Helper()
	for _, table := range tables {
		var cols []string
		rows, err := conn.QueryContext(ctx, `SELECT name FROM pragma_table_info(?, 'main')`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, `"`+c+`"`)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		list := strings.Join(cols, ", ")
		q := `INSERT INTO main.` + table + ` (` + list + `) SELECT ` + list + ` FROM ref.` + table
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func mustOlderStore(t *testing.T, path, first string, ref *DB) *DB {
	t.Helper()
	names, err := fs.Glob(embeddedMigrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	older := fstest.MapFS{}
	for _, name := range names {
		if name < "migrations/"+first {
			b, err := fs.ReadFile(embeddedMigrations, name)
			if err != nil {
				t.Fatal(err)
			}
			older[name] = &fstest.MapFile{Data: b}
		}
	}
	migrationFS = older
	old, err := Open(path)
	migrationFS = embeddedMigrations
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { old.Close() })
	ctx := context.Background()
	conn, err := old.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	must := func(q string, args ...any) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	must(`ATTACH DATABASE ? AS ref`, ref.path)
	must(`BEGIN`)
	must(`PRAGMA defer_foreign_keys = ON`)
	copyOlderRows(t, ctx, conn, "actors", "articles", "article_bands", "events", "event_aliases", "mentions")
	// The full-text index: before 0014 it holds each report's id; since,
	// report_docs does, and the index only the documents by docid.
	reportsSQL := `SELECT id, sentence FROM main.mentions ORDER BY rowid`
	insertSQL := `INSERT INTO main.report_text (mention_id, suffixes) VALUES (?, ?)`
	if first > "0014" {
		copyOlderRows(t, ctx, conn, "report_docs")
		reportsSQL = `SELECT rd.docid, m.sentence FROM main.report_docs rd JOIN main.mentions m ON m.id = rd.mention_id ORDER BY rd.docid`
		insertSQL = `INSERT INTO main.report_text (docid, suffixes) VALUES (CAST(? AS INTEGER), ?)`
	}
	rows, err := conn.QueryContext(ctx, reportsSQL)
	if err != nil {
		t.Fatal(err)
	}
	var reports [][2]string
	for rows.Next() {
		var id, sentence string
		if err := rows.Scan(&id, &sentence); err != nil {
			t.Fatal(err)
		}
		reports = append(reports, [2]string{id, sentence})
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		must(insertSQL, r[0], suffixDoc(r[1]))
	}
	must(`COMMIT`)
	must(`DETACH DATABASE ref`)
	return old
}

// Migrations 0012 (columns swapped), 0014 (contentless, with
// report_docs) and 0021 (words, with text_vocab) rebuild the full-text
// index, and 0020 report_docs (a docid for several reports): the rows
// stored before keep
// their docids and report ids, each word finds the same docids, searches
// find what they find in a store written with the current schema, and
// rows written after are found too. 0014 drops the copy of the documents.
func TestTextMigrations_KeepIndex(t *testing.T) {
	save := func(db *DB, i int, sentence string) {
		t.Helper()
		a := newArticle(fmt.Sprintf("t/%d.txt", i), "AP", time.Date(2019, 6, 3+i, 0, 0, 0, 0, time.UTC), sentence)
		e := model.Event{Date: model.DayOf(2019, 6, 3+i), Source: []model.Actor{kremlin, rebels, un}[i%3], Target: ptr(assad), Code: "190",
			Mentions: []model.Mention{{Sentence: sentence, Start: 0, End: len(sentence)}}}
		e.SetID()
		MustSave(t, db, a, []model.Event{e})
	}
	words := []string{"harbour", "arbou", "convoy", "shelled", "nowhere", "dawn", "the"}
	search := func(db *DB) map[string][]string {
		out := map[string][]string{}
		for _, q := range append(words, "harbour convoy") {
			out[q] = ids(MustEvents(t, db, model.EventFilter{Text: q}))
		}
		return out
	}
	column := func(db *DB, q string, args ...any) []string {
		t.Helper()
		rows, err := db.w.Query(q, args...)
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
	// The docids each word's index query finds: a prefix query of the
	// suffixes before migration 0021, the words of text_vocab since.
	matches := func(db *DB) map[string][]int64 {
		out := map[string][]int64{}
		words0021 := len(column(db, `SELECT name FROM sqlite_schema WHERE name = 'text_vocab'`)) == 1
		for _, w := range words {
			if words0021 {
				out[w] = matchingDocids(t, db, w)
				continue
			}
			out[w] = nil
			for _, id := range column(db, `SELECT docid FROM report_text WHERE suffixes MATCH ? ORDER BY docid`, w+"*") {
				var docid int64
				fmt.Sscan(id, &docid)
				out[w] = append(out[w], docid)
			}
		}
		return out
	}
	ref := MustOpen(t)
	save(ref, 0, "Gunboats shelled the harbour at dawn.")
	save(ref, 1, "A relief convoy reached the harbour town.")
	want := search(ref)
	if len(want["harbour"]) != 2 || len(want["arbou"]) != 2 || len(want["shelled"]) != 1 || len(want["the"]) != 2 || len(want["nowhere"]) != 0 {
		t.Fatalf("searches: %v (the test no longer covers what it meant to)", want)
	}
	for _, first := range []string{"0012", "0014", "0020", "0021"} {
		t.Run(first, func(t *testing.T) {
			path := t.TempDir() + "/old.db"
			old := mustOlderStore(t, path, first, ref)
			docsSQL := `SELECT docid || ' ' || mention_id FROM report_text ORDER BY docid`
			if first > "0014" {
				docsSQL = `SELECT docid || ' ' || mention_id FROM report_docs ORDER BY docid`
			}
			beforeDocs := column(old, docsSQL)
			beforeMatches := matches(old)
			old.Close()

			db := MustOpenPath(t, path)
			if got := column(db, `SELECT docid || ' ' || mention_id FROM report_docs ORDER BY docid`); !reflect.DeepEqual(got, beforeDocs) || len(got) != 2 {
				t.Errorf("index rows after migration: %v, before: %v", got, beforeDocs)
			}
			if got := matches(db); !reflect.DeepEqual(got, beforeMatches) {
				t.Errorf("docids by word after migration: %v, before: %v", got, beforeMatches)
			}
			if got := search(db); !reflect.DeepEqual(got, want) {
				t.Errorf("searches after migration: %v, want %v", got, want)
			}
			if got := column(db, `SELECT name FROM sqlite_master WHERE name IN ('report_text_content', 'report_text_docsize')`); len(got) != 0 {
				t.Errorf("after migration the index keeps %v", got)
			}
			save(db, 2, "The convoy turned back from the checkpoint.")
			if got := MustEvents(t, db, model.EventFilter{Text: "checkpoin"}); len(got) != 1 {
				t.Errorf("a sentence stored after migration: %d events match, want 1", len(got))
			}
			if got := MustEvents(t, db, model.EventFilter{Text: "convoy"}); len(got) != 2 {
				t.Errorf("convoy after migration: %d events match, want 2", len(got))
			}
		})
	}
}

// The full-text rows are worked out beside the writer (originOf): every
// stored report has one docid, shared with the reports of its
// transaction that quote the same sentence (migration 0020), under which
// the index finds exactly the words of that sentence (every run of three
// or more letters or digits inside it), whether saved alone or in a
// batch, with one article's sentences shared by several events and
// another's failing midway.
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
	rows, err := db.w.Query(`SELECT d.docid, m.sentence FROM report_docs d JOIN mentions m ON m.id = d.mention_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	sentenceOf := map[int64]string{}
	for rows.Next() {
		var docid int64
		var sentence string
		if err := rows.Scan(&docid, &sentence); err != nil {
			t.Fatal(err)
		}
		if s, ok := sentenceOf[docid]; ok && s != strings.ToLower(sentence) {
			t.Errorf("docid %d is the document of %q and of %q", docid, s, sentence)
		}
		sentenceOf[docid] = strings.ToLower(sentence)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var stored, reports int
	if err := db.w.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT mention_id) FROM report_docs`).Scan(&stored, &reports); err != nil {
		t.Fatal(err)
	}
	var mentions int
	if err := db.w.QueryRow(`SELECT COUNT(*) FROM mentions`).Scan(&mentions); err != nil {
		t.Fatal(err)
	}
	if stored != mentions || reports != mentions || mentions != 8 {
		t.Errorf("%d rows of report_docs (%d reports) for %d stored reports, want 8 each (articles 0-3, two reports each)",
			stored, reports, mentions)
	}
	// Article 0 alone quotes two sentences; the batch that stored
	// articles 1-3 quotes the three sentences twice each.
	if len(sentenceOf) != 5 {
		t.Errorf("%d documents, want 5 (2 of article 0, 3 of the batch)", len(sentenceOf))
	}
	words := map[string]bool{"zzz": true}
	for _, s := range sentences {
		for _, run := range asciiRuns(strings.ToLower(s)) {
			for i := range run {
				for j := i + minIndexed; j <= len(run); j++ {
					words[run[i:j]] = true
				}
			}
		}
	}
	for w := range words {
		var want []int64
		for docid, s := range sentenceOf {
			if strings.Contains(s, w) {
				want = append(want, docid)
			}
		}
		slices.Sort(want)
		got := matchingDocids(t, db, w)
		if !slices.Equal(got, want) {
			t.Errorf("%s: docids %v, want %v", w, got, want)
		}
	}
}
