-- 0005: saving an article costs the same in a large database as in a
-- small one.
--
-- Merge candidates: SaveArticle looks up the stored reports of one merge
-- bucket (family and the unordered pair of actor keys, kept in pair) whose
-- dates come near a report's. mentions_bucket serves that lookup with a
-- closed range of date_start per precision: a day, month or year report
-- starts at most 0, 30 or 365 days before it ends, so only ranges need an
-- open lower bound, and date_end in the index answers their overlap test
-- without reading the rows. The two indexes of 0004 searched one side of
-- the pair each and bounded date_start from above only, so every lookup
-- read the bucket's whole past.
ALTER TABLE mentions ADD COLUMN pair TEXT NOT NULL DEFAULT '';
UPDATE mentions SET pair = CASE WHEN src_key <= tgt_key THEN src_key || '|' || tgt_key
	ELSE tgt_key || '|' || src_key END;
DROP INDEX mentions_src;
DROP INDEX mentions_tgt;
CREATE INDEX mentions_bucket ON mentions (family, pair, precision, date_start, date_end);

-- Full text per report rather than per event: a report's sentence never
-- changes, so its row is written once, when the report is stored, and a
-- merge that moves reports between events rewrites nothing. 0003's table
-- was keyed by event id in a column FTS cannot look up, so each save
-- deleted the rows of the events it touched with a scan of the whole
-- index. Search joins report_text to mentions by the report id (the
-- mentions primary key). The Go hook of this migration fills it.
DROP TABLE mention_text;
CREATE VIRTUAL TABLE report_text USING fts4(mention_id, suffixes, notindexed=mention_id);
