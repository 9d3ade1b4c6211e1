package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"weak"

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
	addBandsSQL = `INSERT OR IGNORE INTO article_bands (band, article_id) SELECT value, ?2 FROM json_each(?1)`
	// bandMatesSQL reads the articles having one of the bands ?1, but
	// the article ?2, a row for each band they share, from the index
	// articles_sig (migration 0016) rather than the articles' rows: named,
	// since on a large store the planner took the table for the reports'
	// articles (reportSelect) where an index held all it read.
	bandMatesSQL = `SELECT b.band, a.id, a.minhash, a.copy_group FROM article_bands b JOIN articles a INDEXED BY articles_sig ON a.id = b.article_id
		WHERE b.band IN (SELECT value FROM json_each(?1)) AND b.article_id <> ?2`
	groupCopiesSQL = `SELECT id, outlet, published, credit, copy_group, origin FROM articles
		WHERE id IN (SELECT value FROM json_each(?1))
		UNION SELECT id, outlet, published, credit, copy_group, origin FROM articles
		WHERE copy_group IN (SELECT value FROM json_each(?1))`
	setGroupSQL = `UPDATE articles SET origin = ?, copy_group = ? WHERE id = ?`
	// moveGroupSQL moves every copy of a group to a new origin or id.
	moveGroupSQL = `UPDATE articles SET origin = ?, copy_group = ? WHERE copy_group = ?`
	// groupRowSQL checks a kept group summary (originGroups.summary).
	groupRowSQL = `SELECT copy_group, origin, eventgraph_writer(), (SELECT data_version FROM pragma_data_version)
		FROM articles WHERE id = ?`
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
	// docs holds the wordDoc of each sentence the events' mentions
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
				o.docs[m.Sentence] = wordDoc(m.Sentence)
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
//
// Each group the copy joins is taken from the summary groups keeps of
// it, and its rows are rewritten only when its origin or id changes;
// a group without a kept summary (or every group, when groups is nil)
// is read copy by copy. Both store the same.
func (w *eventWriter) saveWithOrigin(ctx context.Context, groups *originGroups, a model.Article, o articleOrigin, now string) error {
	if a.ID == "" || a.Hash == "" {
		return fmt.Errorf("%w: article has no id or hash", ErrInvalid)
	}
	group, origin := a.ID, o.credit // alone, until copies are found
	var (
		copies []copyInfo
		kept   []*groupSummary // the joined groups' summaries, on the fast path
		sum    groupSummary    // the group a ends in, when it has copies
		gone   []string        // the groups joined, whose summaries sum replaces
	)
	if o.sig != nil {
		joined, err := w.similarCopies(ctx, groups, a, o)
		if err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
		var read []string // the joined groups without a kept summary
		if kept, read, err = groups.summaries(ctx, w, joined); err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
		if len(read) > 0 {
			if copies, err = w.groupCopiesOf(ctx, read); err != nil {
				return fmt.Errorf("wire origin: %w", err)
			}
		}
		for _, k := range kept {
			sum.merge(*k)
		}
		for _, c := range copies {
			sum.add(c)
		}
		if groups != nil && len(joined) > 0 {
			if len(read) == 0 {
				groups.fast++
			} else {
				groups.full++
			}
			if len(joined) > 1 {
				groups.bridges++
			}
		}
		gone = joined
		if len(joined) > 0 {
			// The article as its row will read back.
			sum.add(copyInfo{id: a.ID, outlet: a.Outlet, published: encodeTime(a.Published), credit: o.credit})
			group, origin = sum.least, sum.origin()
		}
	}
	// Every copy of a kept group reads (k.least, k.origin()). The group
	// keeping its id moves first: the others move into it.
	slices.SortFunc(kept, func(x, y *groupSummary) int { return compareBool(x.least != group, y.least != group) })
	for _, k := range kept {
		if group != k.least || origin != k.origin() {
			if err := w.exec(ctx, w.moveGroup, origin, group, k.least); err != nil {
				return fmt.Errorf("wire origin: %w", err)
			}
		}
	}
	if err := w.insertArticle(ctx, a, o, now, group, origin); err != nil {
		return err
	}
	if o.sig == nil {
		return nil
	}
	if err := w.exec(ctx, w.addBands, o.bands, a.ID); err != nil {
		return fmt.Errorf("wire origin: %w", err)
	}
	for _, c := range copies {
		if c.group == group && c.origin == origin {
			continue // unchanged: no write
		}
		if err := w.exec(ctx, w.setGroup, origin, group, c.id); err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
	}
	if groups != nil {
		// The index follows what the statements above did to the rows.
		for _, k := range kept {
			groups.index.x.Move(k.least, group)
		}
		for _, c := range copies {
			groups.index.x.Move(c.group, group)
		}
		if err := groups.index.added(ctx, w, a.ID, o.sig, group); err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
	}
	if groups != nil && !groups.index.complete {
		groups.dropAlone()
	}
	if sum.least == "" {
		if groups == nil || !groups.index.complete {
			return nil
		}
		// Alone: kept too while the copy index holds every article, so
		// that its first copy reads no row. That is a first load's
		// beginning, when the writer writes behind without waiting
		// (behind.go); past it, they would hold memory for nothing.
		sum.add(copyInfo{id: a.ID, outlet: a.Outlet, published: encodeTime(a.Published), credit: o.credit})
		sum.alone = true
	}
	sum.last = a.ID
	return groups.keep(ctx, w, sum, gone)
}

