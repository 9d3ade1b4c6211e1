package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Trigram filters (migration 0018). A text query's page walks events in
// date order and tests each on its reports' sentences, which are read
// from the table: on a store where a word is in a few percent of the
// events, the first page of 100 tested about 15,000 events, 4.7 µs each.
// Each event keeps a Bloom filter of the trigrams of its reports' words
// in eight INTEGER columns (g0 to g7, 512 bits) that events_order
// carries, so the walk tests an event's filter in the index first, in
// plain SQL, and reads the reports of only the events that may match.
//
// A filter is a superset: it only gains bits, when the writer stores
// reports with their event (writeEventRow adds the trigrams of the
// reports the event carries) or a report moves to the event (a trigger
// of 0018 calls eventgraph_grams, which only the writer's connections
// define), so a report that leaves its event leaves bits that still let
// every true match through. A filter never turns away an event whose
// sentence holds the word, as the LIKE test and Match compare it: both
// see ASCII letters in lower case, and Go's lower case turns the Kelvin
// sign into an ASCII k, which the filter reads too (it is made from
// strings.ToLower).
//
// Measured on the store of a recast 100k corpus (935,081 events), the
// first page of q=Idlib: 30.8 / 40.4 ms at p50 / p95 with two clients,
// against 96.1 / 109.8 without filters; ingest takes 6% longer (10k
// articles, 22.5 s against 21.2). The page planner counts what the
// filters save (see pageFill.walk).

// gramBits is the size of a filter; gramParts the INTEGER columns.
const (
	gramBits  = 512
	gramParts = gramBits / 64
)

type grams [gramParts]int64

// addTrigram sets the two bits of the trigram abc.
func (g *grams) addTrigram(a, b, c byte) {
	// FNV-1a over the three bytes: stable across runs and builds.
	h := uint64(14695981039346656037)
	for _, x := range [3]byte{a, b, c} {
		h ^= uint64(x)
		h *= 1099511628211
	}
	for _, bit := range [2]uint64{h % gramBits, (h >> 32) % gramBits} {
		g[bit/64] |= int64(uint64(1) << (bit % 64))
	}
}

// addText adds the trigrams of every run of ASCII letters and digits of
// text in lower case.
func (g *grams) addText(text string) {
	low := strings.ToLower(text)
	run := 0
	for i := 0; i < len(low); i++ {
		if !isASCIIAlnum(rune(low[i])) {
			run = 0
			continue
		}
		if run++; run >= 3 {
			g.addTrigram(low[i-2], low[i-1], low[i])
		}
	}
}

// has reports that every bit of q is set in g.
func (g grams) has(q grams) bool {
	for i := range g {
		if g[i]&q[i] != q[i] {
			return false
		}
	}
	return true
}

func gramsOf(text string) grams {
	var g grams
	g.addText(text)
	return g
}

// gramsCondition is the test of e's filter for a word: of the parts
// where the word's trigrams set bits, as the others would pass anyway.
func gramsCondition(word string) (string, []any) {
	var conds []string
	var args []any
	for i, part := range gramsOf(word) {
		if part != 0 {
			conds = append(conds, fmt.Sprintf("(e.g%d & ?) = ?", i))
			args = append(args, part, part)
		}
	}
	if conds == nil {
		return "1", nil // a word of fewer than three letters or digits
	}
	return strings.Join(conds, " AND "), args
}

// sentenceGrams is eventgraph_grams(sentence, part) for one connection: the
// move trigger asks for the eight parts of one sentence in a row, so the last
// sentence's filter is kept.
func sentenceGrams() func(sentence string, part int64) (int64, error) {
	var last string
	var g grams
	have := false
	return func(sentence string, part int64) (int64, error) {
		if part < 0 || part >= gramParts {
			return 0, fmt.Errorf("eventgraph_grams: part %d out of 0-%d", part, gramParts-1)
		}
		if !have || sentence != last {
			last, g, have = sentence, gramsOf(sentence), true
		}
		return g[part], nil
	}
}

// gramsUnion is eventgraph_grams_all(sentence, part): one part of the
// filter of all the sentences of a group.
type gramsUnion struct {
	g    grams
	part int64
}

func newGramsUnion() *gramsUnion { return &gramsUnion{} }

func (u *gramsUnion) Step(sentence string, part int64) {
	u.g.addText(sentence)
	u.part = part
}

func (u *gramsUnion) Done() (int64, error) {
	if u.part < 0 || u.part >= gramParts {
		return 0, fmt.Errorf("eventgraph_grams_all: part %d out of 0-%d", u.part, gramParts-1)
	}
	return u.g[u.part], nil
}

func init() {
	migrationHooks["migrations/0018_event_grams.sql"] = fillGrams
}

// fillGrams is the Go half of migration 0018: it makes the filter of
// every stored event from its reports, then builds events_order again
// with the filter (once, rather than index entry by entry).
func fillGrams(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT event_id, sentence FROM mentions ORDER BY event_id`)
	if err != nil {
		return err
	}
	type filled struct {
		id string
		g  grams
	}
	var all []filled
	for rows.Next() {
		var id, sentence string
		if err := rows.Scan(&id, &sentence); err != nil {
			rows.Close()
			return err
		}
		if len(all) == 0 || all[len(all)-1].id != id {
			all = append(all, filled{id: id})
		}
		all[len(all)-1].g.addText(sentence)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	set, err := tx.PrepareContext(ctx, `UPDATE events SET g0 = ?, g1 = ?, g2 = ?, g3 = ?, g4 = ?, g5 = ?, g6 = ?, g7 = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer set.Close()
	for _, f := range all {
		g := f.g
		if _, err := set.ExecContext(ctx, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], f.id); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, createEventsOrderSQL)
	return err
}

// createEventsOrderSQL is events_order as of migration 0018: the order of
// pages, the columns filters test, and each event's trigram filter.
const createEventsOrderSQL = `CREATE INDEX events_order ON events (date_start,
	(CASE precision WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END),
	date_end, id, precision, root, source_id, target_id, articles, g0, g1, g2, g3, g4, g5, g6, g7)`
