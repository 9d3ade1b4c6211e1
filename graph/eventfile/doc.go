// Package eventfile writes events, one row or slide per event, in the
// formats of other tools: TimelineJS 3 JSON ([WriteTimelineJS]), the
// column layout of GDELT 2.0 event files ([WriteGDELT]) and that of ACLED
// exports ([WriteACLED]). Where package graph writes the actor network,
// this package writes the events behind it, each with its evidence.
//
// # Determinism
//
// Every writer orders events oldest first, then by id (as
// [model.SortEvents]), and writes no clock time, so that the same events
// give byte-identical files.
//
// # Untrusted text
//
// Article text (sentences, names, outlets, URLs) is never trusted: in
// TimelineJS, which renders text as HTML, it is HTML-escaped, and links
// are written only for http and https URLs. CSV quoting is
// encoding/csv's.
//
// # Errors
//
// The writers return the write errors of their io.Writer, wrapped with the
// format's name; they have no errors of their own.
package eventfile
