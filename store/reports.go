package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// reportSelect reads stored reports (mention rows) for merging, with
// their own actors and their article; the conditions are added by the
// lookups below. It reads only what merge.Cluster and the rewrite of
// changed events use: a stored report is written back by moving its row,
// and the disputes that figures, outlets and names feed are worked out
// when events are read, not stored. A crowded bucket reads thousands of
// rows per article, and each column read costs a call into SQLite.
//
// Of the sentence it reads only whether it contests blame (cache.go),
// which only the blame families' reports use (merge.BlameFamily): other
// sentences are not read, which spares SQLite copying most of the text.
//
// The article's path and day come from articles_cover (migration 0010),
// which holds them by id: the articles row holds the body too, and
// reading it for each report was a page of a table of bodies, at a random
// place, that the planner chose over the index.
const reportSelect = `SELECT m.id, m.event_id, m.article_id,
	CASE WHEN m.family IN ` + blameFamiliesSQL + ` THEN m.sentence ELSE '' END, m."start",
	m.code, m.date_start, m.date_end, m.precision, m.location,
	s.id, s.country, s.role, s.code,
	t.id, t.country, t.role, t.code,
	a.path, a.published
FROM mentions m
JOIN actors s ON s.id = m.source_id
LEFT JOIN actors t ON t.id = m.target_id
JOIN articles a INDEXED BY articles_cover ON a.id = m.article_id`

// blameFamiliesSQL lists the families merge.BlameFamily names
// (TestBlameFamiliesSQL).
const blameFamiliesSQL = `('17', '18/19', '20')`

// nearReportsSQL finds the stored reports of one bucket whose dates
// overlap days ?3..?4, one covering range of mentions_bucket per precision
// (migration 0005 says why the lower bound of date_start is per
// precision: ?5 and ?6 are ?3 less a month and a year); one statement, so
// that a span costs one step into SQLite, not four.
const nearReportsSQL = reportSelect + `
WHERE m.rowid IN (
	SELECT rowid FROM mentions WHERE family = ?1 AND pair = ?2 AND precision = 'day' AND date_start BETWEEN ?3 AND ?4
	UNION ALL SELECT rowid FROM mentions WHERE family = ?1 AND pair = ?2 AND precision = 'month'
		AND date_start BETWEEN ?5 AND ?4 AND date_end >= ?3
	UNION ALL SELECT rowid FROM mentions WHERE family = ?1 AND pair = ?2 AND precision = 'year'
		AND date_start BETWEEN ?6 AND ?4 AND date_end >= ?3
	UNION ALL SELECT rowid FROM mentions WHERE family = ?1 AND pair = ?2 AND precision = 'range'
		AND date_start <= ?4 AND date_end >= ?3)`

// undatedReportsSQL finds the undated stored reports of one bucket.
const undatedReportsSQL = reportSelect + `
WHERE m.family = ? AND m.pair = ? AND m.precision = ''`

// victimReportsSQL finds the stored day reports of one family on one
// victim (tgt_key) dated within days ?3..?4, through mentions_victim.
const victimReportsSQL = reportSelect + `
WHERE m.family = ? AND m.tgt_key = ? AND m.precision = 'day' AND m.date_start BETWEEN ? AND ?`

// eventReportsSQL reads every report of one stored event.
const eventReportsSQL = reportSelect + `
WHERE m.event_id = ?`

// pairOf is the unordered pair of actor keys of a report, as migration
// 0005 stores it: with the family, its merge bucket.
func pairOf(r model.Event) string {
	a, b := merge.Country(&r.Source), merge.Country(r.Target)
	if b < a {
		a, b = b, a
	}
	return a + "|" + b
}

// ownCoding scans a mention's own coding (migration 0004) in an events
// query, where every column may be NULL for an event without mentions.
type ownCoding struct {
	origin, code, start, end, precision, location, figures sql.NullString
	src, tgt                                               [5]sql.NullString
}

func (o *ownCoding) fields() []any {
	return []any{&o.origin, &o.code, &o.start, &o.end, &o.precision, &o.location, &o.figures}
}

// fill sets the mention's origin and own coding.
func (o *ownCoding) fill(m *model.Mention) error {
	m.Origin, m.Code, m.Location = o.origin.String, o.code.String, o.location.String
	date, err := decodeDate(o.start.String, o.end.String, o.precision.String)
	if err != nil {
		return err
	}
	m.Date = date
	if o.figures.String != "" && o.figures.String != "[]" {
		if err := json.Unmarshal([]byte(o.figures.String), &m.Figures); err != nil {
			return fmt.Errorf("figures: %w", err)
		}
	}
	actor := func(f [5]sql.NullString) *model.Actor {
		if !f[0].Valid {
			return nil
		}
		return &model.Actor{ID: f[0].String, Name: f[1].String, Country: f[2].String, Role: model.Role(f[3].String), Code: f[4].String}
	}
	m.Source, m.Target = actor(o.src), actor(o.tgt)
	if m.Source != nil {
		m.SourceCode = m.Source.Code
	}
	if m.Target != nil {
		m.TargetCode = m.Target.Code
	}
	return nil
}

// backfillFamilies is the Go half of migration 0004: the merge family of
// the mentions copied from the old table is merge.Family of their code.
func backfillFamilies(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT code FROM mentions`)
	if err != nil {
		return err
	}
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		codes = append(codes, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range codes {
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET family = ? WHERE code = ?`, merge.Family(c), c); err != nil {
			return err
		}
	}
	return nil
}
