-- 0020: reports that quote the same sentence share one document of the
-- full-text index. A sentence that tells of two events is two reports,
-- and a wire story's copies quote its sentences again: each report was a
-- document of report_text, indexed again with every suffix of every word,
-- which was a fifth of the CPU of a 10k-article ingest. The writer now
-- indexes each distinct sentence of a transaction once (writeText), and
-- report_docs maps a docid to every report that quotes it, so that a
-- match still finds each report. The rows stored before keep their
-- docids, one report each.
CREATE TABLE report_docs_0020 (
	docid      INTEGER NOT NULL,
	mention_id TEXT NOT NULL,
	PRIMARY KEY (docid, mention_id)
) WITHOUT ROWID;
INSERT INTO report_docs_0020 (docid, mention_id) SELECT docid, mention_id FROM report_docs;
DROP TABLE report_docs;
ALTER TABLE report_docs_0020 RENAME TO report_docs;
