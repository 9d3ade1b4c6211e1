// Package ingest reads news articles from outside files into
// [model.Article] values: the metadata (title, outlet, publication time,
// URL) and the body text that later stages take sentence offsets into.
//
// # Formats
//
// [Parse] picks a reader by file extension and, where the extension says
// nothing (or for standard input), by sniffing the content:
//
//   - text: the layout of the sample corpus — a title line, an optional
//     "By [Outlet](#)" byline, a date line ([ParseDateLine]), an optional
//     photo-credit line, body paragraphs, and an "Original url:" trailer;
//   - plain: the same reader when the file has no byline and no URL trailer;
//   - html: a web page, its body found by go-readability, its metadata from
//     <time datetime>, meta tags and JSON-LD;
//   - json: one object, an array of objects, or JSON lines;
//   - feed: RSS or Atom, one article per item.
//
// # Bodies
//
// Every reader produces a Body of paragraphs joined by "\n\n", with the
// whitespace inside each paragraph folded to single spaces, and calls
// [model.Article.Seal] on each article it returns.
//
// # Errors
//
// Every error that reaches a user is an [*Error]: it names the file (and the
// entry, for JSON and feeds), says what is wrong and what to do, and wraps
// one of the sentinels [ErrEmpty], [ErrBinary], [ErrEncoding], [ErrTooLarge],
// [ErrNoDate], [ErrNoText], [ErrFormat] or [ErrRead], so that callers can
// test it with errors.Is. Files holding several articles (JSON arrays, JSON
// lines, feeds) are judged entry by entry: [Parse] returns the good entries
// together with an error joining one [*Error] per rejected entry.
//
// # Walking
//
// [Walk] expands command-line paths — files, folders (recursively, in
// lexical order) and "-" for standard input — and reports each file once,
// with its articles, its error, or the reason it was skipped.
package ingest
