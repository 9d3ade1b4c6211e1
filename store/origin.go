package store

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/syndicate"
)

// Wire origins (migration 0004). An article's origin is the wire service
// whose story it carries: the one its text credits, or, for near-identical
// copies under several outlets, the copy group's. Every copy of a group
// gets the same origin, so that model.Event.Sources counts the story once,
// and the origin depends only on the group, not on which copy came first:
//   - the least credit any copy gives ("Reuters" for "(Reuters) -");
//   - else the outlet of a copy published by a wire service itself;
//   - else the outlet of the earliest-published copy (then least id).

// copyInfo is what choosing a group's origin needs of each copy.
type copyInfo struct {
	id, outlet, published, credit, group, origin string
}

// The statements of saveWithOrigin, prepared once per transaction (see
// eventWriter). Every lookup goes through an index: bands by their key,
// articles by id and by copy_group (migration 0008), so that the work
// depends on the size of the copy groups, not of the store.
const (
	addBandsSQL  = `INSERT OR IGNORE INTO article_bands (band, article_id) SELECT value, ?2 FROM json_each(?1)`
	bandMatesSQL = `SELECT a.id, a.minhash, a.copy_group FROM articles a WHERE a.id IN
		(SELECT b.article_id FROM article_bands b WHERE b.band IN (SELECT value FROM json_each(?)) AND b.article_id <> ?)`
	groupCopiesSQL = `SELECT id, outlet, published, credit, copy_group, origin FROM articles
		WHERE id IN (SELECT value FROM json_each(?1))
		UNION SELECT id, outlet, published, credit, copy_group, origin FROM articles
		WHERE copy_group IN (SELECT value FROM json_each(?1))`
	setGroupSQL = `UPDATE articles SET origin = ?, copy_group = ? WHERE id = ?`
)

// articleOrigin is what saving an article's origin needs of its text,
// and the full-text documents of its sentences: worked out from the
// article and its events alone, so that SaveArticles can work them out
// for the next articles while it writes one.
type articleOrigin struct {
	credit  string
	sig     []uint32 // nil for a text too short to compare
	minhash string   // sig, encoded
	bands   string   // sig's LSH bands, a JSON array
	// docs holds the suffixDoc of each sentence the events' mentions
	// quote, for writeReport.
	docs map[string]string
}

func originOf(a model.Article, events []model.Event) articleOrigin {
	o := articleOrigin{credit: syndicate.Credit(a.Body), sig: syndicate.Signature(a.Body)}
	o.minhash = syndicate.Encode(o.sig)
	if o.sig != nil {
		o.bands = jsonList(syndicate.Bands(o.sig))
	}
	o.docs = make(map[string]string)
	for _, e := range events {
		for _, m := range e.Mentions {
			if _, ok := o.docs[m.Sentence]; !ok {
				o.docs[m.Sentence] = suffixDoc(m.Sentence)
			}
		}
	}
	return o
}

// originsOf works out the origins of articles in a goroutine, in order,
// and returns the channel they come on: the writer takes each when it
// gets to its article, and it is worked out meanwhile. The channel holds
// them all, so the goroutine ends even when the writer stops early.
// events[i] are the events of articles[i].
func originsOf(articles []model.Article, events [][]model.Event) <-chan articleOrigin {
	out := make(chan articleOrigin, len(articles))
	go func() {
		defer close(out)
		for i, a := range articles {
			out <- originOf(a, events[i])
		}
	}()
	return out
}

// saveWithOrigin stores the article, new and with its id and hash, with
// its wire origin. Its near-identical copies are found first, so that
// its row is inserted with the copy group and origin it ends with: set
// by an UPDATE after the INSERT, they rewrote the row, body and all,
// for every syndicated article. Then its bands are stored (they refer
// to its row) and the other copies of the joined group take their
// common origin.
func (w *eventWriter) saveWithOrigin(ctx context.Context, a model.Article, o articleOrigin, now string) error {
	if a.ID == "" || a.Hash == "" {
		return fmt.Errorf("%w: article has no id or hash", ErrInvalid)
	}
	group, origin := a.ID, o.credit // alone, until copies are found
	var copies []copyInfo
	if o.sig != nil {
		ids, err := w.similarCopies(ctx, a, o)
		if err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
		if len(ids) > 0 {
			if copies, err = w.groupCopiesOf(ctx, append(ids, a.ID)); err != nil {
				return fmt.Errorf("wire origin: %w", err)
			}
			// The article as its row will read back.
			self := copyInfo{id: a.ID, outlet: a.Outlet, published: encodeTime(a.Published), credit: o.credit, group: a.ID, origin: o.credit}
			origin, group = groupOrigin(append(slices.Clip(copies), self)) // sorts its own array

		}
	}
	if err := w.insertArticle(ctx, a, o, now, group, origin); err != nil {
		return err
	}
	if o.sig == nil {
		return nil
	}
	if _, err := w.addBands.ExecContext(ctx, o.bands, a.ID); err != nil {
		return fmt.Errorf("wire origin: %w", err)
	}
	for _, c := range copies {
		if c.group == group && c.origin == origin {
			continue // unchanged: no write
		}
		if _, err := w.setGroup.ExecContext(ctx, origin, group, c.id); err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
	}
	return nil
}

// similarCopies returns the stored articles near-identical to a, each
// with its copy group: the ids of the groups a joins.
func (w *eventWriter) similarCopies(ctx context.Context, a model.Article, o articleOrigin) ([]string, error) {
	rows, err := w.bandMates.QueryContext(ctx, o.bands, a.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id, mh, group string
		if err := rows.Scan(&id, &mh, &group); err != nil {
			return nil, err
		}
		if syndicate.Similarity(o.sig, syndicate.Decode(mh)) >= syndicate.Threshold {
			ids = append(ids, id, group)
		}
	}
	return ids, rows.Err()
}

// groupCopiesOf reads every stored copy of the copy groups named by ids
// (article ids or group ids).
func (w *eventWriter) groupCopiesOf(ctx context.Context, ids []string) ([]copyInfo, error) {
	rows, err := w.groupCopies.QueryContext(ctx, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var copies []copyInfo
	for rows.Next() {
		var c copyInfo
		if err := rows.Scan(&c.id, &c.outlet, &c.published, &c.credit, &c.group, &c.origin); err != nil {
			return nil, err
		}
		copies = append(copies, c)
	}
	return copies, rows.Err()
}

// groupOrigin chooses a copy group's origin by the rules above, and its
// id: the least article id.
func groupOrigin(copies []copyInfo) (origin, group string) {
	sort.Slice(copies, func(i, j int) bool {
		if publishedDay(copies[i].published) != publishedDay(copies[j].published) {
			return publishedDay(copies[i].published) < publishedDay(copies[j].published)
		}
		return copies[i].id < copies[j].id
	})
	group = copies[0].id
	credits := []string{}
	agency := ""
	for _, c := range copies {
		if c.id < group {
			group = c.id
		}
		if c.credit != "" {
			credits = append(credits, c.credit)
		}
		if a := syndicate.Agency(c.outlet); a != "" && (agency == "" || a < agency) {
			agency = a
		}
	}
	sort.Strings(credits)
	switch {
	case len(credits) > 0:
		return credits[0], group
	case agency != "":
		return agency, group
	}
	return copies[0].outlet, group
}
