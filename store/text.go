package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/eventgraph/eventgraph/model"
)

// Full-text search of evidence sentences through the FTS4 table
// report_text (migration 0003 says why FTS4, 0005 why one row per
// report, 0021 why words and a vocabulary of their suffixes).
//
// The push-down must select a superset of what model.EventFilter.Match
// accepts, since Match has the final word. A query word narrows the SQL
// only when it is made of ASCII letters and digits once lower-cased: such a
// word, when it occurs in the lower-cased text, lies inside one ASCII
// letter-and-digit run, so it is a prefix of one of that run's suffixes.
// Other words (with hyphens, apostrophes or non-ASCII letters) are left to
// Match alone.
//
// The index holds each sentence's runs (wordDoc), and text_vocab every
// suffix of every run indexed, with its run: the runs that hold a query
// word are those with a suffix it begins (matchExpr).

// minIndexed is the length of the shortest run indexed, of the shortest
// suffix in the vocabulary and of the shortest query word the index
// answers. A query word that short narrows almost nothing: Match alone
// checks it.
const minIndexed = 3

// suffixDoc is the indexed form of a sentence of migrations 0003 to
// 0020, which their backfills still write: the suffixes of at least
// minIndexed characters of its ASCII letter-and-digit runs, separated by
// spaces, after Unicode lower-casing (the same folding Match uses, which
// can turn a non-ASCII capital such as the Kelvin sign into an ASCII
// letter).
func suffixDoc(sentence string) string {
	var b strings.Builder
	for _, run := range asciiRuns(strings.ToLower(sentence)) {
		for i := 0; i+minIndexed <= len(run); i++ {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(run[i:])
		}
	}
	return b.String()
}

// wordDoc is the indexed form of a sentence (migration 0021): its
// distinct ASCII letter-and-digit runs of at least minIndexed characters
// after Unicode lower-casing, as suffixDoc folds them, sorted and
// separated by spaces. The index answers which documents hold a word,
// never where, so neither order nor repeats matter.
func wordDoc(sentence string) string {
	runs := lowerRuns(sentence)
	slices.Sort(runs)
	return strings.Join(slices.Compact(runs), " ")
}

// lowerRuns returns the ASCII letter-and-digit runs of at least
// minIndexed characters of the lower-cased sentence. Those of an ASCII
// sentence, nearly every one, are found in one pass over its bytes and
// share its lower-cased copy; another is split by asciiRuns, after
// strings.ToLower's Unicode folding, which can make ASCII letters of
// other characters.
func lowerRuns(sentence string) []string {
	ascii := true
	for i := 0; i < len(sentence); i++ {
		if sentence[i] >= 0x80 {
			ascii = false
			break
		}
	}
	var runs []string
	if !ascii {
		for _, run := range asciiRuns(strings.ToLower(sentence)) {
			if len(run) >= minIndexed {
				runs = append(runs, run)
			}
		}
		return runs
	}
	low := strings.ToLower(sentence) // ASCII: one allocation at most, which the runs share
	start := -1
	for i := 0; i < len(low); i++ {
		if c := low[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= minIndexed {
			runs = append(runs, low[start:i])
		}
		start = -1
	}
	if start >= 0 && len(low)-start >= minIndexed {
		runs = append(runs, low[start:])
	}
	return runs
}

// eventWords is what summary_words holds of an event's sentences
// (migration 0017): the distinct ASCII letter-and-digit runs of at least
// minIndexed characters of the lower-cased sentences, sorted, separated
// by spaces. A searchable word (searchableWords) occurs in a sentence
// lower-cased exactly when it occurs in one of its runs, so in this
// string, which no run spans.
func eventWords(sentences []string) string {
	seen := map[string]bool{}
	var runs []string
	for _, s := range sentences {
		for _, run := range asciiRuns(strings.ToLower(s)) {
			if len(run) >= minIndexed && !seen[run] {
				seen[run] = true
				runs = append(runs, run)
			}
		}
	}
	slices.Sort(runs)
	return strings.Join(runs, " ")
}

// IndexedDoc returns the document the full-text index holds for a
// report's sentence. bench/seed, which copies reports in SQL, indexes its
// copies with it.
func IndexedDoc(sentence string) string { return wordDoc(sentence) }

// asciiRuns splits s into maximal runs of ASCII letters and digits.
func asciiRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isASCIIAlnum(r) })
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// searchableWords returns the lower-cased query words that the index can
// answer (see above; at least minIndexed long); the rest are checked by
// Match only.
func searchableWords(query string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(query)) {
		ok := len(w) >= minIndexed
		for _, r := range w {
			ok = ok && isASCIIAlnum(r)
		}
		if ok {
			out = append(out, w)
		}
	}
	return out
}

