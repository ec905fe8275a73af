-- The read model: one row per grain, the grain's snapshot as JSON text in "data", the columns
-- lists filter and sort on beside it, and the grain state's version so that an older snapshot
-- never overwrites a newer one. Money in cents, times in Unix milliseconds; every integer is a
-- bigint, as SQLite's INTEGER is, so both providers hand the shop the same .NET types.
CREATE TABLE IF NOT EXISTS products (
    id text NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    status text NOT NULL,
    seller_id text NOT NULL,
    category_id text NOT NULL,
    price_cents bigint NOT NULL,
    created_at bigint NOT NULL,
    search_text text NOT NULL,
    data text NOT NULL
);

-- A page walks the index of its sort order and stops once it is full; counts by status and category use the last one.
CREATE INDEX IF NOT EXISTS ix_products_newest ON products (created_at DESC, id);
CREATE INDEX IF NOT EXISTS ix_products_category_newest ON products (category_id, created_at DESC, id);
CREATE INDEX IF NOT EXISTS ix_products_price ON products (price_cents, created_at DESC, id);
CREATE INDEX IF NOT EXISTS ix_products_seller ON products (seller_id);
CREATE INDEX IF NOT EXISTS ix_products_status_category ON products (status, category_id);

CREATE TABLE IF NOT EXISTS orders (
    id text NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    status text NOT NULL,
    buyer_id text NOT NULL,
    seller_id text NOT NULL,
    product_id text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NULL,
    data text NOT NULL
);

-- Read backwards, each gives "created_at DESC, id DESC", the order lists' own order.
CREATE INDEX IF NOT EXISTS ix_orders_buyer ON orders (buyer_id, created_at, id);
CREATE INDEX IF NOT EXISTS ix_orders_seller ON orders (seller_id, created_at, id);
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, created_at, id);

-- sort_name compares byte by byte, as in SQLite, whatever locale the server was initialised with.
CREATE TABLE IF NOT EXISTS users (
    id text NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    email text NOT NULL,
    role text NOT NULL,
    sort_name text COLLATE "C" NOT NULL,
    search_text text NOT NULL,
    data text NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_users_sort_name ON users (sort_name, id);

CREATE TABLE IF NOT EXISTS seller_requests (
    id text NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    status text NOT NULL,
    user_id text NOT NULL,
    updated_at bigint NOT NULL,
    data text NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_seller_requests_status ON seller_requests (status, updated_at);

CREATE TABLE IF NOT EXISTS images (
    id text NOT NULL PRIMARY KEY,
    content_type text NOT NULL,
    bytes bytea NOT NULL,
    created_at bigint NOT NULL
);

-- Word search is "search_text LIKE '%word%'": trigram GIN indexes answer it without reading every row.
-- pg_trgm is a trusted extension, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS ix_products_search_text ON products USING gin (search_text gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_users_search_text ON users USING gin (search_text gin_trgm_ops);
