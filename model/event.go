package model

import (
	"encoding/json"
	"sort"
)

// Mention is the evidence for an event: one sentence of one article, with
// the byte offsets of the sentence in the article body, the word that
// triggered the coding and the time expression that dated it.
type Mention struct {
	ArticleID string `json:"article"`
	Path      string `json:"path"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"` // the article's publication day, YYYY-MM-DD
	Sentence  string `json:"sentence"`
	Start     int    `json:"start"` // byte offset of the sentence in the article body
	End       int    `json:"end"`
	Trigger   string `json:"trigger"`
	TimeText  string `json:"time_text"`

	// What this one report says, which may differ from its merged event:
	// its own coding, date, place and figures (see package merge).
	Origin     string   `json:"origin,omitempty"` // wire service of a republished story, "Reuters"
	Source     *Actor   `json:"-"`
	Target     *Actor   `json:"-"`
	SourceCode string   `json:"source_code,omitempty"`
	TargetCode string   `json:"target_code,omitempty"`
	Code       string   `json:"cameo,omitempty"`
	Date       Date     `json:"-"` // written as date, precision, date_end by MarshalJSON
	Location   string   `json:"location,omitempty"`
	Figures    []Figure `json:"-"` // written by MarshalJSON
}

// Event is one coded interaction: Source did Code to Target on Date. Target
// is nil when the act has no addressee. Mentions hold every report of it.
type Event struct {
	ID       string
	Date     Date
	Source   Actor
	Target   *Actor
	Code     string // CAMEO code, two to four digits: "12", "120", "1041"
	Location string
	Mentions []Mention

	// Disputes lists where the mentions disagree (package merge fills it);
	// Status and Note are a person's review.
	Disputes []Dispute
	Status   Status
	Note     string
}

// Disputed reports whether the mentions disagree or a reviewer said so.
func (e Event) Disputed() bool { return len(e.Disputes) > 0 || e.Status == StatusDisputed }

// Root is the two-digit CAMEO root of the event's code.
func (e Event) Root() string { return RootOf(e.Code) }

// CAMEO returns the code table entry of the event's code (or of its root
// when the exact code is unknown).
func (e Event) CAMEO() CAMEOCode {
	if c, ok := LookupCAMEO(e.Code); ok {
		return c
	}
	c, _ := LookupCAMEO(e.Root())
	return c
}

// Key is what makes two extracted events the same event: actor pair, CAMEO
// code and date. Events with equal keys are merged into one with several
// mentions.
func (e Event) Key() string {
	target := ""
	if e.Target != nil {
		target = e.Target.ID
	}
	return e.Source.ID + "|" + target + "|" + e.Code + "|" + e.Date.Encode()
}

// SetID derives the event id from [Event.Key].
func (e *Event) SetID() {
	// The key is built in place rather than by Key, which allocates it.
	var buf [160]byte
	b := append(buf[:0], e.Source.ID...)
	b = append(b, '|')
	if e.Target != nil {
		b = append(b, e.Target.ID...)
	}
	b = append(append(b, '|'), e.Code...)
	b = append(e.Date.appendEncode(append(b, '|')), 0)
	e.ID = shortHash("e-", b)
}

// Articles counts the distinct articles among the mentions.
func (e Event) Articles() int {
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		seen[m.ArticleID] = true
	}
	return len(seen)
}

// Sources counts the distinct outlets among the mentions, counting a wire
// story republished by other outlets once, under its origin ("Reuters"
// for "Reuters via The Moscow Times"); mentions whose article names no
// outlet count once per article.
func (e Event) Sources() int {
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		seen[m.sourceKey()] = true
	}
	return len(seen)
}

// SortEvents orders events oldest first, then by id, so that every listing
// and export is stable from run to run.
func SortEvents(events []Event) {
	sort.SliceStable(events, func(i, j int) bool {
		if c := events[i].Date.Compare(events[j].Date); c != 0 {
			return c < 0
		}
		return events[i].ID < events[j].ID
	})
}

// eventJSON is the event shape of the command-line contract.
type eventJSON struct {
	ID        string    `json:"id"`
	Date      string    `json:"date"`
	Precision Precision `json:"precision"`
	End       *string   `json:"end"`
	Source    Actor     `json:"source"`
	Target    *Actor    `json:"target"`
	CAMEO     string    `json:"cameo"`
	Root      string    `json:"root"`
	Name      string    `json:"name"`
	Quad      int       `json:"quad"`
	Goldstein float64   `json:"goldstein"`
	PLOVER    string    `json:"plover"`
	Location  *string   `json:"location"`
	Sources   int       `json:"sources"`
	Articles  int       `json:"articles"`
	Mentions  []Mention `json:"mentions"`

	// Additions of issue 4. "mentions" was already the array of evidence,
	// so the count is mention_count.
	MentionCount int             `json:"mention_count"`
	Outlets      []string        `json:"outlets"`
	Figures      []SourcedFigure `json:"figures"`
	Disputed     bool            `json:"disputed"`
	Disputes     []Dispute       `json:"disputes"`
	Status       string          `json:"status"`
	Note         string          `json:"note,omitempty"`
}

// MarshalJSON writes the event in the shape the contract gives
// (eventJSON; json_append.go writes it).
func (e Event) MarshalJSON() ([]byte, error) {
	return appendEvent(make([]byte, 0, 512+512*min(len(e.Mentions), 64)), e, nil)
}

// UnmarshalJSON reads the contract shape back, so that tools and tests can
// consume eventgraph's own output.
func (e *Event) UnmarshalJSON(b []byte) error {
	var in eventJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	d, err := DecodeDate(in.Date)
	if err != nil {
		return err
	}
	if in.End != nil && in.Precision == PrecisionRange {
		end, err := ParseDate(*in.End)
		if err != nil {
			return err
		}
		d = Range(d.Start, end.Start)
	}
	*e = Event{ID: in.ID, Date: d, Source: in.Source, Target: in.Target, Code: in.CAMEO, Mentions: in.Mentions,
		Disputes: in.Disputes, Note: in.Note}
	if in.Status != "unreviewed" {
		e.Status = Status(in.Status)
	}
	if len(e.Disputes) == 0 {
		e.Disputes = nil
	}
	if in.Location != nil {
		e.Location = *in.Location
	}
	return nil
}
