-- 0021: the full-text index holds each sentence's words, and text_vocab
-- the suffixes of those words. The index held every suffix of every
-- word (0003), four terms a word, so that a query word could be found
-- inside a word ("lib" in "Idlib") by a prefix query: writing them was
-- an eighth of the time of a 10k-article ingest. A query word is now
-- looked up in text_vocab, which lists each distinct word once however
-- many sentences hold it, and the index is asked for the words that hold
-- it (store/text.go, matchExpr). The index is made again from the
-- stored sentences, under the same docids (store/text.go,
-- backfillWords).
CREATE TABLE text_vocab (
	suffix TEXT NOT NULL,
	word   TEXT NOT NULL,
	PRIMARY KEY (suffix, word)
) WITHOUT ROWID;
DROP TABLE report_text;
CREATE VIRTUAL TABLE report_text USING fts4(words, content="", matchinfo=fts3);
