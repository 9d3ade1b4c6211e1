package ingest

import (
	"testing"
	"time"
)

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in, want string // want in RFC 3339; "" when the line is not a date
	}{
		{"June 03, 2019", "2019-06-03T00:00:00Z"},
		{"2019-06-03", "2019-06-03T00:00:00Z"},
		{"17 September 2018", "2018-09-17T00:00:00Z"},
		{"Fri 28 Feb 2020 13:20 GMT", "2020-02-28T13:20:00Z"},
		{"Sun 24 Jul 2022 11:05 BST", "2022-07-24T11:05:00+01:00"},
		{"Fri 6 Mar 2020 14:40 GMT", "2020-03-06T14:40:00Z"},
		{"18/02/2022 - 15:32", "2022-02-18T15:32:00Z"},
		{"1 February 2021", "2021-02-01T00:00:00Z"},
		{"March 05, 2020", "2020-03-05T00:00:00Z"},
		{"2023-05-12T15:20:00+03:00", "2023-05-12T15:20:00+03:00"},
		{"2023-05-12T15:20:00.123Z", "2023-05-12T15:20:00Z"},
		{"2023-05-12 15:20", "2023-05-12T15:20:00Z"},
		{"2023-05-12T15:20:00", "2023-05-12T15:20:00Z"},
		{"Feb. 3, 2020", "2020-02-03T00:00:00Z"},
		{"Sept. 27, 2020", "2020-09-27T00:00:00Z"},
		{"Mon, 02 Jan 2006 15:04:05 MST", "2006-01-02T15:04:05-07:00"},
		{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05-07:00"},
		{"Tue, 04 Feb 2020 10:00:00 GMT", "2020-02-04T10:00:00Z"},
		{"Published: Feb. 3, 2020 at 9:15 a.m. EST", "2020-02-03T09:15:00-05:00"},
		{"Updated 3:45 PM GMT+1, May 21, 2021", "2021-05-21T15:45:00+01:00"},
		{"May 21, 2021, 3:45 PM", "2021-05-21T15:45:00Z"},
		{"Thursday 3rd of June 2021", "2021-06-03T00:00:00Z"},
		{"02/18/2022", "2022-02-18T00:00:00Z"},
		{"18.02.2022", "2022-02-18T00:00:00Z"},
		{"2022/02/18", "2022-02-18T00:00:00Z"},
		{"12:00 UTC+3 12 June 2020", "2020-06-12T12:00:00+03:00"},
		// Not dates.
		{"", ""},
		{"By [Reuters](#)", ""},
		{"Trump on Sunday urged Russian forces", ""},
		{"June 2019", ""},
		{"31 February 2020", ""},
		{"2020-13-01", ""},
		{"Anas Alkharboutli / DPA / TASS", ""},
		{"25:00 1 June 2020", ""},
		{"1 June 2020 2 June 2020", ""},
		{"3 June 2020 +0300", ""}, // an offset needs a clock time
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ParseDateLine(tc.in)
			if tc.want == "" {
				if ok {
					t.Errorf("got %s, want no date", got.Format(time.RFC3339))
				}
				return
			}
			if !ok || got.Format(time.RFC3339) != tc.want {
				t.Errorf("got %s (%v), want %s", got.Format(time.RFC3339), ok, tc.want)
			}
		})
	}
}
