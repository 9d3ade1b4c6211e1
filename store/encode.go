package store

import (
	"fmt"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Storage forms of dates and times. Everything is ISO-8601 text, so that
// SQLite compares and sorts it as the calendar does.

const dayLayout = "2006-01-02"

// encodeDate splits a date into its stored columns: the first day, the
// last day it covers (at every precision, for the overlap filter) and the
// precision. The zero date is stored as three empty strings.
func encodeDate(d model.Date) (start, end, precision string, err error) {
	if d.IsZero() {
		return "", "", "", nil
	}
	switch d.Precision {
	case model.PrecisionDay, model.PrecisionMonth, model.PrecisionYear:
	case model.PrecisionRange:
		if d.End.IsZero() || d.End.Before(d.Start) {
			return "", "", "", fmt.Errorf("%w: range %s has no end after its start", ErrInvalid, d.Start.Format(dayLayout))
		}
	default:
		return "", "", "", fmt.Errorf("%w: date %s has unknown precision %q", ErrInvalid, d.Start.Format(dayLayout), d.Precision)
	}
	return d.Start.Format(dayLayout), d.Last().Format(dayLayout), string(d.Precision), nil
}

// decodeDate rebuilds the date written by encodeDate. End is kept only for
// ranges, as in the model.
func decodeDate(start, end, precision string) (model.Date, error) {
	if start == "" {
		return model.Date{}, nil
	}
	s, err := time.Parse(dayLayout, start)
	if err != nil {
		return model.Date{}, fmt.Errorf("stored date %q: %w", start, err)
	}
	d := model.Date{Start: s, Precision: model.Precision(precision)}
	if d.Precision == model.PrecisionRange {
		if d.End, err = time.Parse(dayLayout, end); err != nil {
			return model.Date{}, fmt.Errorf("stored date end %q: %w", end, err)
		}
	}
	return d, nil
}

// encodeTime stores a publication time with the offset the article gave,
// so that its calendar day is the one the article names; "" when unknown.
func encodeTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func decodeTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// publishedDay is the YYYY-MM-DD prefix of a stored publication time: the
// day in the article's own zone, as [model.Article.PublishedDay] gives it.
func publishedDay(stored string) string {
	if len(stored) < len(dayLayout) {
		return ""
	}
	return stored[:len(dayLayout)]
}
