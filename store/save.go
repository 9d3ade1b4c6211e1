package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// SaveArticle stores the article with its actors, events and mentions in
// one transaction (see [model.ArticleWriter]). When an article with the
// same content hash is stored already it stores nothing and returns
// added=false. An event whose ID is empty gets one from [model.Event.SetID];
// an event whose ID is stored already gains the new mentions, and a mention
// of the same sentence (article and start offset) is kept once. Every
// mention is attributed to a, whatever its ArticleID says.
//
// It returns [ErrReadOnly] on a read-only database and [ErrInvalid] for
// data that cannot be stored; on any error nothing of the article is kept.
// An article without a hash is sealed first ([model.Article.Seal]).
func (d *DB) SaveArticle(ctx context.Context, a model.Article, events []model.Event) (added bool, err error) {
	if a.Hash == "" {
		a.Seal()
	}
	if a.ID == "" && len(a.Hash) >= 12 {
		a.ID = "r-" + a.Hash[:12]
	}
	op := fmt.Sprintf("store: save article %s (%s)", a.ID, a.Path)
	if err := d.readyLookupsLean(ctx); err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}

	tx, err := d.beginWrite(ctx)
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	defer tx.Rollback()
	if err := d.cache.begin(ctx, tx); err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	committed := false
	defer func() { d.cache.end(committed) }()
	w, err := newEventWriter(ctx, tx, d.cache)
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	defer w.close()
	defer d.shareVocabulary(w)(&committed)
	if err := d.origins.begin(ctx, w); err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	defer func() { d.origins.end(committed) }()
	if added, err = d.saveArticle(ctx, tx, w, a, events, originOf(a, events)); err != nil || !added {
		return false, err
	}
	if err := w.writeText(context.WithoutCancel(ctx)); err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	if err := d.keepSummaries(context.WithoutCancel(ctx), tx, w.stale); err != nil {
		return false, fmt.Errorf("%s: event summaries: %w", op, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("%s: commit: %w", op, mapErr(err))
	}
	committed = true
	return true, nil
}

// saveArticle is SaveArticle inside a transaction the caller commits; a
// has its hash and id.
// o is a's origin (originOf).
func (d *DB) saveArticle(ctx context.Context, tx *sql.Tx, w *eventWriter, a model.Article, events []model.Event, o articleOrigin) (bool, error) {
	op := fmt.Sprintf("store: save article %s (%s)", a.ID, a.Path)
	// Statements run under a context that is never cancelled: for a
	// cancellable one go-sqlite3 starts a goroutine per statement to watch
	// it, which cost more than most of our statements. Cancellation is
	// checked between events instead (saveEvents) and between articles.
	ctx, done := context.WithoutCancel(ctx), ctx
	if d.uncached {
		w.cache.reset()
	}
	if exists, err := w.articleExists(ctx, a.Hash); err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	} else if exists {
		return false, nil
	}
	w.docs = o.docs
	if err := w.saveWithOrigin(ctx, d.origins, a, o, d.now()); err != nil {
		return false, fmt.Errorf("%s: %w", op, mapErr(err))
	}
	if err := w.saveEvents(ctx, done, tx, a, events, d.afterEvent); err != nil {
		return false, fmt.Errorf("%s: %w", op, mapErr(err))
	}
	return true, nil
}

func (w *eventWriter) articleExists(ctx context.Context, hash string) (bool, error) {
	if w.stored != nil {
		return w.stored[hash], nil
	}
	if err := w.settle(); err != nil {
		return false, err
	}
	var n int
	err := w.exists.QueryRowContext(ctx, hash).Scan(&n)
	return n > 0, err
}

