-- 0008: saving an article costs the same in a large store as in a small
-- one, for its wire origin too.
--
-- When an article has near-identical copies, saveOrigin reads every
-- article of their copy groups (store/origin.go). Without an index on
-- copy_group that read scanned the whole articles table, bodies and all,
-- once per syndicated article.
CREATE INDEX articles_copy_group ON articles (copy_group);
