-- 0015: event aliases by the event they point to.
--
-- When an event merges into another (store/write.go, retire), the aliases
-- that pointed to the retired event are moved to the one it merged into,
-- looked up by event_id. Without an index that lookup read every alias,
-- once per retired event: a store's aliases grow with its events, so an
-- ingest's retirements cost the square of its size (about 40,000
-- retirements over as many aliases in a 100,000-article ingest).
CREATE INDEX event_aliases_event ON event_aliases (event_id);
