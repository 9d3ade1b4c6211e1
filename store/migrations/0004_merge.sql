-- 0004: events as clusters of reports (package merge), wire origins of
-- articles, and review decisions.
--
-- A mention row is now one report: one coded sentence, with its own
-- actors, code, date, place and figures, so that reports can be regrouped
-- when a new article arrives and every version survives a merge. Its id is
-- merge.ReportID, which for the rows stored before this migration is
-- event_id/article_id/start (their event id was the report's own key).
-- family, src_key and tgt_key are merge.Family and merge.Country: SaveArticle
-- looks up the stored reports a new one may merge with by them. The Go hook
-- of this migration fills family for the rows copied here.
CREATE TABLE mentions_merged (
	id          TEXT PRIMARY KEY CHECK (id <> ''),
	event_id    TEXT NOT NULL REFERENCES events (id),
	article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	sentence    TEXT NOT NULL,
	"start"     INTEGER NOT NULL CHECK ("start" >= 0),
	"end"       INTEGER NOT NULL CHECK ("end" >= "start"),
	"trigger"   TEXT NOT NULL DEFAULT '',
	time_text   TEXT NOT NULL DEFAULT '',
	source_id   TEXT NOT NULL REFERENCES actors (id),
	target_id   TEXT REFERENCES actors (id),
	code        TEXT NOT NULL CHECK (length(code) BETWEEN 2 AND 4),
	family      TEXT NOT NULL DEFAULT '',
	src_key     TEXT NOT NULL DEFAULT '',
	tgt_key     TEXT NOT NULL DEFAULT '',
	date_start  TEXT NOT NULL DEFAULT '',
	date_end    TEXT NOT NULL DEFAULT '', -- last day covered, as in events
	precision   TEXT NOT NULL DEFAULT '',
	location    TEXT NOT NULL DEFAULT '',
	figures     TEXT NOT NULL DEFAULT '[]' -- JSON array of model.Figure
);
INSERT INTO mentions_merged (id, event_id, article_id, sentence, "start", "end", "trigger", time_text,
	source_id, target_id, code, src_key, tgt_key, date_start, date_end, precision, location)
SELECT m.event_id || '/' || m.article_id || '/' || m."start", m.event_id, m.article_id, m.sentence,
	m."start", m."end", m."trigger", m.time_text, e.source_id, e.target_id, e.code,
	CASE s.country WHEN '' THEN 'id:' || s.id ELSE s.country END,
	CASE WHEN t.id IS NULL THEN '-' WHEN t.country = '' THEN 'id:' || t.id ELSE t.country END,
	e.date_start, e.date_end, e.precision, e.location
FROM mentions m JOIN events e ON e.id = m.event_id
JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id;
DROP TABLE mentions;
ALTER TABLE mentions_merged RENAME TO mentions;
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_src ON mentions (family, src_key, date_start);
CREATE INDEX mentions_tgt ON mentions (family, tgt_key, date_start);

-- origin: the wire service whose story the article is ("Reuters" for a
-- Reuters story on The Moscow Times), '' for the outlet's own. credit is
-- what the article itself says (a "(Reuters) -" dateline), copy_group the
-- least article id among its near-identical copies, minhash its text
-- signature (hex) and article_bands the LSH index over it.
ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN credit TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN copy_group TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN minhash TEXT NOT NULL DEFAULT '';
CREATE TABLE article_bands (
	band       TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;

-- A person's decision on an event. Not tied to events by a foreign key:
-- when events merge, SaveArticle moves the review to the event that now
-- holds the reviewed reports, and records the old id in event_aliases.
CREATE TABLE reviews (
	event_id    TEXT PRIMARY KEY,
	status      TEXT NOT NULL CHECK (status IN ('reviewed', 'disputed', 'rejected')),
	note        TEXT NOT NULL DEFAULT '',
	reviewed_at TEXT NOT NULL
);
CREATE TABLE event_aliases (
	alias    TEXT PRIMARY KEY,
	event_id TEXT NOT NULL
);
