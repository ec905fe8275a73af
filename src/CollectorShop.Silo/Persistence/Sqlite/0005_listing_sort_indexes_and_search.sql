-- Lists walk an index in their sort order and stop once the page is full, instead of sorting
-- every matching row with its JSON. The page queries write "+status" so that SQLite never
-- prefers the status index for them, with or without statistics; counts still use it.
DROP INDEX IF EXISTS ix_products_status_created;
DROP INDEX IF EXISTS ix_products_category;
CREATE INDEX IF NOT EXISTS ix_products_newest ON products (created_at DESC, id);
CREATE INDEX IF NOT EXISTS ix_products_category_newest ON products (category_id, created_at DESC, id);
CREATE INDEX IF NOT EXISTS ix_products_price ON products (price_cents, created_at DESC, id);
CREATE INDEX IF NOT EXISTS ix_products_status_category ON products (status, category_id);

-- Words in title and description: a trigram index over products.search_text, kept in step by
-- triggers (the read model only ever inserts and upserts rows).
CREATE VIRTUAL TABLE IF NOT EXISTS products_search USING fts5(
    search_text, content = 'products', content_rowid = 'rowid', tokenize = 'trigram');
INSERT INTO products_search (products_search) VALUES ('rebuild');

CREATE TRIGGER IF NOT EXISTS products_search_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TRIGGER IF NOT EXISTS products_search_update AFTER UPDATE OF search_text ON products BEGIN
    INSERT INTO products_search (products_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
    INSERT INTO products_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TRIGGER IF NOT EXISTS products_search_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_search (products_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
