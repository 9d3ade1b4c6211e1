-- 0001: articles, actors, events and the mentions that tie them together.
--
-- Dates are ISO-8601 text so that they sort and compare as strings.
-- events.date_end is the last day the date covers at any precision (not only
-- for ranges), so that "overlaps [from, to]" is two index-friendly
-- comparisons; the model's Date is rebuilt from date_start, date_end and
-- precision. An undated event stores '' in all three.

CREATE TABLE articles (
	id          TEXT PRIMARY KEY CHECK (id <> ''),
	hash        TEXT NOT NULL UNIQUE CHECK (hash <> ''),
	path        TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '', -- RFC 3339 with the article's own offset; '' when unknown
	format      TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT '',
	ingested_at TEXT NOT NULL             -- UTC, 2006-01-02T15:04:05.000Z
);
CREATE INDEX articles_path ON articles (path, id);

CREATE TABLE actors (
	id      TEXT PRIMARY KEY CHECK (id <> ''),
	name    TEXT NOT NULL CHECK (name <> ''),
	country TEXT NOT NULL DEFAULT '',
	role    TEXT NOT NULL DEFAULT '',
	code    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE, id);

CREATE TABLE events (
	id         TEXT PRIMARY KEY CHECK (id <> ''),
	code       TEXT NOT NULL CHECK (length(code) BETWEEN 2 AND 4),
	root       TEXT NOT NULL CHECK (root = substr(code, 1, 2)),
	date_start TEXT NOT NULL DEFAULT '',
	date_end   TEXT NOT NULL DEFAULT '',
	precision  TEXT NOT NULL DEFAULT '' CHECK (precision IN ('', 'day', 'month', 'year', 'range')),
	source_id  TEXT NOT NULL REFERENCES actors (id),
	target_id  TEXT REFERENCES actors (id),
	location   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_source ON events (source_id);
CREATE INDEX events_target ON events (target_id);

-- A mention is one sentence of one article reporting the event; the same
-- sentence (article and start offset) is stored once per event.
CREATE TABLE mentions (
	event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	sentence   TEXT NOT NULL,
	"start"    INTEGER NOT NULL CHECK ("start" >= 0),
	"end"      INTEGER NOT NULL CHECK ("end" >= "start"),
	"trigger"  TEXT NOT NULL DEFAULT '',
	time_text  TEXT NOT NULL DEFAULT '',
	ordinal    INTEGER NOT NULL, -- position among the event's mentions when stored
	PRIMARY KEY (event_id, article_id, "start")
);
CREATE INDEX mentions_article ON mentions (article_id);
