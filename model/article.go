package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Article is one news story as read from its file: metadata and the body
// text that event evidence points into by byte offset.
type Article struct {
	ID        string    `json:"id"`   // "r-" and the first hex digits of Hash
	Hash      string    `json:"hash"` // SHA-256 of the normalised title, date and body
	Path      string    `json:"path"` // as given on the command line; "-" for standard input
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"` // publication time in the zone the article gives; zero when unknown
	Format    string    `json:"format"`    // the reader that produced it: text, plain, html, json, feed
	Body      string    `json:"-"`         // paragraphs separated by blank lines
}

// Seal computes the content hash and the id. Call it once the title,
// publication time and body are final.
func (a *Article) Seal() {
	a.Hash = ContentHash(a.Title, a.Published, a.Body)
	a.ID = "r-" + a.Hash[:12]
}

// ContentHash identifies an article by what it says, so that the same story
// read from two files (or twice from one) is stored once. Whitespace is
// folded so that re-wrapped copies hash alike.
func ContentHash(title string, published time.Time, body string) string {
	h := sha256.New()
	h.Write([]byte(strings.Join(strings.Fields(title), " ")))
	h.Write([]byte{0})
	if !published.IsZero() {
		h.Write([]byte(published.Format("2006-01-02")))
	}
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(body), " ")))
	return hex.EncodeToString(h.Sum(nil))
}

// PublishedDay is the publication date at day precision, or the zero Date.
func (a Article) PublishedDay() Date {
	if a.Published.IsZero() {
		return Date{}
	}
	return Day(a.Published)
}
