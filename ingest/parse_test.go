package ingest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// want is an expected article; an empty field is not checked.
type want struct {
	title, outlet, published, url, format, body string
}

// TestParse runs every fixture under testdata/parse/<case>/: the articles it
// must give and the kinds of error it must report (one per bad entry).
func TestParse(t *testing.T) {
	tests := []struct {
		dir      string
		articles []want
		errs     []error  // each must be found with errors.Is
		inErr    []string // each must appear in the error text
	}{
		{dir: "html-jsonld", articles: []want{{"Rebels take the airport", "Example News", "2024-01-05T08:30:00+02:00", "https://news.example.com/2024/01/05/airport", "html",
			"Rebel fighters seized the international airport on Friday after a night of heavy fighting, residents said.\n\n" +
				"The army said it had withdrawn to the outskirts of the city to protect civilians, and promised a counterattack within days.\n\n" +
				"Aid agencies suspended flights into the city.\n\nThe United Nations called for calm."}}},
		{dir: "html-meta", articles: []want{{"Talks resume in Geneva", "Daily Wire Service", "2020-02-04T10:00:00Z", "https://wire.example.org/talks", "html",
			"Delegations from both governments resumed talks in Geneva on Tuesday under United Nations auspices.\n\n" +
				"The envoy said both sides had agreed to an agenda, but that a ceasefire was not yet on the table."}}},
		{dir: "html-nodate", errs: []error{ErrNoDate}, inErr: []string{"page.html", "article:published_time"}},
		{dir: "html-notext", errs: []error{ErrNoText}, inErr: []string{"JavaScript"}},
		{dir: "json-array",
			articles: []want{
				{"First", "Wire", "2021-03-04T00:00:00Z", "https://w.example/1", "json", "One.\n\nTwo words."},
				{"Third", "Newsroom", "2021-03-06T10:00:00Z", "", "json", "Para one.\n\nPara two."},
			},
			errs:  []error{ErrNoDate, ErrNoText, ErrFormat},
			inErr: []string{"articles.json: entry 2: no publication date", "entry 4: no article text", "entry 5: malformed input (an article must be a JSON object, not a string)"}},
		{dir: "json-lines",
			articles: []want{
				{"A", "S", "2022-01-01T00:00:00Z", "", "json", "Body A."},
				{"C", "S", "2022-04-15T05:20:00Z", "", "json", "Body C.\n\nSecond."},
			},
			errs: []error{ErrNoDate}, inErr: []string{"line 3: no publication date", `"yesterday" is not a date`}},
		{dir: "json-wrapper", articles: []want{{"Wrapped", "W", "2020-03-05T00:00:00Z", "https://x.example/w", "json", "Wrapped body."}}},
		{dir: "json-types", errs: []error{ErrFormat}, inErr: []string{`field "title" must be a string, not a number`}},
		{dir: "json-bad", errs: []error{ErrFormat}, inErr: []string{"not valid JSON: line 3"}},
		{dir: "feed-rss", articles: []want{
			{"Strike hits port", "World Desk", "2022-07-24T11:05:00+01:00", "https://desk.example/a", "feed", "A missile strike hit the port on Saturday.\n\nOfficials said grain exports would continue."},
			{"Envoy visits capital", "World Desk", "2022-07-25T09:00:00Z", "https://desk.example/b", "feed", "The envoy met the president.\n\nThey discussed the deal."},
		}},
		{dir: "feed-atom", articles: []want{{"Troops withdraw", "Atom Wire", "2023-01-01T12:00:00+03:00", "https://atom.example/1", "feed", "Troops withdrew from the town."}}},
		{dir: "feed-baditem", articles: []want{{"Dated", "Desk", "2022-07-25T00:00:00Z", "", "feed", "Text one."}},
			errs: []error{ErrNoDate, ErrNoText}, inErr: []string{`item 2 ("Undated")`, `item 3 ("Empty")`}},
		{dir: "feed-broken", errs: []error{ErrFormat}, inErr: []string{"not an RSS or Atom feed"}},
		{dir: "text-nodate", errs: []error{ErrNoDate}, inErr: []string{"e.g."}},
		{dir: "text-empty", errs: []error{ErrEmpty}},
		{dir: "text-binary", errs: []error{ErrBinary}},
		{dir: "text-latin1", articles: []want{{"Café talks end", "", "2020-02-03T00:00:00Z", "", "plain", "The minister said the café meeting “went well”. It ended late."}}},
		{dir: "text-crlf", articles: []want{{"Title", "Wire", "2020-02-03T09:15:00-05:00", "https://wire.example/title", "text", "Line one continues here.\n\nSecond para with a link."}}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join("testdata", "parse", tc.dir, "*"))
			if len(paths) != 1 {
				t.Fatalf("want one fixture file, found %v", paths)
			}
			arts, err := Parse(paths[0], MustRead(t, paths[0]))
			for _, e := range tc.errs {
				if !errors.Is(err, e) {
					t.Errorf("error %v is not %v", err, e)
				}
			}
			if len(tc.errs) == 0 && err != nil {
				t.Errorf("unexpected error: %v", err)
			}
			for _, s := range tc.inErr {
				if err == nil || !strings.Contains(err.Error(), s) {
					t.Errorf("error %v lacks %q", err, s)
				}
			}
			if err != nil && !strings.Contains(err.Error(), paths[0]) {
				t.Errorf("error %v does not name the file", err)
			}
			if len(arts) != len(tc.articles) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tc.articles))
			}
			for i, w := range tc.articles {
				MustMatch(t, arts[i].Title, arts[i].Outlet, arts[i].Published, arts[i].URL, arts[i].Format, arts[i].Body, w)
				if arts[i].Path != paths[0] || arts[i].ID == "" {
					t.Errorf("article %d: path %q, id %q", i, arts[i].Path, arts[i].ID)
				}
			}
		})
	}
}

