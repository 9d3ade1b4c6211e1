package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/eventgraph/eventgraph/model"
)

var _ model.ReviewWriter = (*DB)(nil)

// SetReview records a person's decision on an event (see
// [model.ReviewWriter]); r.EventID may be an old id of an event that has
// since merged into another. A second review of an event replaces the
// first. Re-ingesting keeps reviews: SaveArticle moves them with the
// events they belong to.
//
// It returns an error matching [model.ErrNotFound] for an unknown event,
// [ErrInvalid] for an unknown status and [ErrReadOnly] on a read-only
// database.
func (d *DB) SetReview(ctx context.Context, r model.Review) (model.Review, error) {
	op := fmt.Sprintf("store: review %s", r.EventID)
	if _, err := model.ParseStatus(string(r.Status)); err != nil {
		return r, fmt.Errorf("%s: %w: %v", op, ErrInvalid, err)
	}
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return r, fmt.Errorf("%s: %w", op, err)
	}
	defer tx.Rollback()

	id, err := resolveEvent(ctx, tx, r.EventID)
	if err != nil {
		return r, fmt.Errorf("%s: %w", op, err)
	}
	r.EventID, r.ReviewedAt = id, d.now()
	if _, err := tx.ExecContext(ctx, `INSERT INTO reviews (event_id, status, note, reviewed_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, note = excluded.note, reviewed_at = excluded.reviewed_at`,
		r.EventID, string(r.Status), r.Note, r.ReviewedAt); err != nil {
		return r, fmt.Errorf("%s: %w", op, mapErr(err))
	}
	if err := tx.Commit(); err != nil {
		return r, fmt.Errorf("%s: commit: %w", op, mapErr(err))
	}
	return r, nil
}

// resolveEvent returns the id of the stored event id names, directly or
// as an alias left by a merge.
func resolveEvent(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var got string
	err := tx.QueryRowContext(ctx, `SELECT id FROM events WHERE id = ?1
		UNION ALL SELECT event_id FROM event_aliases WHERE alias = ?1 LIMIT 1`, id).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("event %s: %w", id, model.ErrNotFound)
	}
	return got, err
}
