-- 0011: a page reads every mention of its events (store/scan.go): their
-- articles, order and own coding, from which the events' counts,
-- sources, figures and disputes are computed, though it shows the text
-- of a few. Read from the table, each mention was a row of its own page,
-- its sentence included; this index holds those columns in event order,
-- so that a page of much-reported events (thousands of mentions) reads
-- them from a few pages of the index, three times faster. It starts with
-- event_id, so it serves every lookup of an event's mentions, and
-- mentions_event (0004) is no longer needed.
CREATE INDEX mentions_cover ON mentions (event_id, article_id, "start", id, code,
	date_start, date_end, precision, location, figures, source_id, target_id);
DROP INDEX mentions_event;