// The index (migration 0014) is two tables: report_text, a contentless
// FTS4 table that holds only the index of each sentence's wordDoc under
// a docid, and report_docs, which maps the docid to the ids of the
// reports whose sentences have that document (migration 0020: one
// document for the reports of a transaction that quote the same sentence);
// text_vocab (migration 0021) lists the suffixes of the runs indexed.
// The documents themselves are never read back, so the table does not
// keep a copy of them; a mention's rowid cannot serve as the docid, since
// mentions has a TEXT primary key and VACUUM may renumber its rowids.
// A contentless table refuses UPDATE and DELETE, which nothing needs: a
// report's sentence is written once and never changes (migration 0005),
// and nothing deletes reports (a row whose report were gone would find no
// mention, as it did before).
//
// insertReportTextSQL indexes a sentence under a docid, the next one;
// insertReportDocSQL gives a stored report the docid of its sentence;
// insertVocabSQL adds a suffix of a run.
// insertReportText0005SQL and insertMentionTextSQL are the tables of
// 0005 and 0003, filled only by those migrations' backfills.
const (
	insertReportDocSQL      = `INSERT INTO report_docs (docid, mention_id) VALUES (?, ?)`
	insertReportTextSQL     = `INSERT INTO report_text (docid, words) VALUES (?, ?)`
	insertVocabSQL          = `INSERT OR IGNORE INTO text_vocab (suffix, word) VALUES (?, ?)`
	insertReportText0005SQL = `INSERT INTO report_text (mention_id, suffixes) VALUES (?, ?)`
	insertMentionTextSQL    = `INSERT INTO mention_text (event_id, suffixes) VALUES (?, ?)`
)

// reportText is a stored report waiting to be indexed, with the
// wordDoc of its sentence.
type reportText struct{ id, doc string }

