package ingest

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCheckArticles(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }

	tests := []struct {
		name, file, data string
		want             error  // nil: accepted
		wantArts         int    // articles kept
		detail           string // in the error message
	}{
		{"future date", "a.txt", "Title\n\nJune 3, 2099\n\nRussia struck Idlib.\n", ErrNoDate, 0, "2099-06-03 is in the future"},
		{"tomorrow is within the slack", "a.txt", "Title\n\nMay 2, 2024\n\nRussia struck Idlib.\n", nil, 1, ""},
		{"article too long", "a.txt", "Title\n\nJune 3, 2019\n\n" + strings.Repeat("Russia struck Idlib. ", MaxArticleSize/20), ErrTooLarge, 0, "the limit is 1024 KiB"},
		{"no words", "a.txt", "Markets\n\nJune 3, 2019\n\n| 12.4 | 13.1 |\n\n---\n", ErrNoText, 0, "no words"},
		{"future entry among good ones", "a.json",
			`[{"title":"Old","published_at":"2019-06-03","content":"Russia struck Idlib."},
			  {"title":"Ahead","published_at":"2099-01-01","content":"Russia struck Idlib."},
			  {"title":"Bad","content":"no date"}]`, ErrNoDate, 1, `article "Ahead": no publication date (2099-01-01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.file, []byte(tt.data))
			if len(arts) != tt.wantArts {
				t.Errorf("%d articles, want %d", len(arts), tt.wantArts)
			}
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.detail) || !strings.Contains(err.Error(), tt.file) {
				t.Fatalf("error %v, want %v naming %s with %q", err, tt.want, tt.file, tt.detail)
			}
		})
	}
}

// TestCheckKeepsEntryErrors makes sure the reader's own entry errors stay
// apart from those checkArticles adds, one line each.
func TestCheckKeepsEntryErrors(t *testing.T) {
	_, err := Parse("a.jsonl", []byte(`{"title":"A","content":"no date"}
{"title":"B","published_at":"2099-01-01","content":"Russia struck Idlib."}
{"title":"C","published_at":"2019-06-03","content":"12 13 14"}
`))
	j, ok := err.(interface{ Unwrap() []error })
	if !ok || len(j.Unwrap()) != 3 {
		t.Fatalf("want three joined entry errors, got %v", err)
	}
	for _, e := range j.Unwrap() {
		var ie *Error
		if !errors.As(e, &ie) || ie.Entry == "" {
			t.Errorf("entry error without an entry: %v", e)
		}
	}
}

func TestSourceURLs(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://example.org/a?b=1", "https://example.org/a?b=1"},
		{"HTTP://Example.org/a", "HTTP://Example.org/a"},
		{" https://example.org/a ", "https://example.org/a"},
		{"javascript:alert(1)", ""},
		{"JaVaScRiPt:alert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"vbscript:msgbox(1)", ""},
		{"//example.org/a", ""},
		{"/relative/path", ""},
		{"https:///no-host", ""},
	} {
		data := `{"title":"T","published_at":"2019-06-03","url":` + strconv.Quote(tt.in) + `,"content":"Russia struck Idlib."}`
		arts, err := Parse("a.json", []byte(data))
		if err != nil || len(arts) != 1 {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if arts[0].URL != tt.want {
			t.Errorf("url %q stored as %q, want %q", tt.in, arts[0].URL, tt.want)
		}
	}
}