// insertArticleSQL stores an article with its wire origin: its credit,
// its text signature, its copy group and the group's origin, which
// saveWithOrigin works out first. One statement: setting those by an
// UPDATE after the INSERT rewrote the row, body and all.
const insertArticleSQL = `INSERT INTO articles
	(id, hash, path, title, outlet, url, published, format, body, ingested_at, credit, minhash, copy_group, origin)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func (w *eventWriter) insertArticle(ctx context.Context, a model.Article, o articleOrigin, now, group, origin string) error {
	return w.exec(ctx, w.article,
		a.ID, a.Hash, a.Path, a.Title, a.Outlet, a.URL, encodeTime(a.Published), a.Format, a.Body, now,
		o.credit, o.minhash, group, origin)
}

// eventWriter holds the statements saving runs for every article,
// actor, event and report, prepared once per transaction, so that a batch
// of articles (SaveArticles) compiles each once.
type eventWriter struct {
	exists, actor, event, mention, move, text, near, undated, victim, eventReportIDs, reportsByID *sql.Stmt
	article, addBands, bandMates, groupCopies, setGroup, moveGroup, groupRow, textDoc             *sql.Stmt
	insertEvent, updateCoding, updateArticles, vocabAdd                                           *sql.Stmt
	retireStmts                                                                                   [len(retireSQL)]*sql.Stmt
	actors                                                                                        map[string]model.Actor // actors upserted for this article
	released                                                                                      map[string]model.Actor // actors as the rows read after the written articles' upserts
	texts                                                                                         []reportText           // the reports written, to index
	docs                                                                                          map[string]string      // the article's wordDoc by sentence (articleOrigin)
	stale                                                                                         []string               // events of many articles written, whose summaries to recompute
	cache                                                                                         *mergeCache
	tx                                                                                            *sql.Tx
	behind                                                                                        *behind         // the writes queued, when writing behind (behind.go)
	stored                                                                                        map[string]bool // the hashes of the articles stored, when SaveArticles read them for its batch
	lookupsReady                                                                                  bool            // the merge lookups' indexes are there (readyLookups)
	vocab                                                                                         *vocabulary     // the runs known to be in text_vocab
}

// upsertActorSQL stores an actor, or what changed of a stored one. Every
// article upserts each of its actors, nearly all of them stored already
// as they are; the WHERE leaves such a row alone, where the UPDATE would
// rewrite it and its actors_name entry all the same.
const upsertActorSQL = `INSERT INTO actors (id, name, country, role, code) VALUES (?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country,
		role = excluded.role, code = excluded.code
	WHERE name IS NOT excluded.name OR country IS NOT excluded.country OR role IS NOT excluded.role
		OR code IS NOT excluded.code`

// newEventWriter prepares the statements; cache is the DB's merge cache,
// which the caller has begun for tx.
func newEventWriter(ctx context.Context, tx *sql.Tx, cache *mergeCache) (*eventWriter, error) {
	w := &eventWriter{actors: map[string]model.Actor{}, released: map[string]model.Actor{}, cache: cache, tx: tx,
		vocab: newVocabulary()}
	for _, s := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&w.exists, `SELECT COUNT(*) FROM articles WHERE hash = ?`}, {&w.actor, upsertActorSQL},
		{&w.event, upsertMergedEventSQL}, {&w.mention, insertReportSQL}, {&w.move, moveReportSQL},
		{&w.text, insertReportTextSQL}, {&w.textDoc, insertReportDocSQL}, {&w.near, nearReportsSQL}, {&w.undated, undatedReportsSQL}, {&w.victim, victimReportsSQL},
		{&w.eventReportIDs, eventsReportIDsSQL}, {&w.reportsByID, reportsByIDSQL},
		{&w.article, insertArticleSQL}, {&w.addBands, addBandsSQL}, {&w.bandMates, bandMatesSQL},
		{&w.groupCopies, groupCopiesSQL}, {&w.setGroup, setGroupSQL}, {&w.moveGroup, moveGroupSQL}, {&w.groupRow, groupRowSQL},
		{&w.insertEvent, insertEventSQL}, {&w.updateCoding, updateEventCodingSQL}, {&w.updateArticles, updateEventArticlesSQL},
		{&w.vocabAdd, insertVocabSQL}} {
		stmt, err := tx.PrepareContext(ctx, s.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*s.stmt = stmt
	}
	for i, q := range retireSQL {
		stmt, err := tx.PrepareContext(ctx, q)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		w.retireStmts[i] = stmt
	}
	return w, nil
}

func (w *eventWriter) close() {
	for _, s := range []*sql.Stmt{w.exists, w.actor, w.event, w.mention, w.move, w.text, w.textDoc, w.near, w.undated, w.victim, w.eventReportIDs, w.reportsByID,
		w.article, w.addBands, w.bandMates, w.groupCopies, w.setGroup, w.moveGroup, w.groupRow,
		w.insertEvent, w.updateCoding, w.updateArticles, w.vocabAdd} {
		if s != nil {
			s.Close()
		}
	}
	for _, s := range w.retireStmts {
		if s != nil {
			s.Close()
		}
	}
}

// saveEvents validates the article's events, stores their actors and
// merges their reports with the stored ones (see merge.go).
// Statements run under ctx; done is checked for cancellation.
func (w *eventWriter) saveEvents(ctx, done context.Context, tx *sql.Tx, a model.Article, events []model.Event, after func(int)) error {
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.Format(dayLayout)
	}
	var reports []model.Event
	for i, e := range events {
		if err := w.saveEvent(ctx, e); err != nil {
			return fmt.Errorf("event %d (%s): %w", i, e.ID, err)
		}
		for _, r := range merge.Reports([]model.Event{e}) {
			m := &r.Mentions[0]
			m.ArticleID, m.Path, m.URL, m.Outlet, m.Published = a.ID, a.Path, a.URL, a.Outlet, pub
			reports = append(reports, r)
		}
		if after != nil {
			after(i)
		}
	}
	if err := done.Err(); err != nil {
		return err
	}
	return w.mergeReports(ctx, tx, reports)
}

// saveEvent checks one extracted event and stores its actors.
func (w *eventWriter) saveEvent(ctx context.Context, e model.Event) error {
	if err := validateEvent(e); err != nil {
		return err
	}
	if _, _, _, err := encodeDate(e.Date); err != nil {
		return err
	}
	for _, m := range e.Mentions {
		if m.Source != nil {
			own := model.Event{Source: *m.Source, Target: m.Target, Code: m.Code}
			if err := validateEvent(own); err != nil {
				return err
			}
			if err := w.saveActor(ctx, own.Source); err != nil {
				return err
			}
			if own.Target != nil {
				if err := w.saveActor(ctx, *own.Target); err != nil {
					return err
				}
			}
		}
	}
	if err := w.saveActor(ctx, e.Source); err != nil {
		return err
	}
	if e.Target != nil {
		if err := w.saveActor(ctx, *e.Target); err != nil {
			return err
		}
	}
	return nil
}

// saveActor upserts an actor the first time the article names it. An
// actor an earlier article of the batch upserted with the same values
// needs no statement: its row reads so already, and the upsert would
// leave it alone.
func (w *eventWriter) saveActor(ctx context.Context, a model.Actor) error {
	if _, ok := w.actors[a.ID]; ok {
		return nil
	}
	if r, ok := w.released[a.ID]; !ok || !sameActorRow(r, a) {
		if err := w.exec(ctx, w.actor, a.ID, a.Name, a.Country, string(a.Role), a.Code); err != nil {
			return fmt.Errorf("actor %s: %w", a.ID, err)
		}
	}
	w.cache.upsertedActor(a)
	w.actors[a.ID] = a
	return nil
}

// sameActorRow tells whether two actors have the same actors row.
func sameActorRow(a, b model.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Country == b.Country && a.Role == b.Role && a.Code == b.Code
}

// releaseActors records the article's upserts as the rows now read, once
// the article is written, and starts the next article afresh.
func (w *eventWriter) releaseActors() {
	for id, a := range w.actors {
		w.released[id] = a
	}
	clear(w.actors)
}

// validateEvent rejects what the schema would reject, with a message that
// names the field, before anything of the event is written.
func validateEvent(e model.Event) error {
	if err := validateActor("source", &e.Source); err != nil {
		return err
	}
	if err := validateActor("target", e.Target); err != nil {
		return err
	}
	if len(e.Code) < 2 || len(e.Code) > 4 {
		return fmt.Errorf("%w: CAMEO code %q is not 2-4 digits", ErrInvalid, e.Code)
	}
	for _, c := range e.Code {
		if c < '0' || c > '9' {
			return fmt.Errorf("%w: CAMEO code %q is not 2-4 digits", ErrInvalid, e.Code)
		}
	}
	for _, m := range e.Mentions {
		if m.Start < 0 || m.End < m.Start {
			return fmt.Errorf("%w: mention offsets %d-%d", ErrInvalid, m.Start, m.End)
		}
	}
	return nil
}

func validateActor(which string, a *model.Actor) error {
	if a == nil {
		return nil
	}
	if a.ID == "" || a.Name == "" {
		return fmt.Errorf("%w: %s actor %q has no id or name", ErrInvalid, which, a.Name)
	}
	if !model.ValidRole(a.Role) {
		return fmt.Errorf("%w: %s actor %q has unknown role %q", ErrInvalid, which, a.Name, a.Role)
	}
	return nil
}
