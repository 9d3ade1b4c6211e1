package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateToken splits a date line into numeric dates, clock times, UTC
// offsets, numbers, words and single symbols.
var dateToken = regexp.MustCompile(`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?|[+\-−]\d{1,2}(?::?\d{2})?\b|\d+(?:st|nd|rd|th)?\b|\pL+\.?|\S`)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true,
	"thursday": true, "fri": true, "friday": true, "sat": true, "saturday": true,
	"sun": true, "sunday": true,
}

// zones holds the abbreviations newsrooms print, in seconds east of UTC.
// Ambiguous ones (IST, AST, CST in Asia) take their commonest news sense.
var zones = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "ist": 19800, "cet": 3600,
	"cest": 7200, "eet": 7200, "eest": 10800, "msk": 10800, "trt": 10800,
	"ast": 10800, "gst": 14400, "pkt": 18000, "wat": 3600, "cat": 7200,
	"eat": 10800, "sast": 7200, "jst": 32400, "kst": 32400, "hkt": 28800,
	"sgt": 28800, "aest": 36000, "aedt": 39600, "est": -18000, "edt": -14400,
	"cst": -21600, "cdt": -18000, "mst": -25200, "mdt": -21600, "pst": -28800,
	"pdt": -25200, "et": -18000, "pt": -28800,
}

// fillers may surround a date without making the line something else.
var fillers = map[string]bool{
	"published": true, "updated": true, "posted": true, "date": true, "on": true,
	"at": true, "of": true, "the": true, "first": true, "last": true,
	"modified": true, "time": true, "dateline": true, "am": true, "pm": true,
}

// ParseDateLine reads a publication date line in any common form: ISO 8601
// with or without time and offset, RFC 1123 and RFC 822, "June 03, 2019",
// "Feb. 3, 2020", "17 September 2018", "Fri 28 Feb 2020 13:20 GMT",
// "18/02/2022 - 15:32" (day first, unless that cannot be a date),
// optionally after "Published:" or "Updated". The time keeps the zone the
// line gives (BST is +01:00); without one it is UTC. The whole line must be
// a date: any other word makes it false, so body sentences are not taken
// for dates.
func ParseDateLine(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, t.Year() >= minYear && t.Year() <= maxYear
	}
	s = isoT.ReplaceAllString(s, "$1 $2")
	s = strings.NewReplacer("a.m.", "am", "p.m.", "pm", "A.M.", "am", "P.M.", "pm").Replace(s)
	var (
		year, day, hour, min, sec = -1, -1, -1, 0, 0
		month                     time.Month
		offset                    int
		zoneName                  string
		haveZone, pm, am          bool
	)
	for _, tok := range dateToken.FindAllString(s, -1) {
		low := strings.ToLower(strings.TrimSuffix(tok, "."))
		c := tok[0]
		switch {
		case c >= '0' && c <= '9' && strings.ContainsAny(tok, "-/.") && !strings.Contains(tok, ":"):
			if year >= 0 || day >= 0 {
				return time.Time{}, false
			}
			var ok bool
			if year, month, day, ok = numericDate(tok); !ok {
				return time.Time{}, false
			}
		case c >= '0' && c <= '9' && strings.Contains(tok, ":"):
			if hour >= 0 {
				return time.Time{}, false
			}
			hour, min, sec = clock(tok)
		case c == '+' || c == '-' || strings.HasPrefix(tok, "−"):
			if len(tok) == 1 || tok == "−" {
				continue // a separator: "18/02/2022 - 15:32"
			}
			off, ok := utcOffset(tok)
			if !ok || (hour < 0 && !haveZone) {
				return time.Time{}, false
			}
			offset += off
			haveZone = true
		case c >= '0' && c <= '9':
			n, err := strconv.Atoi(strings.TrimRight(tok, "stndrh"))
			switch {
			case err != nil:
				return time.Time{}, false
			case len(strings.TrimRight(tok, "stndrh")) == 4 && year < 0:
				year = n
			case n >= 1 && n <= 31 && day < 0:
				day = n
			default:
				return time.Time{}, false
			}
		case months[low] != 0:
			if month != 0 {
				return time.Time{}, false
			}
			month = months[low]
		case weekdays[low] || fillers[low]:
			am = am || low == "am"
			pm = pm || low == "pm"
		case isZone(low):
			if haveZone {
				return time.Time{}, false
			}
			offset, zoneName, haveZone = zones[low], strings.ToUpper(low), true
		case strings.Contains(",|–—()[]/:·•@", tok):
		default:
			return time.Time{}, false
		}
	}
	if year < minYear || year > maxYear || month == 0 || day < 1 {
		return time.Time{}, false
	}
	if hour < 0 {
		hour = 0
	}
	if pm && hour < 12 {
		hour += 12
	} else if am && hour == 12 {
		hour = 0
	}
	if hour > 23 || min > 59 || sec > 60 {
		return time.Time{}, false
	}
	loc := time.UTC
	if haveZone && (offset != 0 || zoneName != "") {
		loc = time.FixedZone(zoneName, offset)
	}
	t := time.Date(year, month, day, hour, min, sec, 0, loc)
	if t.Day() != day {
		return time.Time{}, false // 31 February
	}
	return t, true
}

// Years outside this span are typing errors or placeholders, not news.
const minYear, maxYear = 1800, 2200

var isoT = regexp.MustCompile(`(\d)[Tt](\d)`)

func isZone(w string) bool {
	_, ok := zones[w]
	return ok
}

// numericDate reads 2019-06-03, 2019/06/03, 18/02/2022, 18.02.2022 and,
// when the first number cannot be a month's day order, 02/18/2022.
func numericDate(tok string) (int, time.Month, int, bool) {
	parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	c, _ := strconv.Atoi(parts[2])
	if len(parts[0]) == 4 {
		return a, time.Month(b), c, b >= 1 && b <= 12
	}
	if b > 12 && a <= 12 {
		a, b = b, a // month first: 02/18/2022
	}
	return c, time.Month(b), a, b >= 1 && b <= 12
}

func clock(tok string) (h, m, s int) {
	if i := strings.IndexAny(tok, ".,"); i >= 0 {
		tok = tok[:i]
	}
	parts := strings.Split(tok, ":")
	h, _ = strconv.Atoi(parts[0])
	m, _ = strconv.Atoi(parts[1])
	if len(parts) > 2 {
		s, _ = strconv.Atoi(parts[2])
	}
	return h, m, s
}

// utcOffset reads +03:00, +0300, +3 and -05.
func utcOffset(tok string) (int, bool) {
	sign := 1
	if tok[0] == '-' || strings.HasPrefix(tok, "−") {
		sign = -1
	}
	digits := strings.ReplaceAll(strings.TrimLeft(tok, "+-−"), ":", "")
	var h, m int
	switch len(digits) {
	case 1, 2:
		h, _ = strconv.Atoi(digits)
	case 3, 4:
		h, _ = strconv.Atoi(digits[:len(digits)-2])
		m, _ = strconv.Atoi(digits[len(digits)-2:])
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}
