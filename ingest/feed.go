package ingest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/eventgraph/eventgraph/model"
	"github.com/mmcdole/gofeed"
)

// parseFeed reads an RSS or Atom feed, one article per item. The body is
// the item's full content (content:encoded, Atom content) or else its
// description, HTML turned into paragraphs; the outlet is the feed's
// title. Items without a date or text are rejected one by one, as
// [entryError]s joined in the error, while the others are returned.
func parseFeed(text string) ([]model.Article, error) {
	f, err := gofeed.NewParser().ParseString(text)
	if err != nil {
		return nil, fail(ErrFormat, "not an RSS or Atom feed: "+err.Error(), "check the file is a complete feed")
	}
	if len(f.Items) == 0 {
		return nil, fail(ErrNoText, "the feed has no items", hintText)
	}
	outlet := foldSpace(f.Title)
	var arts []model.Article
	var errs []error
	for i, it := range f.Items {
		entry := fmt.Sprintf("item %d", i+1)
		if t := foldSpace(it.Title); t != "" {
			entry += fmt.Sprintf(" (%q)", clip(t, 50))
		}
		a, err := feedArticle(it, outlet)
		if err != nil {
			errs = append(errs, &entryError{entry: entry, err: err})
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

func feedArticle(it *gofeed.Item, outlet string) (model.Article, error) {
	a := model.Article{Format: FormatFeed, Title: foldSpace(it.Title), Outlet: outlet, URL: strings.TrimSpace(it.Link)}
	if a.Title != "" && looksLikeHTML(a.Title) {
		a.Title = foldSpace(htmlFragmentText(a.Title))
	}
	// Our own date reader first: it keeps zones such as BST that gofeed
	// may read as UTC.
	for _, s := range []string{it.Published, it.Updated} {
		if t, ok := ParseDateLine(s); ok {
			a.Published = t
			break
		}
	}
	if a.Published.IsZero() {
		switch {
		case it.PublishedParsed != nil:
			a.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Published = *it.UpdatedParsed
		default:
			return a, fail(ErrNoDate, "no pubDate, published or dc:date", "give each item a <pubDate>")
		}
	}
	content := it.Content
	if strings.TrimSpace(content) == "" {
		content = it.Description
	}
	if looksLikeHTML(content) {
		a.Body = htmlFragmentText(content)
	} else {
		a.Body = textParagraphs(content)
	}
	if a.Body == "" {
		return a, fail(ErrNoText, "no content:encoded or description", "give each item its text")
	}
	return a, nil
}
