package store

import (
	"database/sql"
	"fmt"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// scanEvents reads rows of eventsSelect, ordered by event, into events with
// their mentions; keep, when set, decides which finished events are kept.
// Events and EventsAfter both read through it, so their columns cannot drift
// apart.
func scanEvents(rows *sql.Rows, keep func(model.Event) bool) ([]model.Event, error) {
	events := []model.Event{}
	var cur *model.Event
	flush := func() {
		if cur != nil {
			merge.Resolve(cur)
		}
		if cur != nil && (keep == nil || keep(*cur)) {
			events = append(events, *cur)
		}
		cur = nil
	}
	for rows.Next() {
		var (
			id, code, start, end, precision, location string
			src                                       model.Actor
			tID, tName, tCountry, tRole, tCode        sql.NullString
			mArticle, mSentence, mTrigger, mTime      sql.NullString
			mStart, mEnd                              sql.NullInt64
			aPath, aURL, aOutlet, aPublished          sql.NullString
			own                                       ownCoding
			status, note                              string
		)
		if err := rows.Scan(&id, &code, &start, &end, &precision, &location,
			&src.ID, &src.Name, &src.Country, &src.Role, &src.Code,
			&tID, &tName, &tCountry, &tRole, &tCode,
			&mArticle, &mSentence, &mStart, &mEnd, &mTrigger, &mTime,
			&aPath, &aURL, &aOutlet, &aPublished, own.fields()[0], own.fields()[1], own.fields()[2],
			own.fields()[3], own.fields()[4], own.fields()[5], own.fields()[6],
			&own.src[0], &own.src[1], &own.src[2], &own.src[3], &own.src[4],
			&own.tgt[0], &own.tgt[1], &own.tgt[2], &own.tgt[3], &own.tgt[4],
			&status, &note); err != nil {
			return nil, err
		}
		if cur == nil || cur.ID != id {
			flush()
			date, err := decodeDate(start, end, precision)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", id, err)
			}
			cur = &model.Event{ID: id, Code: code, Date: date, Source: src, Location: location,
				Status: model.Status(status), Note: note}
			if tID.Valid {
				cur.Target = &model.Actor{ID: tID.String, Name: tName.String, Country: tCountry.String,
					Role: model.Role(tRole.String), Code: tCode.String}
			}
		}
		if mArticle.Valid {
			m := model.Mention{
				ArticleID: mArticle.String, Path: aPath.String, URL: aURL.String, Outlet: aOutlet.String,
				Published: publishedDay(aPublished.String),
				Sentence:  mSentence.String, Start: int(mStart.Int64), End: int(mEnd.Int64),
				Trigger: mTrigger.String, TimeText: mTime.String,
			}
			if err := own.fill(&m); err != nil {
				return nil, fmt.Errorf("event %s: %w", id, err)
			}
			cur.Mentions = append(cur.Mentions, m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	flush()
	return events, nil
}
