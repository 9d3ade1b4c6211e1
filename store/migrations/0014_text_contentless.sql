-- 0014: the full-text index of reports (0012) without its copy of the
-- documents.
--
-- An FTS4 table keeps every row it indexes in its _content table as
-- well, and report_text's rows are the suffix documents of the
-- sentences (store/text.go), a few times the sentence's size: 87 MB of a
-- 10,000-article store of 320 MB, never read back, since MATCH is
-- answered by the index and searches read only the report id. The new
-- table is contentless and indexes the same documents under the same
-- docids; report_docs maps each docid to its report, as the table's
-- mention_id column did. matchinfo=fts3 leaves out the _docsize table,
-- one row per document for ranking, which no query uses.
CREATE TABLE report_docs (
	docid      INTEGER PRIMARY KEY,
	mention_id TEXT NOT NULL
);
INSERT INTO report_docs (docid, mention_id) SELECT docid, mention_id FROM report_text;
CREATE VIRTUAL TABLE report_text_0014 USING fts4(suffixes, content="", matchinfo=fts3);
INSERT INTO report_text_0014 (docid, suffixes) SELECT docid, suffixes FROM report_text;
DROP TABLE report_text;
ALTER TABLE report_text_0014 RENAME TO report_text;
