// Package timex tags time expressions in English news text and normalises
// them to TIMEX3 values against the document creation time.
package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Type is the TIMEX3 type of an expression.
type Type string

// The TIMEX3 types.
const (
	TypeDate     Type = "DATE"
	TypeTime     Type = "TIME"
	TypeDuration Type = "DURATION"
	TypeSet      Type = "SET"
)

// Expr is one time expression found in a text.
type Expr struct {
	Start int    `json:"start"` // byte offsets into the text
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  Type   `json:"type"`
	Value string `json:"value"` // TIMEX3 value: "2019-06-03", "2018-09", "2019-W22", "P3D", "PAST_REF"
	// Date is the calendar span the expression points at, with its
	// precision, for dating events; zero for durations, sets and vague
	// references that name no span.
	Date model.Date `json:"-"`
}

// Tag returns the time expressions of text in order, resolved against the
// document creation time dct.
func Tag(text string, dct time.Time) []Expr {
	return nil
}