// MustMatch compares an article's fields with w.
func MustMatch(tb testing.TB, title, outlet string, published time.Time, url, format, body string, w want) {
	tb.Helper()
	got := want{title, outlet, published.Format(time.RFC3339), url, format, body}
	if got != w {
		tb.Errorf("got  %+v\nwant %+v", got, w)
	}
}

func TestParseLimits(t *testing.T) {
	big := make([]byte, MaxFileSize+1)
	if _, err := Parse("big.txt", big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversized: %v", err)
	}
	bad := []byte("Title\n\n2020-01-01\n\n")
	for i := 0; i < 100; i++ {
		bad = append(bad, 0xC3, 0x28, 0x81) // invalid UTF-8, and 0x81 is undefined in Windows-1252
	}
	if _, err := Parse("bad.txt", bad); !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), "iconv") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Title\n\n2020-01-01\n\nBody.\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	if arts, err := Parse("u16.txt", utf16); err != nil || arts[0].Body != "Body." {
		t.Errorf("UTF-16: %v %+v", err, arts)
	}
}

// TestSniff checks that standard input and unknown extensions are read by
// their content.
func TestSniff(t *testing.T) {
	tests := []struct{ name, file, format string }{
		{"-", "../testdata/articles/gaza-ceasefire-2021-05-21.html", "html"},
		{"-", "../testdata/articles/sudan-jeddah-declaration-2023-05-12.json", "json"},
		{"-", "../testdata/articles/myanmar-coup-2021-02-01.txt", "plain"},
		{"-", "../testdata/articles/idlib-kremlin-2019-06-03.txt", "text"},
		{"-", "testdata/parse/feed-rss/feed.rss", "feed"},
		{"story.md", "testdata/parse/feed-atom/feed.atom", "feed"},
		{"page.xml", "testdata/parse/html-meta/page.htm", "html"},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			arts, err := Parse(tc.name, MustRead(t, tc.file))
			if err != nil || len(arts) == 0 || arts[0].Format != tc.format || arts[0].Path != tc.name {
				t.Errorf("got %d articles, err %v; want format %s", len(arts), err, tc.format)
			}
		})
	}
}
