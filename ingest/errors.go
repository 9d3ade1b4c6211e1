package ingest

import (
	"errors"
	"strings"
)

// Sentinel errors. Every error returned by [Parse] and reported through
// [File.Err] by [Walk] is an [*Error] (or a join of them) wrapping one of
// these.
var (
	// ErrEmpty: the file holds nothing but whitespace (Parse).
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the file holds NUL bytes, so it is not text (Parse).
	ErrBinary = errors.New("binary content")
	// ErrEncoding: the file is not UTF-8 and could not be repaired (Parse).
	ErrEncoding = errors.New("invalid UTF-8")
	// ErrTooLarge: the file is larger than [MaxFileSize] (Parse, Walk), or
	// one article's text is larger than [MaxArticleSize] (Parse).
	ErrTooLarge = errors.New("file too large")
	// ErrNoDate: no publication date was found, for a whole file or for
	// one entry of a JSON array or feed (Parse).
	ErrNoDate = errors.New("no publication date")
	// ErrNoText: there is no article text, for a whole file or for one
	// entry (Parse).
	ErrNoText = errors.New("no article text")
	// ErrFormat: the content does not have the expected shape: malformed
	// JSON or feed XML, a field of the wrong type, an unknown layout (Parse).
	ErrFormat = errors.New("malformed input")
	// ErrRead: the file or folder could not be read (Walk).
	ErrRead = errors.New("cannot read")
)

// MaxFileSize is the largest file ingest reads, to keep a stray disk image
// or database from filling memory.
const MaxFileSize = 64 << 20

// MaxArticleSize is the longest article text ingest codes. A long news
// story is some 50 KB; a text a hundred times longer is a book, a dump or an
// attempt to tie up extraction, which takes minutes per megabyte on a busy
// machine. A file of JSON lines or a feed may still hold many articles up
// to MaxFileSize in all.
const MaxArticleSize = 1 << 20

// Error is a rejected file or entry, with what the user can do about it.
type Error struct {
	Path   string // the file, as given
	Entry  string // "entry 3", "line 7", "item 2"; "" for the whole file
	Err    error  // one of the sentinels
	Detail string // what exactly was wrong, if more than Err says
	Hint   string // what to do
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	b.WriteString(": ")
	if e.Entry != "" {
		b.WriteString(e.Entry)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Detail != "" {
		b.WriteString(" (")
		b.WriteString(e.Detail)
		b.WriteString(")")
	}
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// problem is an error found by a reader before it knows the file name; Parse
// turns it into an [*Error].
type problem struct {
	err    error
	detail string
	hint   string
}

func (p *problem) Error() string { return p.err.Error() + ": " + p.detail }
func (p *problem) Unwrap() error { return p.err }

func fail(err error, detail, hint string) *problem {
	return &problem{err: err, detail: detail, hint: hint}
}

// fileError attaches the path (and entry) to a reader's error.
func fileError(path, entry string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var p *problem
	if errors.As(err, &p) {
		return &Error{Path: path, Entry: entry, Err: p.err, Detail: p.detail, Hint: p.hint}
	}
	return &Error{Path: path, Entry: entry, Err: ErrFormat, Detail: err.Error()}
}

// Hints shared by several readers.
const (
	hintDate = "give the publication date on its own line under the title, e.g. \"2019-06-03\" or \"June 3, 2019\""
	hintText = "the file must contain the article's text"
)
