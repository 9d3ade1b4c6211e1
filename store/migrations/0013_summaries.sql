-- 0013: a summary of each event kept at write time (store/summary.go), so
-- that a page of /api/events reads one row per event and the few mentions
-- it shows, rather than every report of much-reported events to count
-- them and resolve their date, figures and disputes.
--
-- A row holds what the page computed from all of an event's reports:
-- counts, the date and place resolved over them, disputes, the contract's
-- outlets and figures (JSON), and the ids of the first mentions in the
-- order of Events. A row counts only while its event is not marked in
-- summary_stale: every change that can alter it marks the event (the
-- triggers below), and the writer recomputes the marked events before it
-- commits. A reader that finds no row, or a marked event, computes from
-- the reports, as before, so no path that writes without recomputing
-- can make a page wrong, only slower.
CREATE TABLE event_summaries (
	event_id   TEXT PRIMARY KEY,
	mentions   INTEGER NOT NULL,
	sources    INTEGER NOT NULL,
	articles   INTEGER NOT NULL,
	date_start TEXT NOT NULL,
	date_end   TEXT NOT NULL,
	precision  TEXT NOT NULL,
	location   TEXT NOT NULL,
	disputes   TEXT NOT NULL, -- JSON array of model.Dispute
	outlets    TEXT NOT NULL, -- JSON, as the contract's "outlets"
	figures    TEXT NOT NULL, -- JSON, as the contract's "figures"
	head       TEXT NOT NULL  -- JSON array of the ids of the first mentions
) WITHOUT ROWID;

-- Events whose summary is to be recomputed. The triggers test for a row
-- rather than INSERT OR IGNORE: a trigger takes the conflict policy of
-- the statement that fires it, and the upserts of mentions and actors
-- would make a second mark an error.
CREATE TABLE summary_stale (event_id TEXT PRIMARY KEY) WITHOUT ROWID;

-- The actors whose names a blame dispute of an event shows ("Kremlin
-- (RUSGOV)"): an actor's name may change in case when a later article
-- spells it so (its id folds case), which changes those disputes.
CREATE TABLE summary_hands (
	event_id TEXT NOT NULL,
	actor_id TEXT NOT NULL,
	PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX summary_hands_actor ON summary_hands (actor_id);

-- An event written with more than 10 articles (store.summaryHead) is
-- marked by the writer (writeEventRow), at a lower cost than a trigger
-- on every report, and only events that have that many keep a summary;
-- a report's moves and deletions are marked here.
CREATE TRIGGER summary_mention_move AFTER UPDATE OF event_id ON mentions
WHEN old.event_id IS NOT new.event_id BEGIN
	INSERT INTO summary_stale (event_id) SELECT old.event_id WHERE NOT EXISTS (SELECT 1 FROM summary_stale WHERE event_id = old.event_id);
	INSERT INTO summary_stale (event_id) SELECT new.event_id WHERE NOT EXISTS (SELECT 1 FROM summary_stale WHERE event_id = new.event_id);
END;

-- A mention's own coding is not changed in place today; should it be,
-- its event's summary follows.
CREATE TRIGGER summary_mention_update AFTER UPDATE OF article_id, "start", code, date_start, date_end,
	precision, location, figures, source_id, target_id ON mentions BEGIN
	INSERT INTO summary_stale (event_id) SELECT new.event_id WHERE NOT EXISTS (SELECT 1 FROM summary_stale WHERE event_id = new.event_id);
END;

CREATE TRIGGER summary_mention_delete AFTER DELETE ON mentions BEGIN
	INSERT INTO summary_stale (event_id) SELECT old.event_id WHERE NOT EXISTS (SELECT 1 FROM summary_stale WHERE event_id = old.event_id);
END;

-- An article's outlet, wire origin, day or path orders its mentions and
-- names their sources; the origin changes when a copy of it is stored.
CREATE TRIGGER summary_article_update AFTER UPDATE OF outlet, origin, published, path ON articles
WHEN old.outlet IS NOT new.outlet OR old.origin IS NOT new.origin
	OR old.published IS NOT new.published OR old.path IS NOT new.path BEGIN
	INSERT INTO summary_stale (event_id) SELECT DISTINCT event_id FROM mentions WHERE article_id = new.id
		AND event_id NOT IN (SELECT event_id FROM summary_stale);
END;

-- An event's own date and place stand when no report has its own. (A
-- new event needs no mark of its own: its reports' inserts or moves
-- mark it.)
CREATE TRIGGER summary_event_update AFTER UPDATE OF date_start, date_end, precision, location ON events
WHEN old.date_start IS NOT new.date_start OR old.date_end IS NOT new.date_end
	OR old.precision IS NOT new.precision OR old.location IS NOT new.location BEGIN
	INSERT INTO summary_stale (event_id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM summary_stale WHERE event_id = new.id);
END;

CREATE TRIGGER summary_event_delete AFTER DELETE ON events BEGIN
	INSERT INTO summary_stale (event_id) SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM summary_stale WHERE event_id = old.id);
END;

CREATE TRIGGER summary_actor_rename AFTER UPDATE OF name ON actors
WHEN old.name IS NOT new.name BEGIN
	INSERT INTO summary_stale (event_id) SELECT event_id FROM summary_hands WHERE actor_id = new.id
		AND event_id NOT IN (SELECT event_id FROM summary_stale);
END;

-- Every stored event is summarized by the migration's Go half
-- (refreshSummaries).
INSERT INTO summary_stale (event_id) SELECT id FROM events;
