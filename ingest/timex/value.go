package timex

import (
	"fmt"
	"strconv"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// This file turns calendar positions into TIMEX3 value strings and the
// matching model.Date spans, so every rule formats values the same way.

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func monthValue(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

// isoWeek returns the ISO year and week of t with its Monday.
func isoWeek(t time.Time) (y, w int, monday time.Time) {
	y, w = t.ISOWeek()
	off := (int(t.Weekday()) + 6) % 7
	return y, w, day(t).AddDate(0, 0, -off)
}

func weekValue(t time.Time) string {
	y, w, _ := isoWeek(t)
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// weekDate is the Monday-Sunday range of the week holding t.
func weekDate(t time.Time) model.Date {
	_, _, mon := isoWeek(t)
	return model.Range(mon, mon.AddDate(0, 0, 6))
}

func quarterOf(m time.Month) int { return (int(m)-1)/3 + 1 }

func quarterValue(y, q int) string { return fmt.Sprintf("%04d-Q%d", y, q) }

func quarterDate(y, q int) model.Date {
	first := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
	return model.Range(first, first.AddDate(0, 3, -1))
}

// seasonDate approximates a season by its meteorological months; winter
// is the one starting in December of year y.
func seasonDate(y int, code string) model.Date {
	start := map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}[code]
	first := time.Date(y, start, 1, 0, 0, 0, 0, time.UTC)
	return model.Range(first, first.AddDate(0, 3, -1))
}

// decadeDate spans the ten years of the decade starting at y.
func decadeDate(y int) model.Date {
	return model.Range(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+9, 12, 31, 0, 0, 0, 0, time.UTC))
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y int, m time.Month, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// durationValue writes n units as a TIMEX3 duration; n < 0 means an
// unspecified count ("several years" is PXY).
func durationValue(n int, u unit) string {
	cnt := "X"
	if n >= 0 {
		if u.mult > 1 {
			n *= u.mult
		}
		cnt = strconv.Itoa(n)
	}
	letter := u.letter
	switch letter {
	case "E", "C":
		// TimeBank counts decades and centuries in years: "two decades"
		// is P20Y, "this century" P100Y.
		if n >= 0 {
			cnt = strconv.Itoa(n * map[string]int{"E": 10, "C": 100}[letter])
			letter = "Y"
		} else if letter == "E" {
			letter = "Y" // "decades-long" is PXY, "centuries" PXC
		}
	}
	if letter == "WE" {
		letter = "D"
		if n >= 0 {
			cnt = strconv.Itoa(2 * n)
		}
	}
	if u.time {
		return "PT" + cnt + letter
	}
	return "P" + cnt + letter
}

// shift moves a day by n units of u (n may be negative) and returns the
// TIMEX3 value and date at the granularity of the unit: days stay days,
// weeks become ISO weeks, months months and years years.
func shift(anchor time.Time, n int, u unit) (string, model.Date) {
	switch u.letter {
	case "D":
		t := anchor.AddDate(0, 0, n)
		return dayValue(t), model.Day(t)
	case "W":
		mult := 1
		if u.mult > 1 {
			mult = u.mult
		}
		t := anchor.AddDate(0, 0, 7*n*mult)
		return weekValue(t), weekDate(t)
	case "M":
		t := time.Date(anchor.Year(), anchor.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return monthValue(t.Year(), t.Month()), model.Month(t.Year(), t.Month())
	case "Y":
		y := anchor.Year() + n
		return yearValue(y), model.Year(y)
	case "Q":
		q0 := anchor.Year()*4 + quarterOf(anchor.Month()) - 1 + n
		return quarterValue(q0/4, q0%4+1), quarterDate(q0/4, q0%4+1)
	case "E":
		y := anchor.Year() + 10*n
		return fmt.Sprintf("%03d", y/10), decadeDate(y / 10 * 10)
	}
	return "", model.Date{}
}
