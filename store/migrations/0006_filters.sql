-- 0006: an index for every filter of Events (store/plan_test.go checks
-- the query plans).
--
-- "from D" is date_end >= D, which events_date (date_start first) cannot
-- serve.
CREATE INDEX events_end ON events (date_end);

-- "--outlet": the articles of an outlet, then their mentions.
CREATE INDEX articles_outlet ON articles (outlet);

-- "--min-sources N": the number of distinct articles reporting the event,
-- kept by SaveArticle. An event has no more sources than articles, so
-- articles >= N selects a superset of what the filter keeps, through an
-- index, and the exact count (wire copies count once) is checked in Go.
ALTER TABLE events ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
UPDATE events SET articles = (SELECT COUNT(DISTINCT article_id) FROM mentions WHERE event_id = events.id);
CREATE INDEX events_articles ON events (articles);
