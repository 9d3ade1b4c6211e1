package model

import (
	"context"
	"fmt"
)

// Status is a person's verdict on an event, recorded with eventgraph
// review. Extraction never sets it; re-ingesting keeps it.
type Status string

// The review statuses. The zero Status is an event nobody has reviewed.
const (
	StatusUnreviewed Status = ""
	StatusReviewed   Status = "reviewed" // checked against its sources and kept
	StatusDisputed   Status = "disputed" // a person holds that the sources disagree
	StatusRejected   Status = "rejected" // not an event: hidden from reports and exports
)

// ParseStatus reads a status given on the command line.
func ParseStatus(s string) (Status, error) {
	switch Status(s) {
	case StatusReviewed, StatusDisputed, StatusRejected:
		return Status(s), nil
	}
	return "", fmt.Errorf("status %q: want reviewed, disputed or rejected", s)
}

// DisputeKind says on what the mentions of an event disagree.
type DisputeKind string

// The kinds of disagreement between mentions of one event.
const (
	DisputeDate   DisputeKind = "date"   // dates that differ beyond their precision
	DisputeFigure DisputeKind = "figure" // tolls or amounts that cannot both be true
	DisputeBlame  DisputeKind = "blame"  // who did it: the same act laid at different doors
)

// Dispute is one point on which the mentions of an event disagree, with
// every version and who gives it: nothing is picked.
type Dispute struct {
	Kind     DisputeKind `json:"kind"`
	What     string      `json:"what,omitempty"` // the figure kind, or "" for dates and blame
	Versions []Version   `json:"versions"`
}

// Version is one side of a dispute: a value and the mentions that give it.
type Version struct {
	Value    string   `json:"value"`
	Sources  []string `json:"sources"`  // source labels
	Articles []string `json:"articles"` // article ids
}

// Review is a person's decision on an event.
type Review struct {
	EventID    string `json:"event"`
	Status     Status `json:"status"`
	Note       string `json:"note,omitempty"`
	ReviewedAt string `json:"reviewed_at"` // UTC ISO-8601
}

// ReviewWriter records review decisions; stores that implement it keep
// them across re-ingests.
type ReviewWriter interface {
	// SetReview records r for the event r.EventID (or the event an old id
	// of it was merged into) and returns the review as stored, with the
	// event's current id. It returns an error matching [ErrNotFound] when
	// no such event exists.
	SetReview(ctx context.Context, r Review) (Review, error)
}
