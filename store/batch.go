package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/eventgraph/eventgraph/model"
)

// SaveArticles stores a batch of articles, each as [DB.SaveArticle] would,
// in one transaction: article i with events[i]. It exists for speed: one
// commit, and one compilation of each statement, for the whole batch.
//
// Each article still stands alone: when one fails, nothing of it is
// stored, the articles before it are committed, and those after it are
// not attempted; no reader ever sees part of an article, since readers
// see only committed transactions. added[i] reports for each article
// attempted without error whether it was new (false for an article stored
// already, as SaveArticle reports it). When err is nil, len(added) ==
// len(articles); otherwise article len(added) failed and err says why,
// with the sentinels of SaveArticle ([ErrReadOnly], [ErrInvalid]). When
// the commit itself fails, or the full-text indexing of the batch's
// sentences before it, added is empty: nothing of the batch was kept.
//
// Articles are not each wrapped in a SAVEPOINT: with one, SQLite copies
// every page an article changes into the savepoint's journal before the
// change, and frees the journal at its release, for each article of
// every batch. A 10k-article ingest took 20.5 and 21.4 s without, 23.3
// and 22.8 s with (alternating runs). An article fails only on data the
// schema refuses (an invalid code or date), so the batch pays instead
// when one does: the transaction, which holds part of the failed
// article, is rolled back, and the articles before it are stored again
// in one of their own.
func (d *DB) SaveArticles(ctx context.Context, articles []model.Article, events [][]model.Event) (added []bool, err error) {
	if len(events) != len(articles) {
		return nil, fmt.Errorf("store: save articles: %d articles but %d event lists", len(articles), len(events))
	}
	if len(articles) == 0 {
		return nil, nil
	}
	done, failed, err := d.saveBatchBehind(ctx, articles, events)
	switch {
	case err != nil:
		return nil, err
	case failed == nil || len(done) == 0:
		return done, failed
	}
	n := len(done)
	added, again, err := d.saveBatchBehind(ctx, articles[:n], events[:n])
	if err != nil {
		return nil, err
	}
	if again != nil {
		// Stored again, an article before the failed one failed in its
		// turn (the disk filled, say): it is the one to report.
		return added, again
	}
	return added, failed
}

// saveBatchBehind is saveBatch writing behind (behind.go), and without
// when a queued write failed.
func (d *DB) saveBatchBehind(ctx context.Context, articles []model.Article, events [][]model.Event) (done []bool, failed, err error) {
	done, failed, err = d.saveBatch(ctx, articles, events, !d.writeSync)
	if errors.Is(err, errWriteBehind) {
		d.behindRedone++
		return d.saveBatch(ctx, articles, events, false)
	}
	return done, failed, err
}

// saveBatch stores articles in one transaction, writing behind when
// behind is set. When article i fails, it
// rolls everything back and returns done, the i results of the articles
// before it (none of them stored), and failed, its error; err is an error
// of the batch as a whole (cancellation, the indexing, the commit), when
// nothing was stored either. Otherwise done holds every result and the
// batch is committed.
func (d *DB) saveBatch(ctx context.Context, articles []model.Article, events [][]model.Event, behind bool) (done []bool, failed, err error) {
	if err := d.readyLookupsLean(ctx); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	defer tx.Rollback()
	if err := d.cache.begin(ctx, tx); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	committed := false
	defer func() { d.cache.end(committed) }()
	w, err := newEventWriter(ctx, tx, d.cache)
	if err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	defer w.close()
	defer d.shareVocabulary(w)(&committed)
	if err := d.origins.begin(ctx, w); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	defer func() { d.origins.end(committed) }()
	if behind {
		w.behind = newBehind(context.WithoutCancel(ctx))
		// Before the statements close and the transaction ends.
		defer func() { d.behindSettles += w.behind.settles; w.behind.close() }()
	}

	done = make([]bool, 0, len(articles))
	origins := originsOf(articles, events)
	articles = sealed(articles)
	if w.stored, err = storedHashes(ctx, tx, articles); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	for i, a := range articles {
		if i%prefetchAhead == 0 && !d.noPrefetch {
			if err := w.prefetch(context.WithoutCancel(ctx), events[i:min(i+prefetchAhead, len(events))]); err != nil {
				if errors.Is(err, errWriteBehind) {
					return nil, nil, errWriteBehind
				}
				return nil, nil, fmt.Errorf("store: save articles: %w", err)
			}
		}
		o := <-origins
		ok, err := d.saveArticle(ctx, tx, w, a, events[i], o)
		if cerr := ctx.Err(); cerr != nil {
			// Cancelled: database/sql rolls the whole transaction back
			// and closes its statements, so err may only say "statement
			// is closed"; nothing of the batch is kept.
			return nil, nil, fmt.Errorf("store: save articles: %w", cerr)
		}
		if err != nil {
			// A queued write of an article before may have failed first.
			if errors.Is(err, errWriteBehind) || w.settle() != nil {
				return nil, nil, errWriteBehind
			}
			return done, err, nil // rolled back by the deferred Rollback
		}
		// The writer remembers the actors this article wrote, since it
		// is kept with the batch.
		w.releaseActors()
		if ok {
			w.stored[a.Hash] = true
		}
		done = append(done, ok)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	if err := w.settle(); err != nil {
		return nil, nil, err
	}
	// Once every article is written, so that the index takes the whole
	// batch at once; should it fail, nothing of the batch is kept, as
	// when the commit fails.
	if err := w.writeText(context.WithoutCancel(ctx)); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: %w", err)
	}
	if err := d.keepSummaries(context.WithoutCancel(ctx), tx, w.stale); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: event summaries: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("store: save articles: commit: %w", mapErr(err))
	}
	committed = true
	return done, nil, nil
}

// sealed returns copies of articles with their hashes and ids, as
// SaveArticle gives them.
func sealed(articles []model.Article) []model.Article {
	out := make([]model.Article, len(articles))
	for i, a := range articles {
		if a.Hash == "" {
			a.Seal()
		}
		if a.ID == "" && len(a.Hash) >= 12 {
			a.ID = "r-" + a.Hash[:12]
		}
		out[i] = a
	}
	return out
}

// storedHashes reads which of the articles' hashes are stored, in one
// query for the batch rather than one for each article: the writer
// would wait for its queued writes before each (behind.go).
func storedHashes(ctx context.Context, tx *sql.Tx, articles []model.Article) (map[string]bool, error) {
	hashes := make([]string, len(articles))
	for i, a := range articles {
		hashes[i] = a.Hash
	}
	rows, err := tx.QueryContext(ctx, `SELECT hash FROM articles WHERE hash IN (SELECT value FROM json_each(?))`, jsonList(hashes))
	if err != nil {
		return nil, err
	}
	stored, err := scanIDs(rows)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(articles))
	for _, h := range stored {
		out[h] = true
	}
	return out, nil
}
