-- 0010: pages of /api/events on large stores (store/scan.go, page.go;
-- store/plan_test.go checks the plans).
--
-- A page reads, for every mention of its events, the mention's article:
-- outlet and origin for the sources, published and path for the order,
-- url for the mentions shown. origin comes after the body in the table's
-- row, so each of those reads went through the whole article text. This
-- index holds them all, so the table is never read for them.
CREATE INDEX articles_cover ON articles (id, outlet, origin, published, path, url);
