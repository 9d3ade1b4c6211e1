package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a [Date] is known.
type Precision string

// The precisions an event date can have.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
	PrecisionRange Precision = "range"
)

// ErrBadDate is returned by [ParseDate] for text that is not a date.
var ErrBadDate = errors.New("not a date")

// Date is a calendar date known to a precision. Start is the first day
// covered (UTC midnight); End is set only for ranges and is the last day
// covered, inclusive. The zero Date means "unknown".
type Date struct {
	Start     time.Time
	End       time.Time
	Precision Precision
}

// Day returns the day-precision date of t's calendar day.
func Day(t time.Time) Date {
	return Date{Start: midnight(t), Precision: PrecisionDay}
}

// DayOf returns the day-precision date y-m-d.
func DayOf(y int, m time.Month, d int) Date {
	return Date{Start: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: PrecisionDay}
}

// Month returns the month-precision date of y-m.
func Month(y int, m time.Month) Date {
	return Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionMonth}
}

// Year returns the year-precision date of y.
func Year(y int) Date {
	return Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: PrecisionYear}
}

// Range returns the range from first to last, both days inclusive. A range
// of one day is a day.
func Range(first, last time.Time) Date {
	a, b := midnight(first), midnight(last)
	if b.Before(a) {
		a, b = b, a
	}
	if a.Equal(b) {
		return Date{Start: a, Precision: PrecisionDay}
	}
	return Date{Start: a, End: b, Precision: PrecisionRange}
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Start.IsZero() }

// First returns the first day the date covers.
func (d Date) First() time.Time { return d.Start }

// Last returns the last day the date covers.
func (d Date) Last() time.Time {
	switch d.Precision {
	case PrecisionRange:
		return d.End
	case PrecisionMonth:
		return d.Start.AddDate(0, 1, -1)
	case PrecisionYear:
		return d.Start.AddDate(1, 0, -1)
	}
	return d.Start
}

// Overlaps reports whether the two dates share at least one day.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return !d.Last().Before(o.First()) && !o.Last().Before(d.First())
}

// String is the ISO 8601 form at the date's precision: "2019-06-03",
// "2018-09", "2019"; a range gives its first day (see [Date.EndString]).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case PrecisionMonth:
		return d.Start.Format("2006-01")
	case PrecisionYear:
		return d.Start.Format("2006")
	}
	return d.Start.Format("2006-01-02")
}

// EndString is the last day of a range, or "" for other precisions.
func (d Date) EndString() string {
	if d.Precision != PrecisionRange {
		return ""
	}
	return d.End.Format("2006-01-02")
}

// Display is the form shown to readers: "3 Jun 2019", "Sep 2018", "2019",
// "2–4 May 2019", "28 Apr – 3 May 2019".
func (d Date) Display() string {
	if d.IsZero() {
		return "undated"
	}
	switch d.Precision {
	case PrecisionMonth:
		return d.Start.Format("Jan 2006")
	case PrecisionYear:
		return d.Start.Format("2006")
	case PrecisionRange:
		a, b := d.Start, d.End
		switch {
		case a.Year() != b.Year():
			return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
		case a.Month() != b.Month():
			return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
		default:
			return fmt.Sprintf("%d–%s", a.Day(), b.Format("2 Jan 2006"))
		}
	}
	return d.Start.Format("2 Jan 2006")
}

// Compare orders dates by first day, then by precision (finer first), then
// by last day; it returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	if c := d.Start.Compare(o.Start); c != 0 {
		return c
	}
	if c := precisionRank(d.Precision) - precisionRank(o.Precision); c != 0 {
		if c < 0 {
			return -1
		}
		return 1
	}
	return d.Last().Compare(o.Last())
}

func precisionRank(p Precision) int {
	switch p {
	case PrecisionDay:
		return 0
	case PrecisionRange:
		return 1
	case PrecisionMonth:
		return 2
	case PrecisionYear:
		return 3
	}
	return 4
}

// ParseDate reads "2019", "2019-06", "2019-06-03" and ranges written
// "2019-06-01/2019-06-07". It returns [ErrBadDate] for anything else.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, "/"); ok {
		first, err1 := time.Parse("2006-01-02", a)
		last, err2 := time.Parse("2006-01-02", b)
		if err1 != nil || err2 != nil {
			return Date{}, fmt.Errorf("%w: %q (a range is YYYY-MM-DD/YYYY-MM-DD)", ErrBadDate, s)
		}
		return Range(first, last), nil
	}
	switch len(s) {
	case 4:
		y, err := strconv.Atoi(s)
		if err == nil && y > 0 {
			return Year(y), nil
		}
	case 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return Month(t.Year(), t.Month()), nil
		}
	case 10:
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return Day(t), nil
		}
	}
	return Date{}, fmt.Errorf("%w: %q (want YYYY, YYYY-MM or YYYY-MM-DD)", ErrBadDate, s)
}

// Storage form: "2019-06-03/day", "2018-09/month", "2019-05-02/2019-05-04".

// Encode returns the date in a compact text form that [DecodeDate] reads back.
func (d Date) Encode() string {
	if d.IsZero() {
		return ""
	}
	if d.Precision == PrecisionRange {
		return d.String() + "/" + d.EndString()
	}
	return d.String()
}

// appendEncode appends [Date.Encode] to b; event ids hash it once per
// event, and appending into the caller's buffer spares the strings.
func (d Date) appendEncode(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	switch d.Precision {
	case PrecisionMonth:
		return d.Start.AppendFormat(b, "2006-01")
	case PrecisionYear:
		return d.Start.AppendFormat(b, "2006")
	case PrecisionRange:
		b = append(d.Start.AppendFormat(b, "2006-01-02"), '/')
		return d.End.AppendFormat(b, "2006-01-02")
	}
	return d.Start.AppendFormat(b, "2006-01-02")
}

// DecodeDate reads the form written by [Date.Encode]; "" is the zero Date.
func DecodeDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	return ParseDate(s)
}
