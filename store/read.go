package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/eventgraph/eventgraph/model"
)

// Actors returns every stored actor with the number of events it is the
// source or target of, sorted by name (ignoring ASCII case), then id.
func (d *DB) Actors(ctx context.Context) ([]model.ActorSummary, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	defer tx.Rollback()

	out, err := queryActors(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	return out, nil
}

func queryActors(ctx context.Context, tx *sql.Tx) ([]model.ActorSummary, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.name, a.country, a.role, a.code,
		(SELECT COUNT(*) FROM events e WHERE e.source_id = a.id OR e.target_id = a.id)
		FROM actors a ORDER BY a.name COLLATE NOCASE, a.name, a.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.ActorSummary{}
	for rows.Next() {
		var s model.ActorSummary
		if err := rows.Scan(&s.ID, &s.Name, &s.Country, &s.Role, &s.Code, &s.Events); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Articles returns every stored article without its body, with the number
// of distinct events it reports, sorted by path, then id.
func (d *DB) Articles(ctx context.Context) ([]model.ArticleSummary, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	defer tx.Rollback()

	out, err := queryArticles(ctx, tx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	return out, nil
}

// Article returns the article with the given id, body included. It returns
// an error matching [model.ErrNotFound] when there is none.
func (d *DB) Article(ctx context.Context, id string) (model.Article, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return model.Article{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	defer tx.Rollback()

	list, err := queryArticles(ctx, tx, &id)
	if err != nil {
		return model.Article{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	if len(list) == 0 {
		return model.Article{}, fmt.Errorf("store: article %s: %w", id, model.ErrNotFound)
	}
	if err := tx.Commit(); err != nil {
		return model.Article{}, fmt.Errorf("store: article %s: %w", id, err)
	}
	return list[0].Article, nil
}

// queryArticles lists all articles without bodies, or, given an id, that
// one article with its body.
func queryArticles(ctx context.Context, tx *sql.Tx, id *string) ([]model.ArticleSummary, error) {
	q := `SELECT a.id, a.hash, a.path, a.title, a.outlet, a.url, a.published, a.format, %s,
		(SELECT COUNT(DISTINCT m.event_id) FROM mentions m WHERE m.article_id = a.id)
		FROM articles a %s ORDER BY a.path, a.id`
	var args []any
	if id == nil {
		q = fmt.Sprintf(q, "''", "")
	} else {
		q = fmt.Sprintf(q, "a.body", "WHERE a.id = ?")
		args = append(args, *id)
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.ArticleSummary{}
	for rows.Next() {
		var s model.ArticleSummary
		var published string
		if err := rows.Scan(&s.ID, &s.Hash, &s.Path, &s.Title, &s.Outlet, &s.URL, &published,
			&s.Format, &s.Body, &s.Events); err != nil {
			return nil, err
		}
		if s.Published, err = decodeTime(published); err != nil {
			return nil, fmt.Errorf("article %s: %w", s.ID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// EventMentions returns the mentions of the event with the given id from
// offset on, at most limit of them, in the order of [DB.Events], and how
// many the event has in all: the rest of an event whose page showed only
// its first mentions ([DB.EventsPage]). It returns an error matching
// [model.ErrNotFound] when no event has that id.
func (d *DB) EventMentions(ctx context.Context, id string, offset, limit int) ([]model.Mention, int, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("store: mentions of %s: %w", id, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events WHERE id = ?`, id).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("store: mentions of %s: %w", id, err)
	}
	if n == 0 {
		return nil, 0, fmt.Errorf("store: mentions of %s: %w", id, model.ErrNotFound)
	}
	offset, limit = max(offset, 0), max(limit, 0)
	byEvent, err := readMentions(ctx, tx, jsonList([]string{id}), textWindow{offset, offset + limit}, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("store: mentions of %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, 0, fmt.Errorf("store: mentions of %s: %w", id, err)
	}
	all := byEvent[id]
	lo, hi := min(offset, len(all)), min(offset+limit, len(all))
	return append([]model.Mention{}, all[lo:hi]...), len(all), nil
}

// Counts returns how many articles, actors, events and mentions are stored,
// for the summary of eventgraph build.
func (d *DB) Counts(ctx context.Context) (articles, actors, events, mentions int, err error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("store: counts: %w", err)
	}
	defer tx.Rollback()

	err = tx.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM actors),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM mentions)`).
		Scan(&articles, &actors, &events, &mentions)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("store: counts: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, 0, 0, fmt.Errorf("store: counts: %w", err)
	}
	return articles, actors, events, mentions, nil
}