// writeText indexes the sentences of the reports written in the
// transaction, after its last article, each distinct document once. FTS4
// keeps the rows of a transaction in memory and writes them as one new
// segment, but it must
// write that segment whenever a SAVEPOINT begins (so that a ROLLBACK TO
// can undo the rows after it): indexed inside the savepoint SaveArticles
// wrapped each article in until 2026-11-27, each article made a segment
// of its own, and merging those segments was a sixth of an ingest's CPU.
// A statement that may need undoing begins one too (a trigger's, an
// UPDATE of many rows), so the inserts stay together at the end, and are
// not one trigger's.
//
// Reports share a docid within the transaction only: to find the
// document of a sentence stored before, the store would need an index of
// the documents by text. The runs of each new document join text_vocab
// (addWords).
func (w *eventWriter) writeText(ctx context.Context) error {
	if len(w.texts) == 0 {
		return nil
	}
	var last int64
	if err := w.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(docid), 0) FROM report_docs`).Scan(&last); err != nil {
		return fmt.Errorf("index mention text: %w", err)
	}
	docids := make(map[string]int64, len(w.texts))
	for _, t := range w.texts {
		docid, ok := docids[t.doc]
		if !ok {
			last++
			docid = last
			docids[t.doc] = docid
			if _, err := w.text.ExecContext(ctx, docid, t.doc); err != nil {
				return fmt.Errorf("index mention text: %w", err)
			}
			if err := w.addWords(ctx, t.doc); err != nil {
				return fmt.Errorf("index mention text: %w", err)
			}
		}
		if _, err := w.textDoc.ExecContext(ctx, docid, t.id); err != nil {
			return fmt.Errorf("index mention text: %w", err)
		}
	}
	w.texts = w.texts[:0]
	return nil
}

// addWords adds the suffixes of doc's runs to text_vocab, those of runs
// the vocabulary does not know to be there.
func (w *eventWriter) addWords(ctx context.Context, doc string) error {
	for word := range strings.SplitSeq(doc, " ") {
		if word == "" || w.vocab.has(word) {
			continue
		}
		for i := 0; i+minIndexed <= len(word); i++ {
			if _, err := w.vocabAdd.ExecContext(ctx, word[i:], word); err != nil {
				return err
			}
		}
		w.vocab.add(word)
	}
	return nil
}

// vocabulary remembers runs known to be in text_vocab, so that the
// writer inserts a run's suffixes once a store rather than once a
// transaction (a batch of 512 articles holds thousands of distinct runs,
// nearly all stored before). It only spares statements: INSERT OR
// IGNORE keeps text_vocab right without it, and nothing deletes a run.
type vocabulary struct {
	mu      sync.Mutex
	known   map[string]struct{} // committed
	pending map[string]struct{} // added in the transaction under way
}

// shareVocabulary gives w the store's vocabulary and returns what ends
// the transaction's use of it, told whether it committed.
func (d *DB) shareVocabulary(w *eventWriter) (end func(committed *bool)) {
	if d.vocab == nil {
		return func(*bool) {}
	}
	w.vocab = d.vocab
	return func(committed *bool) { d.vocab.end(*committed) }
}

// maxKnownWords bounds the vocabulary's memory: past it, what was known
// is forgotten (and learnt again as the writer meets the runs).
const maxKnownWords = 1 << 18

func newVocabulary() *vocabulary {
	return &vocabulary{known: map[string]struct{}{}, pending: map[string]struct{}{}}
}

func (v *vocabulary) has(word string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	_, ok := v.known[word]
	if !ok {
		_, ok = v.pending[word]
	}
	return ok
}

func (v *vocabulary) add(word string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.pending[word] = struct{}{}
}

// release forgets the runs known and lets go of their memory; the
// writer learns them again as it meets them.
func (v *vocabulary) release() {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.known, v.pending = map[string]struct{}{}, map[string]struct{}{}
}

// end ends the transaction: the runs it added are known when it
// committed, forgotten when not.
func (v *vocabulary) end(committed bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if committed {
		if len(v.known)+len(v.pending) > maxKnownWords {
			clear(v.known)
		}
		for w := range v.pending {
			v.known[w] = struct{}{}
		}
	}
	clear(v.pending)
}

// maxMatchTerms bounds the terms of one MATCH expression: FTS4 refuses a
// tree of more than 12 levels, which a balanced OR of 4,096 terms
// reaches.
const maxMatchTerms = 1000

// matchExpr returns the MATCH expression of the documents that hold the
// searchable word w (searchableWords) in a run: one prefix term for the
// runs that begin with it, and the runs that hold it further in, named
// from text_vocab. When those are too many for one expression they are
// named by their first three letters, or two, a prefix term each: a
// superset, which a push-down may select (see above), as small as one
// expression allows.
func matchExpr(ctx context.Context, tx *sql.Tx, w string) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT word FROM text_vocab
		WHERE suffix >= ?1 AND suffix < ?1 || '{' AND suffix <> word`, w)
	if err != nil {
		return "", fmt.Errorf("text vocabulary: %w", err)
	}
	defer rows.Close()
	var inner []string
	for rows.Next() {
		var word string
		if err := rows.Scan(&word); err != nil {
			return "", fmt.Errorf("text vocabulary: %w", err)
		}
		if !strings.HasPrefix(word, w) {
			inner = append(inner, word)
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("text vocabulary: %w", err)
	}
	for _, n := range []int{3, 2} {
		if len(inner) <= maxMatchTerms {
			break
		}
		inner = prefixTerms(inner, n)
	}
	return strings.Join(append([]string{w + "*"}, inner...), " OR "), nil
}

// prefixTerms returns the distinct prefix terms of words' first n
// letters.
func prefixTerms(words []string, n int) []string {
	var out []string
	for _, w := range words {
		out = append(out, w[:min(n, len(w))]+"*")
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// indexMention adds one stored report's sentence to the full-text index
// of migration 0003 or 0005, for their backfills.
func indexMention(ctx context.Context, stmt *sql.Stmt, id, sentence string) error {
	if _, err := stmt.ExecContext(ctx, id, suffixDoc(sentence)); err != nil {
		return fmt.Errorf("index mention text: %w", err)
	}
	return nil
}

// backfillMentionText is the Go half of migration 0003: it indexes the
// mentions stored before the index existed, in the migration's transaction.
func backfillMentionText(ctx context.Context, tx *sql.Tx) error {
	return backfillText(ctx, tx, `SELECT event_id, sentence FROM mentions ORDER BY event_id, ordinal`, insertMentionTextSQL)
}

// backfillReportText is the Go half of migration 0005: one row per stored
// report.
func backfillReportText(ctx context.Context, tx *sql.Tx) error {
	return backfillText(ctx, tx, `SELECT id, sentence FROM mentions`, insertReportText0005SQL)
}

func backfillText(ctx context.Context, tx *sql.Tx, query, insert string) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	type row struct{ id, sentence string }
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.sentence); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, insert)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range all {
		if err := indexMention(ctx, stmt, r.id, r.sentence); err != nil {
			return err
		}
	}
	return nil
}

