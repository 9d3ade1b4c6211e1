package model

import (
	"errors"
	"testing"
	"time"
)

func TestDateForms(t *testing.T) {
	tests := []struct {
		name                  string
		d                     Date
		iso, end, display, en string
	}{
		{"day", DayOf(2019, 6, 3), "2019-06-03", "", "3 Jun 2019", "2019-06-03"},
		{"month", Month(2018, 9), "2018-09", "", "Sep 2018", "2018-09"},
		{"year", Year(2013), "2013", "", "2013", "2013"},
		{"range in a month", Range(DayOf(2019, 5, 2).Start, DayOf(2019, 5, 4).Start), "2019-05-02", "2019-05-04", "2–4 May 2019", "2019-05-02/2019-05-04"},
		{"range across months", Range(DayOf(2019, 4, 28).Start, DayOf(2019, 5, 3).Start), "2019-04-28", "2019-05-03", "28 Apr – 3 May 2019", "2019-04-28/2019-05-03"},
		{"range across years", Range(DayOf(2019, 12, 30).Start, DayOf(2020, 1, 2).Start), "2019-12-30", "2020-01-02", "30 Dec 2019 – 2 Jan 2020", "2019-12-30/2020-01-02"},
		{"one-day range is a day", Range(DayOf(2019, 5, 2).Start, DayOf(2019, 5, 2).Start), "2019-05-02", "", "2 May 2019", "2019-05-02"},
		{"zero", Date{}, "", "", "undated", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.String(); got != tt.iso {
				t.Errorf("String() = %q, want %q", got, tt.iso)
			}
			if got := tt.d.EndString(); got != tt.end {
				t.Errorf("EndString() = %q, want %q", got, tt.end)
			}
			if got := tt.d.Display(); got != tt.display {
				t.Errorf("Display() = %q, want %q", got, tt.display)
			}
			if got := tt.d.Encode(); got != tt.en {
				t.Errorf("Encode() = %q, want %q", got, tt.en)
			}
			// Event ids hash the appended form, so it must be Encode's.
			if got := string(tt.d.appendEncode([]byte("x|"))); got != "x|"+tt.en {
				t.Errorf("appendEncode = %q, want %q", got, "x|"+tt.en)
			}
			back, err := DecodeDate(tt.d.Encode())
			if err != nil || back != tt.d {
				t.Errorf("DecodeDate(Encode()) = %v, %v; want %v", back, err, tt.d)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, s := range []string{"", "June 2019", "2019-13", "2019-02-30", "19", "2019-01-01/x", "abcd"} {
		t.Run(s, func(t *testing.T) {
			if _, err := ParseDate(s); !errors.Is(err, ErrBadDate) {
				t.Errorf("ParseDate(%q) error = %v, want ErrBadDate", s, err)
			}
		})
	}
}

func TestDateSpans(t *testing.T) {
	sep := Month(2018, 9)
	if got := sep.Last(); !got.Equal(time.Date(2018, 9, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Month.Last() = %v", got)
	}
	if !sep.Overlaps(DayOf(2018, 9, 17)) || sep.Overlaps(DayOf(2018, 10, 1)) {
		t.Error("month overlap wrong")
	}
	if !Year(2019).Overlaps(Range(DayOf(2018, 12, 30).Start, DayOf(2019, 1, 2).Start)) {
		t.Error("year and range across its start should overlap")
	}
	if DayOf(2019, 6, 3).Compare(Month(2019, 6)) <= 0 {
		t.Error("3 Jun should sort after Jun (first day 1 Jun)")
	}
	if Month(2019, 6).Compare(DayOf(2019, 6, 1)) <= 0 {
		t.Error("a day sorts before the month that starts on it")
	}
}
