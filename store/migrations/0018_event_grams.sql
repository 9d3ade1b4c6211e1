-- 0018: a trigram filter of each event's reports (store/grams.go says
-- why): eight INTEGER columns of 64 bits, which events_order carries so
-- that a text query's walk tests them in the index before it reads the
-- event's reports. The Go half fills them for the stored events and
-- builds events_order again with them.
--
-- A filter only gains bits. The writer adds the trigrams of the reports
-- it stores with an event as it writes the event's row (writeEventRow);
-- a report moved to an event adds its sentence's (the trigger below,
-- with eventgraph_grams, a function of the writer's connections); an
-- event stored after reports that name it (no writer does that today)
-- starts from theirs. A report that leaves keeps its
-- bits in the event it left: a filter may let through an event that
-- does not match, never turn away one that does.
ALTER TABLE events ADD COLUMN g0 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g6 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN g7 INTEGER NOT NULL DEFAULT 0;

-- Built again by the Go half once the filters are filled.
DROP INDEX events_order;

CREATE TRIGGER grams_mention_move AFTER UPDATE OF event_id ON mentions
WHEN old.event_id IS NOT new.event_id BEGIN
	UPDATE events SET g0 = g0 | eventgraph_grams(new.sentence, 0),
		g1 = g1 | eventgraph_grams(new.sentence, 1),
		g2 = g2 | eventgraph_grams(new.sentence, 2),
		g3 = g3 | eventgraph_grams(new.sentence, 3),
		g4 = g4 | eventgraph_grams(new.sentence, 4),
		g5 = g5 | eventgraph_grams(new.sentence, 5),
		g6 = g6 | eventgraph_grams(new.sentence, 6),
		g7 = g7 | eventgraph_grams(new.sentence, 7)
	WHERE id = new.event_id;
END;

CREATE TRIGGER grams_event_insert AFTER INSERT ON events
WHEN EXISTS (SELECT 1 FROM mentions WHERE event_id = new.id) BEGIN
	UPDATE events SET g0 = (SELECT eventgraph_grams_all(sentence, 0) FROM mentions WHERE event_id = new.id),
		g1 = (SELECT eventgraph_grams_all(sentence, 1) FROM mentions WHERE event_id = new.id),
		g2 = (SELECT eventgraph_grams_all(sentence, 2) FROM mentions WHERE event_id = new.id),
		g3 = (SELECT eventgraph_grams_all(sentence, 3) FROM mentions WHERE event_id = new.id),
		g4 = (SELECT eventgraph_grams_all(sentence, 4) FROM mentions WHERE event_id = new.id),
		g5 = (SELECT eventgraph_grams_all(sentence, 5) FROM mentions WHERE event_id = new.id),
		g6 = (SELECT eventgraph_grams_all(sentence, 6) FROM mentions WHERE event_id = new.id),
		g7 = (SELECT eventgraph_grams_all(sentence, 7) FROM mentions WHERE event_id = new.id)
	WHERE id = new.id;
END;