// compareBool orders false before true.
func compareBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case !x:
		return -1
	}
	return 1
}

// similarCopies returns the copy groups of the stored articles
// near-identical to a, each once: the groups a joins. It looks them up
// in the writer's index when there is one (copyIndex), and otherwise
// reads every article sharing a band with a. Both find the same.
func (w *eventWriter) similarCopies(ctx context.Context, groups *originGroups, a model.Article, o articleOrigin) ([]string, error) {
	if groups != nil {
		return groups.index.joined(ctx, w, a.ID, o.sig)
	}
	mates, err := w.bandMatesOf(ctx, o.bands, a.ID)
	if err != nil {
		return nil, err
	}
	var joined []string
	for _, m := range mates {
		// A copy whose group joins already is not compared: a
		// syndicated story's band mates are mostly copies of one group.
		if !slices.Contains(joined, m.Group) && syndicate.Similarity(o.sig, m.Sig) >= syndicate.Threshold {
			joined = append(joined, m.Group)
		}
	}
	return joined, nil
}

// bandMatesOf reads the stored articles having one of the bands (a JSON
// array), but the article id, once for each band they have.
func (w *eventWriter) bandMatesOf(ctx context.Context, bands, id string) ([]syndicate.Mate, error) {
	if err := w.settle(); err != nil {
		return nil, err
	}
	rows, err := w.bandMates.QueryContext(ctx, bands, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var mates []syndicate.Mate
	for rows.Next() {
		var m syndicate.Mate
		var mh sql.RawBytes
		if err := rows.Scan(&m.Band, &m.ID, &mh, &m.Group); err != nil {
			return nil, err
		}
		m.Sig = syndicate.Decode(string(mh))
		mates = append(mates, m)
	}
	return mates, rows.Err()
}

// groupCopiesOf reads every stored copy of the copy groups named by ids
// (group ids, or ids of articles, whose own groups are read).
func (w *eventWriter) groupCopiesOf(ctx context.Context, ids []string) ([]copyInfo, error) {
	if err := w.settle(); err != nil {
		return nil, err
	}
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

// groupSummary is what the rules above read of a copy group's copies:
// its least id (the group's id), least credit, least wire agency among
// the outlets and earliest-published copy (by day, then least id). A
// copy joining the group changes each by one comparison.
type groupSummary struct {
	least, credit, agency          string
	firstDay, firstID, firstOutlet string
	// last is the article whose save kept this summary: its row reads
	// (least, origin()) unless that save was rolled back.
	last string
	// alone: the group is one article, whose origin is its own credit
	// (saveWithOrigin), not the group's by the rules above.
	alone bool
	// seen is the transaction (its writer) in which the summary was
	// last kept or checked.
	seen weak.Pointer[eventWriter]
}

// merge makes s the summary of its copies and o's, as adding each of
// o's copies would: every field is the least of its copies' by one order.
func (s *groupSummary) merge(o groupSummary) {
	if s.least == "" || o.least < s.least {
		s.least = o.least
	}
	if o.credit != "" && (s.credit == "" || o.credit < s.credit) {
		s.credit = o.credit
	}
	if o.agency != "" && (s.agency == "" || o.agency < s.agency) {
		s.agency = o.agency
	}
	if s.firstID == "" || o.firstDay < s.firstDay || o.firstDay == s.firstDay && o.firstID < s.firstID {
		s.firstDay, s.firstID, s.firstOutlet = o.firstDay, o.firstID, o.firstOutlet
	}
}

func (s *groupSummary) add(c copyInfo) {
	if s.least == "" || c.id < s.least {
		s.least = c.id
	}
	if c.credit != "" && (s.credit == "" || c.credit < s.credit) {
		s.credit = c.credit
	}
	if a := syndicate.Agency(c.outlet); a != "" && (s.agency == "" || a < s.agency) {
		s.agency = a
	}
	day := publishedDay(c.published)
	if s.firstID == "" || day < s.firstDay || day == s.firstDay && c.id < s.firstID {
		s.firstDay, s.firstID, s.firstOutlet = day, c.id, c.outlet
	}
}

// origin is the group's origin by the rules above.
func (s *groupSummary) origin() string {
	switch {
	case s.alone:
		return s.credit
	case s.credit != "":
		return s.credit
	case s.agency != "":
		return s.agency
	}
	return s.firstOutlet
}

// originGroups keeps the writer's summary of each copy group it has
// written, from one transaction to the next (DB.origins), so that a copy
// joining a group does not read the group's other copies: on generated
// corpora a group grows to hundreds of copies, and reading them all for
// every new copy made wire origins a fifth of a 30k ingest's CPU.
//
// A summary is used only when it still describes the stored group, as
// the merge cache (cache.go) is: when no other connection has committed
// since the summaries were begun (SQLite's data_version, on the same
// writer connection), and when the row of the article that kept it
// last reads the group's id and origin, which fails when that article
// or its transaction was rolled back (its row is gone). Every write of
// the writer to a group's rows goes through saveWithOrigin, which keeps
// the group's new summary. A nil *originGroups keeps nothing.
type originGroups struct {
	conn, version int64 // the writer connection and its data_version when the summaries were begun
	sums          map[string]*groupSummary
	index         copyIndex
	fast, full    int // copies placed each way, for tests
	bridges       int // copies that joined several groups, for tests
	// vouched is the transaction (its writer) begun by begin: every
	// summary kept then describes the stored group, and is used in it
	// without reading the row of its last article. kept lists the
	// summaries that transaction keeps, which end drops should it roll
	// back; open says that a transaction begun has not ended.
	vouched weak.Pointer[eventWriter]
	kept    []string
	open    bool
	alone   int // summaries of groups of one article
}

// drop drops the summary of a group.
func (g *originGroups) drop(group string) {
	if s := g.sums[group]; s != nil && s.alone {
		g.alone--
	}
	delete(g.sums, group)
}

// clear drops every summary.
func (g *originGroups) clear() {
	clear(g.sums)
	g.alone = 0
}

// dropAlone drops the summaries of groups of one article.
func (g *originGroups) dropAlone() {
	if g == nil || g.alone == 0 {
		return
	}
	for k, s := range g.sums {
		if s.alone {
			delete(g.sums, k)
		}
	}
	g.alone = 0
}

// maxOriginGroups bounds the summaries kept (a few hundred bytes each).
const maxOriginGroups = 100_000

func newOriginGroups() *originGroups {
	return &originGroups{sums: map[string]*groupSummary{}, index: copyIndex{x: syndicate.NewIndex()}}
}

// begin vouches for the kept summaries in the transaction of w, which
// must call end however it ends: they describe the stored groups when
// no other connection has committed since they were begun (SQLite's
// data_version, on the same writer connection), and every transaction
// of the writer's since has ended, dropping what it kept should it have
// rolled back. Checking each summary against its row in each
// transaction was a read in most articles' saves, one the writer waited
// for its queued writes before (behind.go).
func (g *originGroups) begin(ctx context.Context, w *eventWriter) error {
	if g == nil {
		return nil
	}
	var conn, version int64
	if err := w.tx.QueryRowContext(ctx, writerIdentitySQL).Scan(&conn, &version); err != nil {
		return fmt.Errorf("writer identity: %w", err)
	}
	if g.open || conn != g.conn || version != g.version {
		g.clear()
	}
	g.conn, g.version = conn, version
	g.vouched, g.kept, g.open = weak.Make(w), g.kept[:0], true
	return nil
}

// end ends the transaction begin began; committed says whether what it
// kept describes the store.
func (g *originGroups) end(committed bool) {
	if g == nil {
		return
	}
	if !committed {
		for _, k := range g.kept {
			g.drop(k)
		}
	}
	g.vouched, g.kept, g.open = weak.Pointer[eventWriter]{}, g.kept[:0], false
}

// summaries returns the kept summaries of the copy groups that have
// one describing the stored group, and the other groups.
func (g *originGroups) summaries(ctx context.Context, w *eventWriter, groups []string) (kept []*groupSummary, others []string, err error) {
	for _, group := range groups {
		s, err := g.summary(ctx, w, group)
		if err != nil {
			return nil, nil, err
		}
		if s != nil {
			kept = append(kept, s)
		} else {
			others = append(others, group)
		}
	}
	return kept, others, nil
}

// summary returns the kept summary of the copy group, or nil when there
// is none that describes the stored group. A summary kept or checked in
// this transaction does, as the copy index (copyIndex) does.
func (g *originGroups) summary(ctx context.Context, w *eventWriter, group string) (*groupSummary, error) {
	if g == nil || g.sums[group] == nil {
		return nil, nil
	}
	s := g.sums[group]
	if s.seen.Value() == w || g.vouched.Value() == w {
		return s, nil
	}
	if err := w.settle(); err != nil {
		return nil, err
	}
	var stored, origin string
	var conn, version int64
	err := w.groupRow.QueryRowContext(ctx, s.last).Scan(&stored, &origin, &conn, &version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		g.drop(group) // rolled back
		return nil, nil
	case err != nil:
		return nil, err
	case conn != g.conn || version != g.version:
		g.clear() // another connection, or another connection's commit
		return nil, nil
	case stored != s.least || origin != s.origin():
		g.drop(group)
		return nil, nil
	}
	s.seen = weak.Make(w)
	return s, nil
}

// keep records the summary of a group the writer has just written, in
// place of the summaries of the groups it joined.
func (g *originGroups) keep(ctx context.Context, w *eventWriter, s groupSummary, joined []string) error {
	if g == nil {
		return nil
	}
	for _, id := range joined {
		g.drop(id)
	}
	if len(g.sums) >= maxOriginGroups {
		g.clear()
	}
	if len(g.sums) == 0 && g.vouched.Value() != w {
		// Summaries begin now: every summary kept from here on describes
		// the store as long as the connection and its data_version stay.
		if err := w.settle(); err != nil {
			return err
		}
		if err := w.groupRow.QueryRowContext(ctx, s.last).Scan(new(string), new(string), &g.conn, &g.version); err != nil {
			return fmt.Errorf("wire origin: %w", err)
		}
	}
	// The outlet's name may be part of the whole file's text, which the
	// summary would keep from the collector.
	s.firstOutlet = strings.Clone(s.firstOutlet)
	s.seen = weak.Make(w)
	g.drop(s.least) // a summary it replaces no longer counts
	g.sums[s.least] = &s
	if s.alone {
		g.alone++
	}
	if g.vouched.Value() == w {
		g.kept = append(g.kept, s.least)
	}
	return nil
}
