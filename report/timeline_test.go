package report

import (
	"slices"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

func TestLanes(t *testing.T) {
	events := MustFixture(t)
	tests := []struct {
		name string
		n    int
		want []string
	}{
		{"top two and the rest", 2, []string{"Syrian army (SYR MIL)", "Turkish government (TUR GOV)", otherLane}},
		// Ties on count go by name: Syrian army before Turkish government (four
		// events each), Hayat Tahrir al-Sham before United Nations (two each).
		{"ties by name", 4, []string{"Syrian army (SYR MIL)", "Turkish government (TUR GOV)", "Kremlin (RUS GOV)", "Hayat Tahrir al-Sham (SYR REB)", otherLane}},
		{"room for all", 50, []string{"Syrian army (SYR MIL)", "Turkish government (TUR GOV)", "Kremlin (RUS GOV)", "Hayat Tahrir al-Sham (SYR REB)",
			"United Nations (IGO)", "Bashar al-Assad (SYR GOV)", "White Helmets (SYR NGO)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := lanes(events, tt.n)
			if !slices.Equal(got, tt.want) {
				t.Errorf("lanes(%d) =\n %q\nwant\n %q", tt.n, got, tt.want)
			}
		})
	}
}

func TestBucketUnit(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name        string
		first, last time.Time
		want        string
	}{
		{"a week", day(2019, 6, 1), day(2019, 6, 7), "day"},
		{"a year", day(2019, 1, 1), day(2019, 12, 31), "month"},
		{"a decade", day(2010, 1, 1), day(2019, 12, 31), "year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bucketUnit(tt.first, tt.last); got != tt.want {
				t.Errorf("bucketUnit = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMidpoint(t *testing.T) {
	tests := []struct {
		name string
		d    model.Date
		want time.Time
	}{
		{"day at noon", model.DayOf(2019, 6, 3), time.Date(2019, 6, 3, 12, 0, 0, 0, time.UTC)},
		{"September mid-month", model.Month(2018, 9), time.Date(2018, 9, 16, 0, 0, 0, 0, time.UTC)},
		{"range", model.Range(time.Date(2019, 5, 2, 0, 0, 0, 0, time.UTC), time.Date(2019, 5, 4, 0, 0, 0, 0, time.UTC)),
			time.Date(2019, 5, 3, 12, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := time.UnixMilli(midpoint(tt.d)).UTC(); !got.Equal(tt.want) {
				t.Errorf("midpoint = %v, want %v", got, tt.want)
			}
		})
	}
}
