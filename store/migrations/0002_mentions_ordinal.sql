-- 0002: SaveArticle numbers a new mention after the event's last one with
-- MAX(ordinal); without this index that scans every mention of the event,
-- which grows with each article reporting it.
CREATE INDEX mentions_event_ordinal ON mentions (event_id, ordinal);
