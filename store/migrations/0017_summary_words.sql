-- 0017: the words of a summarized event's reports, for text queries.
--
-- A page of a text query that walks events_order tests each event's
-- reports with LIKE, reading every report row of an event that does not
-- hold the word: the events of a story told by sixty outlets cost sixty
-- row reads each, at random places in mentions. On a store of a million
-- events the first 1,269 events in date order held 16,873 reports, and a
-- common word's first page spent most of its time there. The events of
-- more than summaryHead articles, which have a summary (0013), now keep
-- the words of all their reports in one row: the distinct runs of ASCII
-- letters and digits of at least three characters of the lower-cased
-- sentences (store/text.go, eventWords), which hold a query word the
-- full-text index answers exactly when a sentence does. The row is kept
-- and trusted as the summary is: recomputed with it, ignored while the
-- event is marked in summary_stale. The migration's hook fills it for
-- every stored summary.
CREATE TABLE summary_words (
	event_id TEXT PRIMARY KEY,
	words    TEXT NOT NULL
);
