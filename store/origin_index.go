package store

import (
	"context"
	"database/sql"
	"errors"
	"weak"

	"github.com/eventgraph/eventgraph/syndicate"
)

// copyIndex is the writer's index of stored signatures by band, with
// each article's copy group (syndicate.Index), from one transaction to
// the next (DB.origins), so that finding an article's copies reads no
// band mates: a widely carried story's bands are shared by hundreds of
// copies, nearly all of one group, and reading each of their rows (past
// the body, for the signature and group) made the lookup grow with the
// store (a tenth of the writer's CPU at 10k articles, more beyond).
//
// It learns a band from the store the first time an article has it (one
// query for the article's unknown bands), and every article the writer
// saves after. It is used only while it still describes the store, by
// the rules of the group summaries (originGroups): no other connection
// has committed since it was begun (SQLite's data_version, on the same
// writer connection), and the row of the article whose save changed it
// last reads the group that save gave it; that fails when the article
// or its transaction was rolled back (its row is gone), and rollbacks
// undo the latest writes first. Every write of the writer to a copy
// group goes through saveWithOrigin, which tells the index (added).
// Otherwise it is emptied and learns again.
//
// That is checked once a transaction: within one, an article is saved
// only after the one before it was (SaveArticles stops at the first
// that fails and rolls back).
type copyIndex struct {
	x               *syndicate.Index
	conn, version   int64                     // the writer connection and its data_version when begun; conn 0 before
	last, lastGroup string                    // the article whose save changed it last, and the group it was given
	checked         weak.Pointer[eventWriter] // the transaction (its writer) it was last checked in
	// complete: the index holds every stored article, begun when the
	// store had none and never shrunk, so a band it does not know is
	// no article's, and it learns nothing from the store. A first load
	// then reads no band mates, one query an article that the writer
	// waited for its queued writes before (behind.go).
	complete        bool
	resets, shrinks int // for tests
	learnt          int // band mates read, for tests
}

// maxIndexedBands bounds the index: a band membership (eight an
// article) takes 8 bytes and each signature held 132, once however many
// of its bands are learnt and for all exact copies (syndicate.Index).
// At the end of a 30k ingest of a generated corpus, whose bands are
// shared by many copies, the index held 6 MB. Past the bound it forgets
// the bands least recently used, down to half of it: a band forgotten
// is learnt again from the store, by reading every stored copy that has
// it. Emptying it instead, every 32k articles of a 100k ingest, cost 8%
// of the CPU, each time more as the store grew. Tests lower it.
var maxIndexedBands = 1 << 18

// joined returns the copy groups of the stored articles near-identical
// to the article id, whose signature is sig, each once.
func (c *copyIndex) joined(ctx context.Context, w *eventWriter, id string, sig []uint32) ([]string, error) {
	if err := c.check(ctx, w); err != nil {
		return nil, err
	}
	if unknown := c.x.Unknown(sig); len(unknown) > 0 && c.complete {
		c.x.Fill(unknown, nil)
	} else if len(unknown) > 0 {
		c.learnt++
		mates, err := w.bandMatesOf(ctx, jsonList(unknown), id)
		if err != nil {
			return nil, err
		}
		c.x.Fill(unknown, mates)
	}
	groups, ok := c.x.Joined(sig)
	if !ok {
		return nil, errors.New("copy index: a band is still unknown")
	}
	return groups, nil
}

// check empties the index unless it describes the store.
func (c *copyIndex) check(ctx context.Context, w *eventWriter) error {
	if c.checked.Value() == w {
		return nil
	}
	if c.last == "" {
		// Nothing saved since it was emptied: what it learnt since, if
		// anything, was read in a transaction that may not be this one.
		c.reset()
		c.checked = weak.Make(w)
		return c.begin(ctx, w)
	}
	if err := w.settle(); err != nil {
		return err
	}
	var group, origin string
	var conn, version int64
	err := w.groupRow.QueryRowContext(ctx, c.last).Scan(&group, &origin, &conn, &version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		c.reset() // rolled back
	case err != nil:
		return err
	case conn != c.conn || version != c.version || group != c.lastGroup:
		c.reset()
	default:
		c.checked = weak.Make(w)
		return nil
	}
	c.checked = weak.Make(w)
	return c.begin(ctx, w)
}

// begin makes an emptied index complete when the store has no article
// with bands.
func (c *copyIndex) begin(ctx context.Context, w *eventWriter) error {
	if err := w.settle(); err != nil {
		return err
	}
	var none bool
	if err := w.tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM article_bands)`).Scan(&none); err != nil {
		return err
	}
	c.complete = none
	return nil
}

// added records the article id, just stored with the signature sig in
// the copy group, once the statements moving its copies have run and
// the index has been told of the moves.
func (c *copyIndex) added(ctx context.Context, w *eventWriter, id string, sig []uint32, group string) error {
	if c.complete {
		c.x.AddAll(sig, group)
	} else {
		c.x.Add(sig, group)
	}
	if c.conn == 0 {
		// Begun now: from here on it describes the store as long as the
		// connection and its data_version stay.
		if err := w.settle(); err != nil {
			return err
		}
		if err := w.groupRow.QueryRowContext(ctx, id).Scan(new(string), new(string), &c.conn, &c.version); err != nil {
			return err
		}
	}
	c.last, c.lastGroup = id, group
	if c.x.Members() > maxIndexedBands {
		c.x.Shrink(maxIndexedBands / 2)
		c.shrinks++
		c.complete = false
	}
	return nil
}

func (c *copyIndex) reset() {
	if c.x.Members() > 0 {
		c.resets++
	}
	c.x.Reset()
	c.conn, c.version, c.last, c.lastGroup = 0, 0, "", ""
	c.complete = false
}

// release empties the index and lets go of its memory, which reset keeps
// for the index to fill again.
func (c *copyIndex) release() {
	c.reset()
	c.x = syndicate.NewIndex()
}
