package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// reportSelect reads stored reports (mention rows) with their own actors
// and their article, for merging.
const reportSelect = `SELECT m.event_id, m.article_id, m.sentence, m."start", m."end", m."trigger", m.time_text,
	m.code, m.date_start, m.date_end, m.precision, m.location, m.figures,
	s.id, s.name, s.country, s.role, s.code,
	t.id, t.name, t.country, t.role, t.code,
	a.path, a.url, a.outlet, a.published, a.origin
FROM mentions m
JOIN actors s ON s.id = m.source_id
LEFT JOIN actors t ON t.id = m.target_id
JOIN articles a ON a.id = m.article_id
WHERE m.family = ? AND ((m.src_key = ? AND m.tgt_key = ?) OR (m.src_key = ? AND m.tgt_key = ?))`

// window is a merge bucket and a span of days in which stored reports may
// merge with a report.
type window struct {
	family, a, b string
	lo, hi       string // '' for undated reports
}

func windowOf(r model.Event) window {
	w := window{family: merge.Family(r.Code), a: merge.Country(&r.Source), b: merge.Country(r.Target)}
	if !r.Date.IsZero() {
		slack := merge.Default.DayTolerance
		w.lo = r.Date.First().AddDate(0, 0, -slack).Format(dayLayout)
		w.hi = r.Date.Last().AddDate(0, 0, slack).Format(dayLayout)
	}
	return w
}

// neighbourhood returns every stored report that the given reports may
// merge with, directly or through other stored reports: the closure of
// "same bucket, days within the tolerance".
func neighbourhood(ctx context.Context, tx *sql.Tx, reports []model.Event) ([]storedReport, error) {
	var out []storedReport
	seen := map[string]bool{}
	frontier := make([]window, 0, len(reports))
	for _, r := range reports {
		frontier = append(frontier, windowOf(r))
	}
	asked := map[window]bool{}
	for len(frontier) > 0 {
		w := frontier[len(frontier)-1]
		frontier = frontier[:len(frontier)-1]
		if asked[w] {
			continue
		}
		asked[w] = true
		q, args := reportSelect, []any{w.family, w.a, w.b, w.b, w.a}
		if w.lo == "" {
			q += ` AND m.date_start = ''`
		} else {
			q += ` AND m.date_start <> '' AND m.date_end >= ? AND m.date_start <= ?`
			args = append(args, w.lo, w.hi)
		}
		found, err := queryReports(ctx, tx, q, args...)
		if err != nil {
			return nil, err
		}
		for _, s := range found {
			id := merge.ReportID(s.e)
			if seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, s)
			frontier = append(frontier, windowOf(s.e))
		}
	}
	return out, nil
}

func queryReports(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]storedReport, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedReport
	for rows.Next() {
		var (
			s                                  storedReport
			m                                  model.Mention
			code, start, end, precision, figs  string
			location, published                string
			tID, tName, tCountry, tRole, tCode sql.NullString
		)
		src := model.Actor{}
		if err := rows.Scan(&s.eventID, &m.ArticleID, &m.Sentence, &m.Start, &m.End, &m.Trigger, &m.TimeText,
			&code, &start, &end, &precision, &location, &figs,
			&src.ID, &src.Name, &src.Country, &src.Role, &src.Code,
			&tID, &tName, &tCountry, &tRole, &tCode,
			&m.Path, &m.URL, &m.Outlet, &published, &m.Origin); err != nil {
			return nil, err
		}
		date, err := decodeDate(start, end, precision)
		if err != nil {
			return nil, fmt.Errorf("mention of %s: %w", s.eventID, err)
		}
		if err := json.Unmarshal([]byte(figs), &m.Figures); err != nil {
			return nil, fmt.Errorf("mention of %s: figures: %w", s.eventID, err)
		}
		m.Published = publishedDay(published)
		s.e = model.Event{Source: src, Code: code, Date: date, Location: location}
		if tID.Valid {
			s.e.Target = &model.Actor{ID: tID.String, Name: tName.String, Country: tCountry.String,
				Role: model.Role(tRole.String), Code: tCode.String}
		}
		s.e.Mentions = []model.Mention{m}
		out = append(out, s)
	}
	return out, rows.Err()
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