// backfillWords is the Go half of migration 0021: it indexes the
// document of each docid of report_docs again, as wordDoc makes it of
// the sentence of one of its reports (they all have the same), and fills
// text_vocab. It reads the documents a slice of docids at a time, so that
// a large store's sentences are never all in memory.
func backfillWords(ctx context.Context, tx *sql.Tx) error {
	insert, err := tx.PrepareContext(ctx, insertReportTextSQL)
	if err != nil {
		return err
	}
	defer insert.Close()
	w := &eventWriter{vocab: newVocabulary()}
	if w.vocabAdd, err = tx.PrepareContext(ctx, insertVocabSQL); err != nil {
		return err
	}
	defer w.vocabAdd.Close()
	const slice = 10_000
	type doc struct {
		docid int64
		text  string
	}
	for after := int64(-1 << 63); ; {
		rows, err := tx.QueryContext(ctx, `SELECT rd.docid, m.sentence FROM report_docs rd JOIN mentions m ON m.id = rd.mention_id
			WHERE rd.docid > ? AND rd.mention_id = (SELECT MIN(mention_id) FROM report_docs WHERE docid = rd.docid)
			ORDER BY rd.docid LIMIT ?`, after, slice)
		if err != nil {
			return err
		}
		var docs []doc
		for rows.Next() {
			var d doc
			if err := rows.Scan(&d.docid, &d.text); err != nil {
				rows.Close()
				return err
			}
			d.text = wordDoc(d.text)
			docs = append(docs, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, d := range docs {
			if _, err := insert.ExecContext(ctx, d.docid, d.text); err != nil {
				return err
			}
			if err := w.addWords(ctx, d.text); err != nil {
				return err
			}
		}
		if len(docs) < slice {
			return nil
		}
		after = docs[len(docs)-1].docid
	}
}

// textConditions narrows events to those that can contain every searchable
// word of query, each in an evidence sentence (through the index) or in the
// name of the source or target (checked in Go, like matchingActors, so that
// the folding is Match's own).
func textConditions(ctx context.Context, tx *sql.Tx, query string) (where []string, args []any, err error) {
	words := searchableWords(query)
	if len(words) == 0 {
		return nil, nil, nil
	}
	actors, err := allActors(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	for _, w := range words {
		var named []string
		for _, a := range actors {
			if strings.Contains(strings.ToLower(a.Name), w) {
				named = append(named, a.ID)
			}
		}
		match, err := matchExpr(ctx, tx, w)
		if err != nil {
			return nil, nil, err
		}
		where = append(where, `(e.id IN (SELECT tm.event_id FROM mentions tm WHERE tm.id IN
				(SELECT rd.mention_id FROM report_text rt JOIN report_docs rd ON rd.docid = rt.docid WHERE rt.words MATCH ?))
			OR e.source_id IN (SELECT value FROM json_each(?)) OR e.target_id IN (SELECT value FROM json_each(?)))`)
		list := jsonList(named)
		args = append(args, match, list, list)
	}
	return where, args, nil
}

// outletCondition narrows events to those with a mention from one of the
// stored outlets that answer to wants the way Match compares them
// (trimmed, Unicode case folding). none reports that no stored outlet does.
func outletCondition(ctx context.Context, tx *sql.Tx, wants []string) (where string, arg any, none bool, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT outlet FROM articles`)
	if err != nil {
		return "", nil, false, err
	}
	defer rows.Close()
	var match []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return "", nil, false, err
		}
		for _, w := range wants {
			if strings.EqualFold(strings.TrimSpace(w), o) {
				match = append(match, o)
				break
			}
		}
	}
	if err := rows.Err(); err != nil {
		return "", nil, false, err
	}
	if len(match) == 0 {
		return "", nil, true, nil
	}
	return `e.id IN (SELECT mo.event_id FROM mentions mo WHERE mo.article_id IN
		(SELECT ao.id FROM articles ao WHERE ao.outlet IN (SELECT value FROM json_each(?))))`, jsonList(match), false, nil
}

// allActors reads the actor table.
func allActors(ctx context.Context, tx *sql.Tx) ([]model.Actor, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, country, role, code FROM actors`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Actor
	for rows.Next() {
		var a model.Actor
		if err := rows.Scan(&a.ID, &a.Name, &a.Country, &a.Role, &a.Code); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
