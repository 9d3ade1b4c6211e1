-- 0009: an act laid at different doors ("Russian jets" in one report,
-- "Syrian aircraft" in another, with a denial) is one event (package
-- merge, Contestable), though its versions share no merge bucket: they
-- share the family and the victim. SaveArticle looks up the day reports
-- of one family on one victim near a report's day through this index.
CREATE INDEX mentions_victim ON mentions (family, tgt_key, precision, date_start);
