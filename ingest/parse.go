package ingest

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// The formats, as stored in [model.Article.Format].
const (
	FormatText  = "text"
	FormatPlain = "plain"
	FormatHTML  = "html"
	FormatJSON  = "json"
	FormatFeed  = "feed"
)

// extFormats maps the article extensions to the reader they suggest. Text
// stands for both text and plain; xml is sniffed between feed and HTML.
var extFormats = map[string]string{
	".txt": FormatText, ".text": FormatText,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".json": FormatJSON, ".jsonl": FormatJSON, ".ndjson": FormatJSON,
	".xml": "", ".rss": FormatFeed, ".atom": FormatFeed,
}

// IsArticleExt reports whether a file name has one of the extensions that
// [Walk] reads inside folders.
func IsArticleExt(name string) bool {
	_, ok := extFormats[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Parse reads the articles in one file's content; name is used for the
// extension and error messages ("-" for standard input, sniffed).
//
// Errors, all [*Error] values naming the file: ErrTooLarge, ErrEmpty,
// ErrBinary and ErrEncoding for content that is not usable text; ErrNoDate,
// ErrNoText and ErrFormat when the reader finds no date, no text, or the
// wrong shape. For files with several entries (JSON arrays, JSON lines,
// feeds) Parse returns the good articles together with an error joining one
// [*Error] per bad entry; it returns no articles only when no entry is good.
func Parse(name string, data []byte) ([]model.Article, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, fileError(name, "", err)
	}
	var arts []model.Article
	format := detectFormat(name, text)
	switch format {
	case FormatHTML:
		var a model.Article
		if a, err = parseHTML(text); err == nil {
			arts = []model.Article{a}
		}
	case FormatJSON:
		arts, err = parseJSON(text)
	case FormatFeed:
		arts, err = parseFeed(text)
	default:
		var a model.Article
		if a, err = parseText(text); err == nil {
			arts = []model.Article{a}
		}
	}
	arts, err = checkArticles(arts, format == FormatJSON || format == FormatFeed, err)
	for i := range arts {
		arts[i].Path = name
		arts[i].Seal()
	}
	return arts, attachPath(name, err)
}

// attachPath turns the problems of a reader into errors naming the file,
// keeping the entries of a joined error apart.
func attachPath(name string, err error) error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var errs []error
		for _, e := range j.Unwrap() {
			var ee *entryError
			if errors.As(e, &ee) {
				errs = append(errs, fileError(name, ee.entry, ee.err))
			} else {
				errs = append(errs, fileError(name, "", e))
			}
		}
		return errors.Join(errs...)
	}
	var ee *entryError
	if errors.As(err, &ee) {
		return fileError(name, ee.entry, ee.err)
	}
	return fileError(name, "", err)
}

// entryError is the problem of one entry of a multi-article file.
type entryError struct {
	entry string
	err   error
}

func (e *entryError) Error() string { return e.entry + ": " + e.err.Error() }
func (e *entryError) Unwrap() error { return e.err }

// detectFormat picks the reader: the extension decides, except for .xml,
// unknown extensions and standard input, whose content is sniffed.
func detectFormat(name, text string) string {
	if f := extFormats[strings.ToLower(filepath.Ext(name))]; f != "" {
		return f
	}
	return sniff(text)
}

// sniff guesses the format from the first bytes of the content.
func sniff(text string) string {
	head := strings.TrimSpace(text)
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch {
	case strings.HasPrefix(head, "{"), strings.HasPrefix(head, "["):
		return FormatJSON
	case strings.HasPrefix(head, "<"):
		low := bytes.ToLower([]byte(head))
		for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if bytes.Contains(low, []byte(root)) && !bytes.Contains(low, []byte("<html")) {
				return FormatFeed
			}
		}
		return FormatHTML
	}
	return FormatText
}
