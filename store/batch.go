package store

import (
	"context"
	"fmt"

	"github.com/eventgraph/eventgraph/model"
)

// SaveArticles stores a batch of articles, each as [DB.SaveArticle] would,
// in one transaction: article i with events[i]. It exists for speed: one
// commit, and one compilation of each statement, for the whole batch.
//
// Each article still stands alone. It is saved inside its own SAVEPOINT,
// so when one fails, what it wrote is rolled back, the articles before it
// are committed, and those after it are not attempted; no reader ever sees
// part of an article, since readers see only committed transactions.
// added[i] reports for each article attempted without error whether it
// was new (false for an article stored already, as SaveArticle reports
// it). When err is nil, len(added) == len(articles); otherwise article
// len(added) failed and err says why, with the sentinels of SaveArticle
// ([ErrReadOnly], [ErrInvalid]). When the commit itself fails, or the
// full-text indexing of the batch's sentences before it, added is empty:
// nothing of the batch was kept.
func (d *DB) SaveArticles(ctx context.Context, articles []model.Article, events [][]model.Event) (added []bool, err error) {
	if len(events) != len(articles) {
		return nil, fmt.Errorf("store: save articles: %d articles but %d event lists", len(articles), len(events))
	}
	if len(articles) == 0 {
		return nil, nil
	}
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: save articles: %w", err)
	}
	defer tx.Rollback()
	if err := d.cache.begin(ctx, tx); err != nil {
		return nil, fmt.Errorf("store: save articles: %w", err)
	}
	committed := false
	defer func() { d.cache.end(committed) }()
	w, err := newEventWriter(ctx, tx, d.cache)
	if err != nil {
		return nil, fmt.Errorf("store: save articles: %w", err)
	}
	defer w.close()

	added = make([]bool, 0, len(articles))
	var failed error
	origins := originsOf(articles, events)
	for i, a := range articles {
		o := <-origins
		if a.Hash == "" {
			a.Seal()
		}
		if a.ID == "" && len(a.Hash) >= 12 {
			a.ID = "r-" + a.Hash[:12]
		}
		if _, err := w.savepoint.ExecContext(ctx); err != nil {
			failed = fmt.Errorf("store: save article %s (%s): savepoint: %w", a.ID, a.Path, mapErr(err))
			break
		}
		texts := len(w.texts)
		ok, err := d.saveArticle(ctx, tx, w, a, events[i], o)
		if cerr := ctx.Err(); cerr != nil {
			// Cancelled: database/sql rolls the whole transaction back
			// and closes its statements, so err may only say "statement
			// is closed"; nothing of the batch is kept.
			return nil, fmt.Errorf("store: save articles: %w", cerr)
		}
		if err != nil {
			failed = err
			w.texts = w.texts[:texts] // the article's reports are not stored
			d.cache.reset()           // nor is what the cache learnt of them
			// Undo this article alone; if even that fails, the whole
			// transaction is rolled back by the deferred Rollback.
			if _, rerr := w.rollbackTo.ExecContext(context.WithoutCancel(ctx)); rerr != nil {
				return nil, fmt.Errorf("%w (and rolling it back: %v)", err, rerr)
			}
			if _, rerr := w.release.ExecContext(context.WithoutCancel(ctx)); rerr != nil {
				return nil, fmt.Errorf("%w (and releasing its savepoint: %v)", err, rerr)
			}
			break
		}
		if _, err := w.release.ExecContext(context.WithoutCancel(ctx)); err != nil {
			return nil, fmt.Errorf("store: save article %s (%s): release: %w", a.ID, a.Path, mapErr(err))
		}
		// The writer remembers the actors this article wrote, since its
		// savepoint is released; a rolled-back article's are forgotten.
		w.releaseActors()
		added = append(added, ok)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: save articles: %w", err)
	}
	// Outside every article's savepoint, so that the index takes the
	// whole batch at once; should it fail, nothing of the batch is kept,
	// as when the commit fails.
	if err := w.writeText(context.WithoutCancel(ctx)); err != nil {
		return nil, fmt.Errorf("store: save articles: %w", err)
	}
	if err := d.keepSummaries(context.WithoutCancel(ctx), tx, w.stale); err != nil {
		return nil, fmt.Errorf("store: save articles: event summaries: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: save articles: commit: %w", mapErr(err))
	}
	committed = true
	return added, failed
}
