-- 0007: pages of events on large stores (DB.EventsAfter, store/page.go;
-- store/plan_test.go checks the plans).
--
-- The page order (Date.Compare, then the id) as one index, so that a page
-- is a walk from the cursor that stops when the page is full, never a
-- sort of every match. It also holds the columns the filters of a walk
-- test (root, actors, articles, date_end), so the walk reads no table
-- rows. It starts with date_start, so events_date is no longer needed.
CREATE INDEX events_order ON events (date_start,
	(CASE precision WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END),
	date_end, id, precision, root, source_id, target_id, articles);
DROP INDEX events_date;

-- "between A and B": source and target together, so that the events of a
-- pair are found without reading every event of either side. It starts
-- with source_id, so events_source is no longer needed.
CREATE INDEX events_pair ON events (source_id, target_id);
DROP INDEX events_source;

-- "from D" puts first the events that start before D and end on or after
-- it. Those of month or year precision start at most 366 days before D;
-- ranges can be of any length, and are few.
CREATE INDEX events_spans ON events (date_start, date_end) WHERE precision IN ('month', 'year');
CREATE INDEX events_ranges ON events (date_end, date_start) WHERE precision = 'range';
