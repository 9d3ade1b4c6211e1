-- 0019: events_pair carries each event's dates and trigram filter
-- (0018), so that the set of events between two actors is narrowed to a
-- period and to the events that may hold a text query's words in the
-- index alone, before any event is read (pagePlan.narrowPair). On the
-- store of a recast 100k corpus, RUS and TUR have 21,561 events, 769 of
-- them in 2018-2020 with filters that let "Idlib" through; reading each
-- of the 21,561 from the table to test it took 42 ms.
--
-- It still starts with source_id, for the queries of one source.
DROP INDEX events_pair;
CREATE INDEX events_pair ON events (source_id, target_id, date_start, date_end, g0, g1, g2, g3, g4, g5, g6, g7);
